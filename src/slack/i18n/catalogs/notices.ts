// Direct messages telling people about a change someone else made to their work
// (src/slack/features/digests/ui/change-notice.ts).
import type { Widen } from '../types.js';

const en = {
  strategyReassigned: {
    newOwner: '{{actor}} made you the owner of strategy *{{label}}*{{department}}. Its update prompts and reminders now come to you.',
    previousOwner: '{{actor}} gave strategy *{{label}}*{{department}} to {{owner}}. Its update prompts and reminders no longer come to you.',
    lead: '{{actor}} gave strategy *{{label}}*{{department}} to {{owner}} (before: {{previous}}).',
  },
  strategyAdded: {
    owner: '{{actor}} added strategy *{{label}}*{{department}} and made you its owner.',
    lead: '{{actor}} added strategy *{{label}}*{{department}}. Owner: {{owner}}.',
  },
  strategyDeferred: {
    owner: '{{actor}} deferred strategy *{{label}}*{{department}}, which you own, to {{due}}.',
    lead: '{{actor}} deferred strategy *{{label}}*{{department}} to {{due}}.',
    reason: '*Reason:* {{reason}}',
  },
  milestoneAdded: {
    milestoneOwner: '{{actor}} added the milestone “{{title}}” (due {{due}}) to strategy *{{label}}*{{department}} and made you its owner.',
    owner: '{{actor}} added the milestone “{{title}}” (due {{due}}) to strategy *{{label}}*{{department}}, which you own.',
    lead: '{{actor}} added the milestone “{{title}}” (due {{due}}) to strategy *{{label}}*{{department}}.',
  },
  strategyLeadMoved: {
    lead: '{{actor}} made {{lead}} the lead department of strategy *{{label}}* (before: {{previous}}). Its equity lead now manages the strategy, and its reporting follows {{lead}}’s cadence.',
    previousLead: '{{actor}} moved strategy *{{label}}* from {{previous}} to {{lead}} as lead department. {{previous}} no longer manages it.',
    owner: '{{actor}} moved strategy *{{label}}*, which you own, to {{lead}} as lead department. You remain its owner.',
    previousOwner:
      '{{actor}} moved strategy *{{label}}* to {{lead}} as lead department. You are not in {{lead}}, so you are no longer its owner, and its update prompts and reminders no longer come to you.',
  },
  department: ' ({{name}})',
  nobody: 'nobody',
  due: 'Due {{due}}',
  noDue: 'No due date',
  footer: 'Open REAP Tracker’s Home tab to see all your strategies.',
};

const es: Widen<typeof en> = {
  strategyReassigned: {
    newOwner: '{{actor}} le asignó la estrategia *{{label}}*{{department}}. Desde ahora le llegarán sus solicitudes de actualización y recordatorios.',
    previousOwner: '{{actor}} asignó la estrategia *{{label}}*{{department}} a {{owner}}. Ya no le llegarán sus solicitudes de actualización ni recordatorios.',
    lead: '{{actor}} asignó la estrategia *{{label}}*{{department}} a {{owner}} (antes: {{previous}}).',
  },
  strategyAdded: {
    owner: '{{actor}} agregó la estrategia *{{label}}*{{department}} y le nombró responsable.',
    lead: '{{actor}} agregó la estrategia *{{label}}*{{department}}. Responsable: {{owner}}.',
  },
  strategyDeferred: {
    owner: '{{actor}} aplazó hasta el {{due}} la estrategia *{{label}}*{{department}}, de la que usted es responsable.',
    lead: '{{actor}} aplazó hasta el {{due}} la estrategia *{{label}}*{{department}}.',
    reason: '*Motivo:* {{reason}}',
  },
  milestoneAdded: {
    milestoneOwner: '{{actor}} agregó el hito «{{title}}» (vence el {{due}}) a la estrategia *{{label}}*{{department}} y le nombró responsable.',
    owner: '{{actor}} agregó el hito «{{title}}» (vence el {{due}}) a la estrategia *{{label}}*{{department}}, de la que usted es responsable.',
    lead: '{{actor}} agregó el hito «{{title}}» (vence el {{due}}) a la estrategia *{{label}}*{{department}}.',
  },
  strategyLeadMoved: {
    lead: '{{actor}} hizo de {{lead}} el departamento líder de la estrategia *{{label}}* (antes: {{previous}}). Su líder de equidad ahora la gestiona, y sus informes siguen la frecuencia de {{lead}}.',
    previousLead: '{{actor}} pasó la estrategia *{{label}}* de {{previous}} a {{lead}} como departamento líder. {{previous}} ya no la gestiona.',
    owner: '{{actor}} pasó la estrategia *{{label}}*, de la que usted es responsable, a {{lead}} como departamento líder. Usted sigue siendo su responsable.',
    previousOwner:
      '{{actor}} pasó la estrategia *{{label}}* a {{lead}} como departamento líder. Usted no está en {{lead}}, así que ya no es su responsable y ya no le llegarán sus solicitudes de actualización ni recordatorios.',
  },
  department: ' ({{name}})',
  nobody: 'nadie',
  due: 'Vence el {{due}}',
  noDue: 'Sin fecha límite',
  footer: 'Abra la pestaña Inicio de REAP Tracker para ver todas sus estrategias.',
};

