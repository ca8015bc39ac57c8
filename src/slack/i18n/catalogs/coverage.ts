// Owner coverage for ORSE admins: /reap status coverage and the section of their App Home.
import type { Widen } from '../types.js';

const en = {
  header: 'Owner coverage',
  headerDepartment: 'Owner coverage: {{department}}',
  text: { one: 'Owner coverage: 1 open strategy needs attention', other: 'Owner coverage: {{count}} open strategies need attention' },
  summary: {
    one: '*1* open strategy needs attention (one strategy can show under several headings).',
    other: '*{{count}}* open strategies need attention (one strategy can show under several headings).',
  },
  allCovered: 'Every open strategy has an active owner, has a progress update and is on time. :tada:',
  reasons: {
    noOwner: 'No owner',
    inactiveOwner: 'Owner left or must be replaced',
    neverUpdated: 'Never updated',
    overdue: 'Overdue',
  },
  row: '*{{department}}* · *{{label}}* {{text}}',
  noDepartment: 'No department',
  owner: 'Owner: {{owner}}',
  ownerInactive: 'Owner: {{owner}} (no longer active)',
  ownerFlagged: 'Owner: {{owner}} (marked for a new owner)',
  noOwner: 'No owner',
  reassignButton: 'Reassign',
  reassignA11y: 'Choose a new owner for strategy {{label}}',
  more: { one: '…and 1 more.', other: '…and {{count}} more.' },
  moreCityHint: 'One department at a time: `/reap status coverage <name or code>`.',
  moreDepartmentHint: 'Every strategy of the department: `/reap plan {{code}}`.',
  overdueMeaning: 'Overdue: due before today in San José and neither completed nor deferred. Dates show in your time zone.',
  homeTitle: ':busts_in_silhouette: *Owner coverage*',
  homeMore: 'The full list: `/reap status coverage`, or one department: `/reap status coverage <name or code>`.',
};

const es: Widen<typeof en> = {
  header: 'Cobertura de responsables',
  headerDepartment: 'Cobertura de responsables: {{department}}',
  text: {
    one: 'Cobertura de responsables: 1 estrategia abierta requiere atención',
    other: 'Cobertura de responsables: {{count}} estrategias abiertas requieren atención',
  },
  summary: {
    one: '*1* estrategia abierta requiere atención (una estrategia puede aparecer en varios apartados).',
    other: '*{{count}}* estrategias abiertas requieren atención (una estrategia puede aparecer en varios apartados).',
  },
  allCovered: 'Todas las estrategias abiertas tienen una persona responsable activa, un informe de avance y están al día. :tada:',
  reasons: {
    noOwner: 'Sin responsable',
    inactiveOwner: 'La persona responsable se fue o debe ser reemplazada',
    neverUpdated: 'Nunca se informó avance',
    overdue: 'Vencidas',
  },
  row: '*{{department}}* · *{{label}}* {{text}}',
  noDepartment: 'Sin departamento',
  owner: 'Responsable: {{owner}}',
  ownerInactive: 'Responsable: {{owner}} (ya no está activa)',
  ownerFlagged: 'Responsable: {{owner}} (marcada para reemplazo)',
  noOwner: 'Sin responsable',
  reassignButton: 'Reasignar',
  reassignA11y: 'Elegir una nueva persona responsable para la estrategia {{label}}',
  more: { one: '…y 1 más.', other: '…y {{count}} más.' },
  moreCityHint: 'Un departamento a la vez: `/reap status coverage <nombre o código>`.',
  moreDepartmentHint: 'Todas las estrategias del departamento: `/reap plan {{code}}`.',
  overdueMeaning: 'Vencida: con fecha límite anterior a hoy en San José y ni completada ni aplazada. Las fechas se muestran en su zona horaria.',
  homeTitle: ':busts_in_silhouette: *Cobertura de responsables*',
  homeMore: 'La lista completa: `/reap status coverage`; un departamento: `/reap status coverage <nombre o código>`.',
};

const vi: Widen<typeof en> = {
  header: 'Tình trạng người phụ trách',
  headerDepartment: 'Tình trạng người phụ trách: {{department}}',
  text: {
    one: 'Tình trạng người phụ trách: 1 chiến lược đang mở cần được chú ý',
    other: 'Tình trạng người phụ trách: {{count}} chiến lược đang mở cần được chú ý',
  },
  summary: {
    one: '*1* chiến lược đang mở cần được chú ý (một chiến lược có thể nằm dưới nhiều mục).',
    other: '*{{count}}* chiến lược đang mở cần được chú ý (một chiến lược có thể nằm dưới nhiều mục).',
  },
  allCovered: 'Mọi chiến lược đang mở đều có người phụ trách còn hoạt động, đã có báo cáo tiến độ và đúng hạn. :tada:',
  reasons: {
    noOwner: 'Chưa có người phụ trách',
    inactiveOwner: 'Người phụ trách đã nghỉ hoặc cần được thay',
    neverUpdated: 'Chưa từng báo cáo tiến độ',
    overdue: 'Quá hạn',
  },
  row: '*{{department}}* · *{{label}}* {{text}}',
  noDepartment: 'Chưa thuộc sở nào',
  owner: 'Người phụ trách: {{owner}}',
  ownerInactive: 'Người phụ trách: {{owner}} (không còn hoạt động)',
  ownerFlagged: 'Người phụ trách: {{owner}} (cần người thay)',
  noOwner: 'Chưa có người phụ trách',
  reassignButton: 'Giao lại',
  reassignA11y: 'Chọn người phụ trách mới cho chiến lược {{label}}',
  more: { one: '…và 1 chiến lược nữa.', other: '…và {{count}} chiến lược nữa.' },
  moreCityHint: 'Xem từng sở: `/reap status coverage <tên hoặc mã>`.',
  moreDepartmentHint: 'Mọi chiến lược của sở: `/reap plan {{code}}`.',
  overdueMeaning: 'Quá hạn: hạn chót trước ngày hôm nay theo giờ San José, chưa hoàn thành và không bị hoãn. Ngày tháng hiển thị theo múi giờ của bạn.',
  homeTitle: ':busts_in_silhouette: *Tình trạng người phụ trách*',
  homeMore: 'Danh sách đầy đủ: `/reap status coverage`; từng sở: `/reap status coverage <tên hoặc mã>`.',
};

export default { en, es, vi };
