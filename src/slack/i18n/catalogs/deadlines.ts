// /reap deadlines: the reader's own overdue and upcoming milestones and strategies.
import type { Widen } from '../types.js';

const en = {
  header: 'Your deadlines',
  intro: 'What you own that is overdue or due in the next {{days}} days.',
  overdueHeading: ':red_circle: *Overdue*',
  upcomingHeading: ':calendar: *Coming up*',
  none: 'Nothing you own is overdue or due in the next {{days}} days. :tada:',
  milestone: 'Milestone *{{title}}* · strategy {{label}}',
  strategy: 'Strategy *{{label}}* {{text}}',
  snoozed: 'reminders paused until {{date}}',
  footer: 'Dates show in your time zone. Report progress with the Update button or `/reap update`.',
};

const es: Widen<typeof en> = {
  header: 'Sus fechas límite',
  intro: 'Lo que está a su cargo y está vencido o vence en los próximos {{days}} días.',
  overdueHeading: ':red_circle: *Vencido*',
  upcomingHeading: ':calendar: *Próximamente*',
  none: 'Nada a su cargo está vencido ni vence en los próximos {{days}} días. :tada:',
  milestone: 'Hito *{{title}}* · estrategia {{label}}',
  strategy: 'Estrategia *{{label}}* {{text}}',
  snoozed: 'recordatorios en pausa hasta el {{date}}',
  footer: 'Las fechas se muestran en su zona horaria. Informe su avance con el botón Actualizar o con `/reap update`.',
};

const vi: Widen<typeof en> = {
  header: 'Hạn chót của bạn',
  intro: 'Những việc bạn phụ trách đã quá hạn hoặc đến hạn trong {{days}} ngày tới.',
  overdueHeading: ':red_circle: *Quá hạn*',
  upcomingHeading: ':calendar: *Sắp đến hạn*',
  none: 'Không có việc nào bạn phụ trách bị quá hạn hoặc đến hạn trong {{days}} ngày tới. :tada:',
  milestone: 'Mốc *{{title}}* · chiến lược {{label}}',
  strategy: 'Chiến lược *{{label}}* {{text}}',
  snoozed: 'tạm dừng nhắc nhở đến {{date}}',
  footer: 'Ngày tháng hiển thị theo múi giờ của bạn. Báo cáo tiến độ bằng nút Cập nhật hoặc `/reap update`.',
};

export default { en, es, vi };
