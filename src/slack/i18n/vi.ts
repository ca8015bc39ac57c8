import type { Catalog } from './en.js';

export const vi: Catalog = {
  common: {
    appName: 'REAP Tracker',
    notYetAvailable: 'Chưa có',
    errorGeneric: 'Đã xảy ra lỗi từ phía chúng tôi và chưa có gì được lưu. Vui lòng thử lại sau một phút.',
    errorDatabase:
      'REAP Tracker hiện không kết nối được cơ sở dữ liệu nên chưa có gì được lưu. Vui lòng thử lại sau vài phút.',
  },
  help: {
    header: 'Các lệnh của REAP Tracker',
    intro: 'Theo dõi Kế hoạch Hành động Công bằng Chủng tộc ngay trong Slack. Gõ `/reap` rồi một trong các lệnh sau:',
    unknown: 'Tôi không biết lệnh `{{command}}`. Đây là những việc tôi có thể làm:',
    notYet: '`{{command}}` chưa có; lệnh này sẽ có trong bản phát hành sau. Đây là danh sách đầy đủ:',
    comingSoon: '_(sắp có)_',
    footer: 'Có câu hỏi về kế hoạch? Hãy hỏi người phụ trách công bằng của sở hoặc Văn phòng Công bằng Chủng tộc và Xã hội.',
    commands: {
      help: 'Hiện danh sách này.',
      update: 'Báo cáo tiến độ một chiến lược của bạn.',
      status: 'Tình hình của sở bạn (hoặc sở khác): trạng thái, việc quá hạn, báo cáo còn thiếu.',
      deadlines: 'Các mốc sắp đến hạn và quá hạn của bạn.',
      plan: 'Kế hoạch của một sở, chiến lược xếp theo mục tiêu.',
      add: 'Thêm chiến lược hoặc mốc (người phụ trách công bằng và ORSE).',
      report: 'Bảng kế hoạch công tác hằng năm dưới dạng tệp CSV và Markdown.',
      language: 'Chọn ngôn ngữ: `en`, `es` hoặc `vi`.',
      redi: 'Tham gia hoặc rời bản tin REDI về các cách làm hay.',
      briefing: 'Soạn bản tin hằng quý (ORSE).',
      settings: 'Lịch nhắc việc và bản tin (ORSE).',
      admin: 'Phân vai trò và sở (ORSE).',
    },
  },
  status: {
    COMPLETED: 'Hoàn thành',
    IN_PROGRESS: 'Đang thực hiện',
    ONGOING: 'Liên tục',
    NOT_STARTED: 'Chưa bắt đầu',
    DEFERRED: 'Hoãn lại',
  },
};
