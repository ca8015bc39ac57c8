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
  department: ' ({{name}})',
  nobody: 'không ai',
  due: 'Hạn {{due}}',
  noDue: 'Chưa có hạn',
  footer: 'Mở thẻ Trang chủ của REAP Tracker để xem tất cả chiến lược của bạn.',
};

export default { en, es, vi };
