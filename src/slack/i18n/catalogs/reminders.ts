// Deadline reminders (DMs with Submit update / Snooze a week / Mark done), what those
// buttons answer, and the update prompts at the start and near the end of a reporting period.
import type { Widen } from '../types.js';

const en = {
  deadline: {
    header: 'Your REAP deadlines',
    intro: {
      one: 'One item you own needs attention.',
      other: '{{count}} items you own need attention.',
    },
    overdueHeading: ':red_circle: *Overdue*',
    upcomingHeading: ':calendar: *Coming up*',
    milestone: 'Milestone *{{title}}* · strategy {{label}}',
    strategy: 'Strategy *{{label}}* {{text}}',
    snoozeEnded: 'back after your snooze',
    submitUpdate: 'Submit update',
    submitUpdateA11y: 'Submit a progress update on strategy {{label}}',
    snooze: 'Snooze a week',
    snoozeA11y: 'No reminders about this for a week',
    done: 'Mark done',
    doneA11y: 'Mark this as done',
    more: {
      one: '…and 1 more. `/reap deadlines` lists everything you own.',
      other: '…and {{count}} more. `/reap deadlines` lists everything you own.',
    },
    footer: 'Reminders come on City business days. Dates show in your time zone. Snoozing hides an item for a week.',
    fallback: {
      one: 'REAP reminder: 1 deadline needs attention.',
      other: 'REAP reminder: {{count}} deadlines need attention.',
    },
  },
  outcome: {
    snoozed: ':zzz: Snoozed by {{user}}: no reminders about this until {{date}}.',
    snoozedAlready: ':zzz: Already snoozed until {{date}}.',
    alreadyDone: ':white_check_mark: This is already done, so there is nothing to snooze.',
    milestoneDone: ':white_check_mark: Marked done by {{user}}.',
    strategyDone: ':white_check_mark: Strategy closed as completed by {{user}}.',
    doneAlready: ':white_check_mark: This was already done.',
    refused: ':no_entry: {{reason}}',
    failed: ':warning: {{reason}}',
    expired: 'This button no longer works. `/reap deadlines` shows what is due now.',
  },
  prompt: {
    startHeader: 'Time to report progress',
    startIntro: 'Reporting for *{{period}}* has started. Please report on these strategies by {{date}}:',
    nudgeHeader: 'Progress reports are due soon',
    nudgeIntro: '*{{period}}* closes on {{date}}, and these strategies have no update yet:',
    colleagues: {
      one: 'Already reported in {{department}}: {{count}} of your 1 colleague.',
      other: 'Already reported in {{department}}: {{count}} of your {{total}} colleagues.',
    },
    otherPeriod: 'for {{period}}',
    more: {
      one: '…and 1 more. `/reap update` lists them all.',
      other: '…and {{count}} more. `/reap update` lists them all.',
    },
    footer: 'Press Update next to a strategy, or type `/reap update`. Dates show in your time zone.',
    startFallback: 'Time to report progress for {{period}}.',
    nudgeFallback: 'Progress reports for {{period}} are due by {{date}}.',
  },
};

const es: Widen<typeof en> = {
  deadline: {
    header: 'Sus fechas límite del REAP',
    intro: {
      one: 'Un elemento a su cargo requiere atención.',
      other: '{{count}} elementos a su cargo requieren atención.',
    },
    overdueHeading: ':red_circle: *Vencido*',
    upcomingHeading: ':calendar: *Próximamente*',
    milestone: 'Hito *{{title}}* · estrategia {{label}}',
    strategy: 'Estrategia *{{label}}* {{text}}',
    snoozeEnded: 'de vuelta tras la pausa',
    submitUpdate: 'Enviar informe',
    submitUpdateA11y: 'Enviar un informe de avance de la estrategia {{label}}',
    snooze: 'Pausar una semana',
    snoozeA11y: 'Sin recordatorios sobre esto durante una semana',
    done: 'Marcar como hecho',
    doneA11y: 'Marcar esto como hecho',
    more: {
      one: '…y 1 más. `/reap deadlines` muestra todo lo que tiene a su cargo.',
      other: '…y {{count}} más. `/reap deadlines` muestra todo lo que tiene a su cargo.',
    },
    footer: 'Los recordatorios llegan en días hábiles de la Ciudad. Las fechas se muestran en su zona horaria. Pausar oculta un elemento durante una semana.',
    fallback: {
      one: 'Recordatorio del REAP: 1 fecha límite requiere atención.',
      other: 'Recordatorio del REAP: {{count}} fechas límite requieren atención.',
    },
  },
  outcome: {
    snoozed: ':zzz: Pausado por {{user}}: no habrá recordatorios sobre esto hasta el {{date}}.',
    snoozedAlready: ':zzz: Ya estaba pausado hasta el {{date}}.',
    alreadyDone: ':white_check_mark: Esto ya está hecho, así que no hay nada que pausar.',
    milestoneDone: ':white_check_mark: Marcado como hecho por {{user}}.',
    strategyDone: ':white_check_mark: Estrategia cerrada como completada por {{user}}.',
    doneAlready: ':white_check_mark: Esto ya estaba hecho.',
    refused: ':no_entry: {{reason}}',
    failed: ':warning: {{reason}}',
    expired: 'Este botón ya no funciona. `/reap deadlines` muestra lo que vence ahora.',
  },
  prompt: {
    startHeader: 'Es hora de informar su avance',
    startIntro: 'Comenzó el período de informes *{{period}}*. Informe el avance de estas estrategias antes del {{date}}:',
    nudgeHeader: 'Los informes de avance vencen pronto',
    nudgeIntro: '*{{period}}* cierra el {{date}} y estas estrategias todavía no tienen informe:',
    colleagues: {
      one: 'Ya informaron en {{department}}: {{count}} de su 1 colega.',
      other: 'Ya informaron en {{department}}: {{count}} de sus {{total}} colegas.',
    },
    otherPeriod: 'para {{period}}',
    more: {
      one: '…y 1 más. `/reap update` las muestra todas.',
      other: '…y {{count}} más. `/reap update` las muestra todas.',
    },
    footer: 'Pulse Actualizar junto a una estrategia o escriba `/reap update`. Las fechas se muestran en su zona horaria.',
    startFallback: 'Es hora de informar el avance de {{period}}.',
    nudgeFallback: 'Los informes de avance de {{period}} vencen el {{date}}.',
  },
};

