// The living department canvas (src/slack/features/plan/ui/plan-canvas.ts). Canvas markdown, not mrkdwn.
import type { Widen } from '../types.js';

const en = {
  title: 'REAP: {{department}}',
  heading: '{{department}}: {{plan}}',
  intro: 'Kept up to date by REAP Tracker. Edits made here by hand are replaced at the next update.',
  status: 'Status: {{status}}',
  owner: 'Owner: {{owner}}',
  noOwner: 'Owner: nobody yet',
  due: 'Due: {{date}}',
  noDue: 'Due: no date',
  lastUpdate: 'Last update: {{date}}',
  neverUpdated: 'Last update: none yet',
  measures: 'Measures: {{measures}}',
  latest: 'Latest: {{text}}',
  latestInternal: 'Latest: an Internal update, shared only with the department.',
  citywide: {
    heading: 'summary, all departments (as of {{date}})',
    total: '{{count}} strategies',
    overdue: '{{count}} overdue',
    silent: 'no update this quarter',
    none: 'No department has a plan yet.',
  },
  command: {
    elsewhere: 'Type `/reap canvas` in your department’s channel, <#{{channel}}>: the canvas belongs to the channel it is made in.',
    elsewhereGeneric:
      'Type `/reap canvas` in a department’s channel: the canvas belongs to the channel it is made in, and this one is not a department’s channel.',
    noPlan: '{{department}} has no plan yet, so there is nothing to put in a canvas.',
    created: 'I made this channel’s canvas with {{department}}’s plan. It keeps itself up to date within a minute or so of each progress update or change.',
    exists: 'This channel already has its REAP canvas, so I didn’t make another one. I brought it up to date.',
    busy: 'This channel already has its REAP canvas, so I didn’t make another one. It is being brought up to date right now.',
    retrying: 'This channel already has its REAP canvas, so I didn’t make another one. Slack refused an update just now ({{code}}); I’ll keep trying.',
    gone: 'The canvas I made here is gone ({{code}}). Type `/reap canvas` again to make a new one.',
    foreign:
      'This channel already has a canvas that REAP Tracker didn’t make, and I won’t overwrite it. Remove it from the channel, then type `/reap canvas` again.',
    failed: 'Slack refused to make the canvas ({{code}}). Try again in a few minutes; if it keeps failing, ask ORSE.',
  },
};

const es: Widen<typeof en> = {
  title: 'REAP: {{department}}',
  heading: '{{department}}: {{plan}}',
  intro: 'REAP Tracker lo mantiene al día. Los cambios hechos aquí a mano se reemplazan en la próxima actualización.',
  status: 'Estado: {{status}}',
  owner: 'Responsable: {{owner}}',
  noOwner: 'Responsable: nadie todavía',
  due: 'Fecha límite: {{date}}',
  noDue: 'Fecha límite: sin fecha',
  lastUpdate: 'Última actualización: {{date}}',
  neverUpdated: 'Última actualización: ninguna todavía',
  measures: 'Indicadores: {{measures}}',
  latest: 'Lo más reciente: {{text}}',
  latestInternal: 'Lo más reciente: una actualización interna, compartida solo con el departamento.',
  citywide: {
    heading: 'resumen de todos los departamentos (al {{date}})',
    total: '{{count}} estrategias',
    overdue: '{{count}} vencidas',
    silent: 'sin informes este trimestre',
    none: 'Ningún departamento tiene un plan todavía.',
  },
  command: {
    elsewhere: 'Escriba `/reap canvas` en el canal de su departamento, <#{{channel}}>: el canvas pertenece al canal donde se crea.',
    elsewhereGeneric:
      'Escriba `/reap canvas` en el canal de un departamento: el canvas pertenece al canal donde se crea, y este no es el canal de ningún departamento.',
    noPlan: '{{department}} todavía no tiene un plan, así que no hay nada que poner en un canvas.',
    created:
      'Creé el canvas de este canal con el plan de {{department}}. Se mantiene al día solo, más o menos un minuto después de cada informe de avance o cambio.',
    exists: 'Este canal ya tiene su canvas de REAP, así que no creé otro. Lo puse al día.',
    busy: 'Este canal ya tiene su canvas de REAP, así que no creé otro. Se está poniendo al día en este momento.',
    retrying: 'Este canal ya tiene su canvas de REAP, así que no creé otro. Slack rechazó una actualización hace un momento ({{code}}); seguiré intentándolo.',
    gone: 'El canvas que creé aquí ya no existe ({{code}}). Escriba `/reap canvas` otra vez para crear uno nuevo.',
    foreign: 'Este canal ya tiene un canvas que no creó REAP Tracker, y no lo voy a sobrescribir. Quítelo del canal y vuelva a escribir `/reap canvas`.',
    failed: 'Slack no permitió crear el canvas ({{code}}). Inténtelo de nuevo en unos minutos; si sigue fallando, consulte a ORSE.',
  },
};

