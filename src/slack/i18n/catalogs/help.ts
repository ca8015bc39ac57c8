// /reap help.
import type { Widen } from '../types.js';

const en = {
  header: 'REAP Tracker commands',
  intro: 'Keep your Racial Equity Action Plan moving without leaving Slack. Type `/reap` followed by one of these:',
  unknown: 'I don’t know the command `{{command}}`. Here is what I can do:',
  notYet: '`{{command}}` is not available yet; it arrives in a later release. Here is the full list:',
  comingSoon: '_(coming soon)_',
  footer: 'Questions about your plan? Ask your department equity lead or the Office of Racial and Social Equity.',
  commands: {
    help: 'Show this list.',
    update: 'Report progress on one of your strategies.',
    status: 'Where your department (or another) stands: statuses, overdue items, missing updates.',
    statusCoverage: 'Open strategies with no owner, a departed owner, no update ever, or overdue, with a Reassign button (ORSE).',
    deadlines: 'Your upcoming and overdue milestones.',
    plan: 'A department’s plan, strategies grouped by objective.',
    canvas: 'Put your department’s plan in this channel’s canvas, kept up to date (equity leads and ORSE; type it in the department’s channel).',
    add: 'Add a strategy or milestone (equity leads and ORSE).',
    report: 'The annual work-plan table as CSV and Markdown files. ORSE admins: `/reap report annual FY2023-2024` for the annual report draft.',
    language: 'Choose your language: `en`, `es` or `vi`.',
    redi: 'Join or leave the REDI digest of shared practices.',
    briefing: 'Compose a quarterly briefing (ORSE).',
    settings: 'Reminder and digest schedules (ORSE).',
    admin: 'Assign roles and departments (ORSE).',
  },
};

const es: Widen<typeof en> = {
  header: 'Comandos de REAP Tracker',
  intro: 'Mantenga en marcha su Plan de Acción de Equidad Racial sin salir de Slack. Escriba `/reap` seguido de uno de estos:',
  unknown: 'No conozco el comando `{{command}}`. Esto es lo que puedo hacer:',
  notYet: '`{{command}}` aún no está disponible; llegará en una versión próxima. Esta es la lista completa:',
  comingSoon: '_(próximamente)_',
  footer: '¿Preguntas sobre su plan? Consulte a la persona líder de equidad de su departamento o a la Oficina de Equidad Racial y Social.',
  commands: {
    help: 'Mostrar esta lista.',
    update: 'Informar el avance de una de sus estrategias.',
    status: 'Situación de su departamento (u otro): estados, tareas vencidas, informes pendientes.',
    statusCoverage: 'Estrategias abiertas sin responsable, con responsable que se fue, sin ningún informe o vencidas, con botón Reasignar (ORSE).',
    deadlines: 'Sus hitos próximos y vencidos.',
    plan: 'El plan de un departamento, con las estrategias agrupadas por objetivo.',
    canvas: 'Poner el plan de su departamento en el canvas de este canal, siempre al día (líderes de equidad y ORSE; escríbalo en el canal del departamento).',
    add: 'Agregar una estrategia o un hito (líderes de equidad y ORSE).',
    report:
      'La tabla anual del plan de trabajo en archivos CSV y Markdown. Administradores de ORSE: `/reap report annual FY2023-2024` para el borrador del informe anual.',
    language: 'Elija su idioma: `en`, `es` o `vi`.',
    redi: 'Unirse o salir del resumen REDI de prácticas compartidas.',
    briefing: 'Redactar un informe trimestral (ORSE).',
    settings: 'Horarios de recordatorios y resúmenes (ORSE).',
    admin: 'Asignar funciones y departamentos (ORSE).',
  },
};

const vi: Widen<typeof en> = {
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
    statusCoverage: 'Chiến lược đang mở chưa có người phụ trách, người phụ trách đã nghỉ, chưa từng báo cáo hoặc quá hạn, kèm nút Giao lại (ORSE).',
    deadlines: 'Các mốc sắp đến hạn và quá hạn của bạn.',
    plan: 'Kế hoạch của một sở, chiến lược xếp theo mục tiêu.',
    canvas: 'Đưa kế hoạch của sở bạn vào canvas của kênh này, luôn được cập nhật (người phụ trách công bằng và ORSE; gõ lệnh trong kênh của sở).',
    add: 'Thêm chiến lược hoặc mốc (người phụ trách công bằng và ORSE).',
    report:
      'Bảng kế hoạch công tác hằng năm dưới dạng tệp CSV và Markdown. Quản trị viên ORSE: `/reap report annual FY2023-2024` để nhận bản nháp báo cáo thường niên.',
    language: 'Chọn ngôn ngữ: `en`, `es` hoặc `vi`.',
    redi: 'Tham gia hoặc rời bản tin REDI về các cách làm hay.',
    briefing: 'Soạn bản tin hằng quý (ORSE).',
    settings: 'Lịch nhắc việc và bản tin (ORSE).',
    admin: 'Phân vai trò và sở (ORSE).',
  },
};

export default { en, es, vi };
