// /reap plan, and the strategy line every reading surface shares (status, deadlines, App
// Home): due dates, owners, the Update button. Counted phrases are {one, other} pairs picked
// by the UI (see ui/status-parts.ts `countKey`), so every language has the same keys.
import type { Widen } from '../types.js';

const en = {
  header: '{{department}}: {{plan}}',
  range: 'Strategies {{from}}–{{to}} of {{total}} · page {{page}} of {{pages}}',
  empty: 'This plan has no active strategies yet.',
  objective: '*Objective {{number}}:* {{title}}',
  previous: '← Previous',
  next: 'Next →',
  otherPlans: 'Other plans of this department: {{plans}}. Open one with `/reap plan <plan key>`.',
  footer: 'Due dates show in your time zone. Another department: `/reap plan <name or code>`.',
  expired: 'This list is out of date. Run `/reap plan` again to see the current plan.',
  item: {
    updateButton: 'Update',
    updateA11y: 'Report progress on strategy {{label}}',
    strategy: '*{{label}}* {{text}}',
    noDueDate: 'no due date',
    dueToday: 'due today ({{date}})',
    dueIn: { one: 'due {{date}} (tomorrow)', other: 'due {{date}} (in {{count}} days)' },
    overdueBy: { one: 'due {{date}} (1 day overdue)', other: 'due {{date}} ({{count}} days overdue)' },
    owner: 'owner {{owner}}',
    noOwner: 'no owner',
    needsOwner: 'needs a new owner',
    lastUpdate: 'last update {{date}}',
    neverUpdated: 'no update yet',
    openMilestones: { one: '1 open milestone', other: '{{count}} open milestones' },
    deferred: 'deferred: {{reason}}',
    more: { one: '…and 1 more.', other: '…and {{count}} more.' },
  },
};

const es: Widen<typeof en> = {
  header: '{{department}}: {{plan}}',
  range: 'Estrategias {{from}}–{{to}} de {{total}} · página {{page}} de {{pages}}',
  empty: 'Este plan todavía no tiene estrategias activas.',
  objective: '*Objetivo {{number}}:* {{title}}',
  previous: '← Anterior',
  next: 'Siguiente →',
  otherPlans: 'Otros planes de este departamento: {{plans}}. Abra uno con `/reap plan <clave del plan>`.',
  footer: 'Las fechas se muestran en su zona horaria. Otro departamento: `/reap plan <nombre o código>`.',
  expired: 'Esta lista está desactualizada. Vuelva a escribir `/reap plan` para ver el plan actual.',
  item: {
    updateButton: 'Actualizar',
    updateA11y: 'Informar el avance de la estrategia {{label}}',
    strategy: '*{{label}}* {{text}}',
    noDueDate: 'sin fecha límite',
    dueToday: 'vence hoy ({{date}})',
    dueIn: { one: 'vence el {{date}} (mañana)', other: 'vence el {{date}} (en {{count}} días)' },
    overdueBy: { one: 'venció el {{date}} (1 día de retraso)', other: 'venció el {{date}} ({{count}} días de retraso)' },
    owner: 'responsable: {{owner}}',
    noOwner: 'sin responsable',
    needsOwner: 'necesita una nueva persona responsable',
    lastUpdate: 'último informe: {{date}}',
    neverUpdated: 'sin informes todavía',
    openMilestones: { one: '1 hito pendiente', other: '{{count}} hitos pendientes' },
    deferred: 'aplazada: {{reason}}',
    more: { one: '…y 1 más.', other: '…y {{count}} más.' },
  },
};

const vi: Widen<typeof en> = {
  header: '{{department}}: {{plan}}',
  range: 'Chiến lược {{from}}–{{to}} trên tổng số {{total}} · trang {{page}}/{{pages}}',
  empty: 'Kế hoạch này chưa có chiến lược nào đang thực hiện.',
  objective: '*Mục tiêu {{number}}:* {{title}}',
  previous: '← Trang trước',
  next: 'Trang sau →',
  otherPlans: 'Các kế hoạch khác của sở: {{plans}}. Mở bằng `/reap plan <mã kế hoạch>`.',
  footer: 'Ngày tháng hiển thị theo múi giờ của bạn. Xem sở khác: `/reap plan <tên hoặc mã>`.',
  expired: 'Danh sách này đã cũ. Hãy gõ lại `/reap plan` để xem kế hoạch hiện tại.',
  item: {
    updateButton: 'Cập nhật',
    updateA11y: 'Báo cáo tiến độ chiến lược {{label}}',
    strategy: '*{{label}}* {{text}}',
    noDueDate: 'chưa có hạn',
    dueToday: 'đến hạn hôm nay ({{date}})',
    dueIn: { one: 'hạn {{date}} (ngày mai)', other: 'hạn {{date}} (còn {{count}} ngày)' },
    overdueBy: { one: 'hạn {{date}} (quá hạn 1 ngày)', other: 'hạn {{date}} (quá hạn {{count}} ngày)' },
    owner: 'phụ trách: {{owner}}',
    noOwner: 'chưa có người phụ trách',
    needsOwner: 'cần người phụ trách mới',
    lastUpdate: 'báo cáo gần nhất {{date}}',
    neverUpdated: 'chưa có báo cáo',
    openMilestones: { one: '1 mốc chưa xong', other: '{{count}} mốc chưa xong' },
    deferred: 'tạm hoãn: {{reason}}',
    more: { one: '…và 1 mục nữa.', other: '…và {{count}} mục nữa.' },
  },
};

export default { en, es, vi };
