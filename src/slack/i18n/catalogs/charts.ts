// Charts in the weekly digest and the quarterly briefing: titles, axis labels and the alt
// text that states every figure the picture shows, for readers who cannot see it.
import type { Widen } from '../types.js';

const en = {
  statusMix: {
    title: 'Strategies by status',
    axis: 'Strategies',
    alt: 'Bar chart of strategies by status. {{rows}}',
    row: '{{department}}: {{counts}}',
    empty: '{{department}}: no strategies',
    count: {
      COMPLETED: { one: '1 completed', other: '{{count}} completed' },
      IN_PROGRESS: { one: '1 in progress', other: '{{count}} in progress' },
      ONGOING: { one: '1 ongoing', other: '{{count}} ongoing' },
      NOT_STARTED: { one: '1 not started', other: '{{count}} not started' },
      DEFERRED: { one: '1 deferred', other: '{{count}} deferred' },
    },
  },
  coverage: {
    title: 'Reporting by period',
    axis: 'Strategies expecting a report',
    reported: 'Reported',
    notReported: 'Not reported',
    alt: 'Bar chart of reporting by period. {{rows}}',
    row: '{{period}}: {{reported}} reported, {{notReported}} not reported',
  },
  more: { one: '…and 1 more.', other: '…and {{count}} more.' },
};

const es: Widen<typeof en> = {
  statusMix: {
    title: 'Estrategias por estado',
    axis: 'Estrategias',
    alt: 'Gráfico de barras de las estrategias por estado. {{rows}}',
    row: '{{department}}: {{counts}}',
    empty: '{{department}}: sin estrategias',
    count: {
      COMPLETED: { one: '1 completada', other: '{{count}} completadas' },
      IN_PROGRESS: { one: '1 en curso', other: '{{count}} en curso' },
      ONGOING: { one: '1 continua', other: '{{count}} continuas' },
      NOT_STARTED: { one: '1 sin iniciar', other: '{{count}} sin iniciar' },
      DEFERRED: { one: '1 aplazada', other: '{{count}} aplazadas' },
    },
  },
  coverage: {
    title: 'Informes por período',
    axis: 'Estrategias que deben informar',
    reported: 'Con informe',
    notReported: 'Sin informe',
    alt: 'Gráfico de barras de los informes por período. {{rows}}',
    row: '{{period}}: {{reported}} con informe, {{notReported}} sin informe',
  },
  more: { one: '…y 1 más.', other: '…y {{count}} más.' },
};

const vi: Widen<typeof en> = {
  statusMix: {
    title: 'Chiến lược theo trạng thái',
    axis: 'Chiến lược',
    alt: 'Biểu đồ cột các chiến lược theo trạng thái. {{rows}}',
    row: '{{department}}: {{counts}}',
    empty: '{{department}}: không có chiến lược',
    count: {
      COMPLETED: { one: '1 hoàn thành', other: '{{count}} hoàn thành' },
      IN_PROGRESS: { one: '1 đang thực hiện', other: '{{count}} đang thực hiện' },
      ONGOING: { one: '1 liên tục', other: '{{count}} liên tục' },
      NOT_STARTED: { one: '1 chưa bắt đầu', other: '{{count}} chưa bắt đầu' },
      DEFERRED: { one: '1 hoãn lại', other: '{{count}} hoãn lại' },
    },
  },
  coverage: {
    title: 'Báo cáo theo kỳ',
    axis: 'Chiến lược cần báo cáo',
    reported: 'Đã báo cáo',
    notReported: 'Chưa báo cáo',
    alt: 'Biểu đồ cột báo cáo theo kỳ. {{rows}}',
    row: '{{period}}: {{reported}} đã báo cáo, {{notReported}} chưa báo cáo',
  },
  more: { one: '…và 1 mục nữa.', other: '…và {{count}} mục nữa.' },
};

export default { en, es, vi };
