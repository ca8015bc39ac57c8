// The weekly manager digest (a DM every Monday). Counts are written as "label: number" so
// no sentence needs a plural form in three languages.
import type { Widen } from '../types.js';

const en = {
  weekly: {
    header: 'Your weekly REAP digest',
    intro: 'What happened from {{from}} to {{to}} in the departments you manage: {{departments}}.',
    part: 'Weekly REAP digest, part {{part}} of {{parts}}',
    fallback: 'Your weekly REAP digest: {{departments}}',
    fallbackPart: 'Your weekly REAP digest (part {{part}} of {{parts}}): {{departments}}',
    department: {
      header: '{{name}} ({{code}})',
      continued: '{{name}} ({{code}}), continued',
      summary:
        'Reporting period {{period}} · strategies: {{total}} · updates this week: {{updates}} · completed: {{completions}} · overdue: {{overdue}} · at risk: {{atRisk}} · not reported: {{notReported}}',
      noPlan: 'This department has no active strategies yet.',
      quiet: 'No updates this week, nothing overdue and nothing at risk.',
    },
    sections: {
      completions: ':white_check_mark: *Completed this week*',
      statusChanges: ':arrows_counterclockwise: *Status changes*',
      otherUpdates: ':memo: *Other updates this week*',
      overdue: ':red_circle: *Overdue*',
      atRisk: ':warning: *At risk*: due within {{days}} days and no update this period',
      notReported: ':mute: *No update yet for {{period}}*',
    },
    item: {
      change: '{{strategy}}\n      {{from}} → {{to}} · {{author}} · {{date}}',
      update: '{{strategy}}\n      {{author}} · {{date}}: {{excerpt}}',
      strategyDue: '{{strategy}}\n      {{due}} · {{owner}}',
      milestoneDue: '*{{label}}* milestone: {{title}}\n      {{due}} · {{owner}}',
      notReported: '{{owner}}: {{labels}}',
      noOwner: 'No owner',
      more: {
        one: '…and 1 more. The full plan shows everything.',
        other: '…and {{count}} more. The full plan shows everything.',
      },
    },
    buttons: {
      plan: 'Full plan: {{code}}',
      planA11y: 'Show the full plan of {{name}}',
      home: 'Open REAP Tracker',
      homeA11y: 'Open the REAP Tracker Home tab',
    },
    footer: 'You get this digest each week because you manage these departments. Dates are shown in your time zone.',
  },
};

const es: Widen<typeof en> = {
  weekly: {
    header: 'Su resumen semanal de REAP',
    intro: 'Lo que pasó del {{from}} al {{to}} en los departamentos que usted supervisa: {{departments}}.',
    part: 'Resumen semanal de REAP, parte {{part}} de {{parts}}',
    fallback: 'Su resumen semanal de REAP: {{departments}}',
    fallbackPart: 'Su resumen semanal de REAP (parte {{part}} de {{parts}}): {{departments}}',
    department: {
      header: '{{name}} ({{code}})',
      continued: '{{name}} ({{code}}), continuación',
      summary:
        'Período de informe {{period}} · estrategias: {{total}} · informes esta semana: {{updates}} · completadas: {{completions}} · atrasadas: {{overdue}} · en riesgo: {{atRisk}} · sin informe: {{notReported}}',
      noPlan: 'Este departamento todavía no tiene estrategias activas.',
      quiet: 'No hubo informes esta semana; nada está atrasado ni en riesgo.',
    },
    sections: {
      completions: ':white_check_mark: *Completadas esta semana*',
      statusChanges: ':arrows_counterclockwise: *Cambios de estado*',
      otherUpdates: ':memo: *Otros informes de esta semana*',
      overdue: ':red_circle: *Atrasadas*',
      atRisk: ':warning: *En riesgo*: vencen en {{days}} días o menos y no tienen informe en este período',
      notReported: ':mute: *Todavía sin informe para {{period}}*',
    },
    item: {
      change: '{{strategy}}\n      {{from}} → {{to}} · {{author}} · {{date}}',
      update: '{{strategy}}\n      {{author}} · {{date}}: {{excerpt}}',
      strategyDue: '{{strategy}}\n      {{due}} · {{owner}}',
      milestoneDue: 'Hito de *{{label}}*: {{title}}\n      {{due}} · {{owner}}',
      notReported: '{{owner}}: {{labels}}',
      noOwner: 'Sin responsable',
      more: {
        one: '…y 1 más. El plan completo lo muestra todo.',
        other: '…y {{count}} más. El plan completo lo muestra todo.',
      },
    },
    buttons: {
      plan: 'Plan completo: {{code}}',
      planA11y: 'Ver el plan completo de {{name}}',
      home: 'Abrir REAP Tracker',
      homeA11y: 'Abrir la pestaña Inicio de REAP Tracker',
    },
    footer: 'Recibe este resumen cada semana porque supervisa estos departamentos. Las fechas se muestran en su zona horaria.',
  },
};

