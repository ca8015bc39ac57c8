// /reap status: one department, or the whole City for ORSE admins. (Status names
// themselves live in catalogs/status.ts.)
import type { Widen } from '../types.js';

const en = {
  header: '{{department}}: where things stand',
  summary: '*{{total}}* active strategies · this quarter is {{quarter}} ({{from}} to {{to}})',
  reportingLine: '*{{period}}*: {{reported}} reported · {{notReported}} not reported · {{overdue}} overdue · {{dueSoon}} due in the next {{days}} days',
  reportingTotals:
    '*All your departments*: {{reported}} reported · {{notReported}} not reported · {{overdue}} overdue · {{dueSoon}} due in the next {{days}} days',
  overdue: '*Overdue:* {{count}}',
  dueSoon: '*Due in the next {{days}} days:* {{count}}',
  silent: '*No update this quarter:* {{count}}',
  lastUpdate: 'Last progress update: {{date}} ({{age}})',
  noUpdates: 'No progress updates yet.',
  age: { today: 'today', one: '1 day ago', other: '{{count}} days ago' },
  needsReassignment: {
    one: ':warning: 1 strategy needs a new owner: its owner is no longer active.',
    other: ':warning: {{count}} strategies need a new owner: their owners are no longer active.',
  },
  overdueHeading: ':red_circle: *Overdue*',
  dueSoonHeading: ':hourglass_flowing_sand: *Due in the next {{days}} days*',
  silentHeading: ':zipper_mouth_face: *No update this quarter*',
  more: { one: '…and 1 more: `/reap plan {{department}}` lists them all.', other: '…and {{count}} more: `/reap plan {{department}}` lists them all.' },
  noStrategies: '{{department}} has no active strategies in REAP Tracker yet.',
  adminHint: 'ORSE admins: `/reap status all` shows every department.',
  otherHint: 'Another department: `/reap status <name or code>`.',
  managedHint: 'Your other departments: {{departments}}.',
  timeZoneHint: 'Dates show in your time zone.',
  citywide: {
    header: 'Citywide REAP status',
    summary: '*{{total}}* active strategies in {{departments}} departments · this quarter is {{quarter}} ({{from}} to {{to}})',
    totals: '*Overdue:* {{overdue}} · *Due in the next {{days}} days:* {{dueSoon}}',
    tableHeading: '*Departments*: strategies · {{statuses}} · overdue · last update',
    row: '*{{code}}* {{name}}: {{total}} · {{counts}} · {{overdue}} overdue · {{last}}',
    neverUpdated: 'no updates',
    silentHeading: ':zipper_mouth_face: *Silent this quarter* (work that expects reports, and no update filed):',
    noneSilent: 'Every department with active work has reported this quarter. :tada:',
    noPlan: {
      one: '1 department has no plan in REAP Tracker yet: {{departments}}.',
      other: '{{count}} departments have no plan in REAP Tracker yet: {{departments}}.',
    },
    drillDown: 'One department in detail: `/reap status <name or code>`.',
  },
};

const es: Widen<typeof en> = {
  header: '{{department}}: situación actual',
  summary: '*{{total}}* estrategias activas · el trimestre actual es {{quarter}} (del {{from}} al {{to}})',
  reportingLine:
    '*{{period}}*: {{reported}} con informe · {{notReported}} sin informe · {{overdue}} vencidas · {{dueSoon}} vencen en los próximos {{days}} días',
  reportingTotals:
    '*Todos sus departamentos*: {{reported}} con informe · {{notReported}} sin informe · {{overdue}} vencidas · {{dueSoon}} vencen en los próximos {{days}} días',
  overdue: '*Vencidas:* {{count}}',
  dueSoon: '*Vencen en los próximos {{days}} días:* {{count}}',
  silent: '*Sin informe este trimestre:* {{count}}',
  lastUpdate: 'Último informe de avance: {{date}} ({{age}})',
  noUpdates: 'Todavía no hay informes de avance.',
  age: { today: 'hoy', one: 'hace 1 día', other: 'hace {{count}} días' },
  needsReassignment: {
    one: ':warning: 1 estrategia necesita una nueva persona responsable: la anterior ya no está activa.',
    other: ':warning: {{count}} estrategias necesitan una nueva persona responsable: las anteriores ya no están activas.',
  },
  overdueHeading: ':red_circle: *Vencidas*',
  dueSoonHeading: ':hourglass_flowing_sand: *Vencen en los próximos {{days}} días*',
  silentHeading: ':zipper_mouth_face: *Sin informe este trimestre*',
  more: { one: '…y 1 más: `/reap plan {{department}}` las muestra todas.', other: '…y {{count}} más: `/reap plan {{department}}` las muestra todas.' },
  noStrategies: '{{department}} todavía no tiene estrategias activas en REAP Tracker.',
  adminHint: 'Administradores de ORSE: `/reap status all` muestra todos los departamentos.',
  otherHint: 'Otro departamento: `/reap status <nombre o código>`.',
  managedHint: 'Sus otros departamentos: {{departments}}.',
  timeZoneHint: 'Las fechas se muestran en su zona horaria.',
  citywide: {
    header: 'Situación de los REAP en toda la Ciudad',
    summary: '*{{total}}* estrategias activas en {{departments}} departamentos · el trimestre actual es {{quarter}} (del {{from}} al {{to}})',
    totals: '*Vencidas:* {{overdue}} · *Vencen en los próximos {{days}} días:* {{dueSoon}}',
    tableHeading: '*Departamentos*: estrategias · {{statuses}} · vencidas · último informe',
    row: '*{{code}}* {{name}}: {{total}} · {{counts}} · {{overdue}} vencidas · {{last}}',
    neverUpdated: 'sin informes',
    silentHeading: ':zipper_mouth_face: *Sin informes este trimestre* (trabajo que requiere informes y ningún informe presentado):',
    noneSilent: 'Todos los departamentos con trabajo activo han informado este trimestre. :tada:',
    noPlan: {
      one: '1 departamento todavía no tiene plan en REAP Tracker: {{departments}}.',
      other: '{{count}} departamentos todavía no tienen plan en REAP Tracker: {{departments}}.',
    },
    drillDown: 'Un departamento en detalle: `/reap status <nombre o código>`.',
  },
};