const vi: Widen<typeof en> = {
  title: 'REAP: {{department}}',
  heading: '{{department}}: {{plan}}',
  intro: 'REAP Tracker tự động cập nhật trang này. Những chỉnh sửa thủ công ở đây sẽ bị thay thế ở lần cập nhật tiếp theo.',
  status: 'Trạng thái: {{status}}',
  owner: 'Người phụ trách: {{owner}}',
  noOwner: 'Người phụ trách: chưa có ai',
  due: 'Hạn chót: {{date}}',
  noDue: 'Hạn chót: chưa có ngày',
  lastUpdate: 'Cập nhật gần nhất: {{date}}',
  neverUpdated: 'Cập nhật gần nhất: chưa có',
  measures: 'Chỉ số đo lường: {{measures}}',
  latest: 'Mới nhất: {{text}}',
  latestInternal: 'Mới nhất: một báo cáo nội bộ, chỉ chia sẻ trong sở.',
  citywide: {
    heading: 'tóm tắt tất cả phòng ban (tính đến {{date}})',
    total: '{{count}} chiến lược',
    overdue: '{{count}} quá hạn',
    silent: 'chưa có cập nhật trong quý này',
    none: 'Chưa có phòng ban nào có kế hoạch.',
  },
  command: {
    elsewhere: 'Hãy gõ `/reap canvas` trong kênh của sở bạn, <#{{channel}}>: canvas thuộc về kênh nơi nó được tạo.',
    elsewhereGeneric: 'Hãy gõ `/reap canvas` trong kênh của một sở: canvas thuộc về kênh nơi nó được tạo, và kênh này không phải là kênh của sở nào.',
    noPlan: '{{department}} chưa có kế hoạch, nên chưa có gì để đưa vào canvas.',
    created: 'Tôi đã tạo canvas cho kênh này với kế hoạch của {{department}}. Canvas tự cập nhật trong khoảng một phút sau mỗi báo cáo tiến độ hoặc thay đổi.',
    exists: 'Kênh này đã có canvas REAP nên tôi không tạo thêm. Tôi đã cập nhật nó.',
    busy: 'Kênh này đã có canvas REAP nên tôi không tạo thêm. Canvas đang được cập nhật ngay lúc này.',
    retrying: 'Kênh này đã có canvas REAP nên tôi không tạo thêm. Slack vừa từ chối một lần cập nhật ({{code}}); tôi sẽ tiếp tục thử lại.',
    gone: 'Canvas tôi tạo ở đây không còn nữa ({{code}}). Hãy gõ lại `/reap canvas` để tạo canvas mới.',
    foreign: 'Kênh này đã có một canvas không do REAP Tracker tạo, và tôi sẽ không ghi đè lên nó. Hãy gỡ canvas đó khỏi kênh rồi gõ lại `/reap canvas`.',
    failed: 'Slack không cho tạo canvas ({{code}}). Hãy thử lại sau vài phút; nếu vẫn không được, hãy hỏi ORSE.',
  },
};

export default { en, es, vi };