const vi: Widen<typeof en> = {
  weekly: {
    header: 'Bản tóm tắt REAP hằng tuần của bạn',
    intro: 'Những gì đã diễn ra từ {{from}} đến {{to}} tại các sở bạn quản lý: {{departments}}.',
    part: 'Bản tóm tắt REAP hằng tuần, phần {{part}}/{{parts}}',
    fallback: 'Bản tóm tắt REAP hằng tuần của bạn: {{departments}}',
    fallbackPart: 'Bản tóm tắt REAP hằng tuần của bạn (phần {{part}}/{{parts}}): {{departments}}',
    department: {
      header: '{{name}} ({{code}})',
      continued: '{{name}} ({{code}}), tiếp theo',
      summary:
        'Kỳ báo cáo {{period}} · chiến lược: {{total}} · báo cáo tuần này: {{updates}} · hoàn thành: {{completions}} · quá hạn: {{overdue}} · có nguy cơ: {{atRisk}} · chưa báo cáo: {{notReported}}',
      noPlan: 'Sở này chưa có chiến lược nào đang thực hiện.',
      quiet: 'Tuần này không có báo cáo nào; không có gì quá hạn hay có nguy cơ.',
    },
    sections: {
      completions: ':white_check_mark: *Hoàn thành trong tuần*',
      statusChanges: ':arrows_counterclockwise: *Thay đổi trạng thái*',
      otherUpdates: ':memo: *Các báo cáo khác trong tuần*',
      overdue: ':red_circle: *Quá hạn*',
      atRisk: ':warning: *Có nguy cơ*: đến hạn trong vòng {{days}} ngày và chưa có báo cáo kỳ này',
      notReported: ':mute: *Chưa có báo cáo cho {{period}}*',
    },
    item: {
      change: '{{strategy}}\n      {{from}} → {{to}} · {{author}} · {{date}}',
      update: '{{strategy}}\n      {{author}} · {{date}}: {{excerpt}}',
      strategyDue: '{{strategy}}\n      {{due}} · {{owner}}',
      milestoneDue: 'Mốc của *{{label}}*: {{title}}\n      {{due}} · {{owner}}',
      notReported: '{{owner}}: {{labels}}',
      noOwner: 'Chưa có người phụ trách',
      more: {
        one: '…và 1 mục nữa. Kế hoạch đầy đủ có tất cả.',
        other: '…và {{count}} mục nữa. Kế hoạch đầy đủ có tất cả.',
      },
    },
    buttons: {
      plan: 'Kế hoạch đầy đủ: {{code}}',
      planA11y: 'Xem kế hoạch đầy đủ của {{name}}',
      home: 'Mở REAP Tracker',
      homeA11y: 'Mở thẻ Trang chủ của REAP Tracker',
    },
    footer: 'Bạn nhận bản tóm tắt này mỗi tuần vì bạn quản lý các sở này. Ngày giờ hiển thị theo múi giờ của bạn.',
  },
};

export default { en, es, vi };