const vi: Widen<typeof en> = {
  strategyReassigned: {
    newOwner:
      '{{actor}} đã giao cho bạn phụ trách chiến lược *{{label}}*{{department}}. Từ nay bạn sẽ nhận các lời nhắc cập nhật và nhắc nhở của chiến lược này.',
    previousOwner:
      '{{actor}} đã giao chiến lược *{{label}}*{{department}} cho {{owner}}. Bạn sẽ không còn nhận lời nhắc cập nhật và nhắc nhở của chiến lược này.',
    lead: '{{actor}} đã giao chiến lược *{{label}}*{{department}} cho {{owner}} (trước đây: {{previous}}).',
  },
  strategyAdded: {
    owner: '{{actor}} đã thêm chiến lược *{{label}}*{{department}} và giao cho bạn phụ trách.',
    lead: '{{actor}} đã thêm chiến lược *{{label}}*{{department}}. Người phụ trách: {{owner}}.',
  },
  strategyDeferred: {
    owner: '{{actor}} đã hoãn chiến lược *{{label}}*{{department}} mà bạn phụ trách đến {{due}}.',
    lead: '{{actor}} đã hoãn chiến lược *{{label}}*{{department}} đến {{due}}.',
    reason: '*Lý do:* {{reason}}',
  },
  milestoneAdded: {
    milestoneOwner: '{{actor}} đã thêm mốc “{{title}}” (hạn {{due}}) vào chiến lược *{{label}}*{{department}} và giao cho bạn phụ trách.',
    owner: '{{actor}} đã thêm mốc “{{title}}” (hạn {{due}}) vào chiến lược *{{label}}*{{department}} mà bạn phụ trách.',
    lead: '{{actor}} đã thêm mốc “{{title}}” (hạn {{due}}) vào chiến lược *{{label}}*{{department}}.',
  },
  strategyLeadMoved: {
    lead: '{{actor}} đã chọn {{lead}} làm sở chủ trì của chiến lược *{{label}}* (trước đây: {{previous}}). Người phụ trách công bằng của sở này nay quản lý chiến lược, và việc báo cáo theo chu kỳ của {{lead}}.',
    previousLead: '{{actor}} đã chuyển chiến lược *{{label}}* từ {{previous}} sang {{lead}} làm sở chủ trì. {{previous}} không còn quản lý chiến lược này.',
    owner: '{{actor}} đã chuyển chiến lược *{{label}}* mà bạn phụ trách sang {{lead}} làm sở chủ trì. Bạn vẫn là người phụ trách.',
    previousOwner:
      '{{actor}} đã chuyển chiến lược *{{label}}* sang {{lead}} làm sở chủ trì. Bạn không thuộc {{lead}} nên không còn là người phụ trách, và sẽ không còn nhận lời nhắc cập nhật của chiến lược này.',
  },
  department: ' ({{name}})',
  nobody: 'không ai',
  due: 'Hạn {{due}}',
  noDue: 'Chưa có hạn',
  footer: 'Mở thẻ Trang chủ của REAP Tracker để xem tất cả chiến lược của bạn.',
};

export default { en, es, vi };
