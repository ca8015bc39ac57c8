// What changed since last quarter: /reap status, App Home and the weekly digest.
import type { Widen } from '../types.js';

const en = {
  since: '*Since the end of {{period}}:* {{counts}}',
  none: '*Since the end of {{period}}:* no status changes.',
  count: {
    completed: { one: '1 completed', other: '{{count}} completed' },
    deferred: { one: '1 deferred', other: '{{count}} deferred' },
    started: { one: '1 started', other: '{{count}} started' },
    moved: { one: '1 other status change', other: '{{count}} other status changes' },
    new: { one: '1 new strategy', other: '{{count}} new strategies' },
    nowReporting: { one: '1 reporting again', other: '{{count}} reporting again' },
    notReported: { one: '1 not reported yet this quarter', other: '{{count}} not reported yet this quarter' },
    reachedTarget: { one: '1 measure reached its target', other: '{{count}} measures reached their targets' },
    missedTarget: { one: '1 measure fell short of its target', other: '{{count}} measures fell short of their targets' },
  },
  line: {
    move: '• {{strategy}}: {{from}} → {{to}}',
    new: '• {{strategy}}: new, {{to}}',
    nowReporting: '• {{strategy}}: reported this quarter, not last quarter',
    notReported: '• {{strategy}}: reported last quarter, not yet this quarter',
    reachedTarget: '• {{strategy}}: {{measure}} {{value}}, target {{target}} reached (last quarter: {{previous}})',
    missedTarget: '• {{strategy}}: {{measure}} {{value}}, short of target {{target}} (last quarter: {{previous}})',
  },
  more: { one: '…and 1 more change.', other: '…and {{count}} more changes.' },
};

const es: Widen<typeof en> = {
  since: '*Desde el cierre de {{period}}:* {{counts}}',
  none: '*Desde el cierre de {{period}}:* ningún cambio de estado.',
  count: {
    completed: { one: '1 completada', other: '{{count}} completadas' },
    deferred: { one: '1 aplazada', other: '{{count}} aplazadas' },
    started: { one: '1 iniciada', other: '{{count}} iniciadas' },
    moved: { one: '1 otro cambio de estado', other: '{{count}} otros cambios de estado' },
    new: { one: '1 estrategia nueva', other: '{{count}} estrategias nuevas' },
    nowReporting: { one: '1 vuelve a informar', other: '{{count}} vuelven a informar' },
    notReported: { one: '1 aún sin informe este trimestre', other: '{{count}} aún sin informe este trimestre' },
    reachedTarget: { one: '1 medida alcanzó su meta', other: '{{count}} medidas alcanzaron su meta' },
    missedTarget: { one: '1 medida quedó por debajo de su meta', other: '{{count}} medidas quedaron por debajo de su meta' },
  },
  line: {
    move: '• {{strategy}}: {{from}} → {{to}}',
    new: '• {{strategy}}: nueva, {{to}}',
    nowReporting: '• {{strategy}}: informó este trimestre, no el anterior',
    notReported: '• {{strategy}}: informó el trimestre anterior, aún no este',
    reachedTarget: '• {{strategy}}: {{measure}} {{value}}, meta de {{target}} alcanzada (trimestre anterior: {{previous}})',
    missedTarget: '• {{strategy}}: {{measure}} {{value}}, por debajo de la meta de {{target}} (trimestre anterior: {{previous}})',
  },
  more: { one: '…y 1 cambio más.', other: '…y {{count}} cambios más.' },
};

const vi: Widen<typeof en> = {
  since: '*Kể từ khi {{period}} kết thúc:* {{counts}}',
  none: '*Kể từ khi {{period}} kết thúc:* không có thay đổi tình trạng nào.',
  count: {
    completed: { one: '1 đã hoàn thành', other: '{{count}} đã hoàn thành' },
    deferred: { one: '1 đã hoãn', other: '{{count}} đã hoãn' },
    started: { one: '1 đã bắt đầu', other: '{{count}} đã bắt đầu' },
    moved: { one: '1 thay đổi tình trạng khác', other: '{{count}} thay đổi tình trạng khác' },
    new: { one: '1 chiến lược mới', other: '{{count}} chiến lược mới' },
    nowReporting: { one: '1 đã báo cáo trở lại', other: '{{count}} đã báo cáo trở lại' },
    notReported: { one: '1 chưa báo cáo trong quý này', other: '{{count}} chưa báo cáo trong quý này' },
    reachedTarget: { one: '1 chỉ số đã đạt mục tiêu', other: '{{count}} chỉ số đã đạt mục tiêu' },
    missedTarget: { one: '1 chỉ số chưa đạt mục tiêu', other: '{{count}} chỉ số chưa đạt mục tiêu' },
  },
  line: {
    move: '• {{strategy}}: {{from}} → {{to}}',
    new: '• {{strategy}}: mới, {{to}}',
    nowReporting: '• {{strategy}}: đã báo cáo quý này, quý trước thì không',
    notReported: '• {{strategy}}: đã báo cáo quý trước, quý này chưa',
    reachedTarget: '• {{strategy}}: {{measure}} {{value}}, đã đạt mục tiêu {{target}} (quý trước: {{previous}})',
    missedTarget: '• {{strategy}}: {{measure}} {{value}}, chưa đạt mục tiêu {{target}} (quý trước: {{previous}})',
  },
  more: { one: '…và 1 thay đổi nữa.', other: '…và {{count}} thay đổi nữa.' },
};

export default { en, es, vi };