const vi: Widen<typeof en> = {
  header: '{{department}}: tình hình hiện tại',
  summary: '*{{total}}* chiến lược đang thực hiện · quý này là {{quarter}} (từ {{from}} đến {{to}})',
  reportingLine: '*{{period}}*: {{reported}} đã báo cáo · {{notReported}} chưa báo cáo · {{overdue}} quá hạn · {{dueSoon}} đến hạn trong {{days}} ngày tới',
  reportingTotals:
    '*Tất cả các sở của bạn*: {{reported}} đã báo cáo · {{notReported}} chưa báo cáo · {{overdue}} quá hạn · {{dueSoon}} đến hạn trong {{days}} ngày tới',
  overdue: '*Quá hạn:* {{count}}',
  dueSoon: '*Đến hạn trong {{days}} ngày tới:* {{count}}',
  silent: '*Chưa báo cáo quý này:* {{count}}',
  lastUpdate: 'Báo cáo tiến độ gần nhất: {{date}} ({{age}})',
  noUpdates: 'Chưa có báo cáo tiến độ nào.',
  age: { today: 'hôm nay', one: '1 ngày trước', other: '{{count}} ngày trước' },
  needsReassignment: {
    one: ':warning: 1 chiến lược cần người phụ trách mới: người phụ trách cũ không còn hoạt động.',
    other: ':warning: {{count}} chiến lược cần người phụ trách mới: người phụ trách cũ không còn hoạt động.',
  },
  overdueHeading: ':red_circle: *Quá hạn*',
  dueSoonHeading: ':hourglass_flowing_sand: *Đến hạn trong {{days}} ngày tới*',
  silentHeading: ':zipper_mouth_face: *Chưa báo cáo quý này*',
  more: { one: '…và 1 mục nữa: `/reap plan {{department}}` liệt kê đầy đủ.', other: '…và {{count}} mục nữa: `/reap plan {{department}}` liệt kê đầy đủ.' },
  noStrategies: '{{department}} chưa có chiến lược nào đang thực hiện trong REAP Tracker.',
  adminHint: 'Quản trị viên ORSE: `/reap status all` hiển thị tất cả các sở.',
  otherHint: 'Xem sở khác: `/reap status <tên hoặc mã>`.',
  managedHint: 'Các sở khác của bạn: {{departments}}.',
  timeZoneHint: 'Ngày tháng hiển thị theo múi giờ của bạn.',
  citywide: {
    header: 'Tình hình REAP toàn Thành phố',
    summary: '*{{total}}* chiến lược đang thực hiện tại {{departments}} sở · quý này là {{quarter}} (từ {{from}} đến {{to}})',
    totals: '*Quá hạn:* {{overdue}} · *Đến hạn trong {{days}} ngày tới:* {{dueSoon}}',
    tableHeading: '*Các sở*: số chiến lược · {{statuses}} · quá hạn · báo cáo gần nhất',
    row: '*{{code}}* {{name}}: {{total}} · {{counts}} · {{overdue}} quá hạn · {{last}}',
    neverUpdated: 'chưa có báo cáo',
    silentHeading: ':zipper_mouth_face: *Chưa báo cáo quý này* (có việc cần báo cáo nhưng chưa nộp báo cáo nào):',
    noneSilent: 'Tất cả các sở có việc đang thực hiện đều đã báo cáo quý này. :tada:',
    noPlan: {
      one: '1 sở chưa có kế hoạch trong REAP Tracker: {{departments}}.',
      other: '{{count}} sở chưa có kế hoạch trong REAP Tracker: {{departments}}.',
    },
    drillDown: 'Xem chi tiết một sở: `/reap status <tên hoặc mã>`.',
  },
};

export default { en, es, vi };