const vi: Widen<typeof en> = {
  deadline: {
    header: 'Hạn chót REAP của bạn',
    intro: {
      one: 'Có 1 việc bạn phụ trách cần lưu ý.',
      other: 'Có {{count}} việc bạn phụ trách cần lưu ý.',
    },
    overdueHeading: ':red_circle: *Quá hạn*',
    upcomingHeading: ':calendar: *Sắp đến hạn*',
    milestone: 'Mốc *{{title}}* · chiến lược {{label}}',
    strategy: 'Chiến lược *{{label}}* {{text}}',
    snoozeEnded: 'nhắc lại sau khi tạm hoãn',
    submitUpdate: 'Gửi báo cáo',
    submitUpdateA11y: 'Gửi báo cáo tiến độ cho chiến lược {{label}}',
    snooze: 'Tạm hoãn một tuần',
    snoozeA11y: 'Không nhắc về việc này trong một tuần',
    done: 'Đánh dấu xong',
    doneA11y: 'Đánh dấu việc này là đã xong',
    more: {
      one: '…và 1 việc nữa. `/reap deadlines` liệt kê mọi việc bạn phụ trách.',
      other: '…và {{count}} việc nữa. `/reap deadlines` liệt kê mọi việc bạn phụ trách.',
    },
    footer: 'Lời nhắc được gửi vào ngày làm việc của Thành phố. Ngày tháng hiển thị theo múi giờ của bạn. Tạm hoãn sẽ ẩn một việc trong một tuần.',
    fallback: {
      one: 'Nhắc nhở REAP: 1 hạn chót cần lưu ý.',
      other: 'Nhắc nhở REAP: {{count}} hạn chót cần lưu ý.',
    },
  },
  outcome: {
    snoozed: ':zzz: {{user}} đã tạm hoãn: không nhắc về việc này cho đến {{date}}.',
    snoozedAlready: ':zzz: Đã được tạm hoãn đến {{date}}.',
    alreadyDone: ':white_check_mark: Việc này đã xong nên không cần tạm hoãn.',
    milestoneDone: ':white_check_mark: {{user}} đã đánh dấu xong.',
    strategyDone: ':white_check_mark: {{user}} đã đóng chiến lược là hoàn thành.',
    doneAlready: ':white_check_mark: Việc này đã xong từ trước.',
    refused: ':no_entry: {{reason}}',
    failed: ':warning: {{reason}}',
    expired: 'Nút này không còn dùng được. `/reap deadlines` cho biết những việc đến hạn hiện nay.',
  },
  prompt: {
    startHeader: 'Đến lúc báo cáo tiến độ',
    startIntro: 'Kỳ báo cáo *{{period}}* đã bắt đầu. Vui lòng báo cáo về các chiến lược này trước {{date}}:',
    nudgeHeader: 'Sắp đến hạn báo cáo tiến độ',
    nudgeIntro: '*{{period}}* kết thúc vào {{date}} và các chiến lược này chưa có báo cáo:',
    colleagues: {
      one: 'Đã báo cáo ở {{department}}: {{count}} trên 1 đồng nghiệp của bạn.',
      other: 'Đã báo cáo ở {{department}}: {{count}} trên {{total}} đồng nghiệp của bạn.',
    },
    otherPeriod: 'cho {{period}}',
    more: {
      one: '…và 1 chiến lược nữa. `/reap update` liệt kê tất cả.',
      other: '…và {{count}} chiến lược nữa. `/reap update` liệt kê tất cả.',
    },
    footer: 'Bấm Cập nhật bên cạnh một chiến lược, hoặc gõ `/reap update`. Ngày tháng hiển thị theo múi giờ của bạn.',
    startFallback: 'Đến lúc báo cáo tiến độ cho {{period}}.',
    nudgeFallback: 'Báo cáo tiến độ cho {{period}} đến hạn vào {{date}}.',
  },
};

export default { en, es, vi };
