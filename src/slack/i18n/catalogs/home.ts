// The App Home tab, by role.
import type { Widen } from '../types.js';

const en = {
  unknown: {
    header: 'Welcome to REAP Tracker',
    intro:
      'REAP Tracker helps City of San José departments keep their Racial Equity Action Plans moving: progress updates, deadlines and reports, right here in Slack.',
    notYet:
      'You are not set up in REAP Tracker yet, so there is nothing to show you here. To get added, ask your department’s equity lead or an ORSE admin: {{contacts}}.',
    contactsFallback: 'the Office of Racial and Social Equity',
    help: 'In the meantime, `/reap help` lists what the app can do.',
  },
  header: 'REAP Tracker',
  greeting: 'Hello {{name}}. Here is your REAP work as of {{date}}.',
  myDeadlines: ':calendar: *Your deadlines* (overdue and next {{days}} days)',
  noDeadlines: 'Nothing you own is overdue or due in the next {{days}} days.',
  myStrategies: ':clipboard: *Your strategies*',
  noStrategies: 'You don’t own any strategy yet. Your equity lead can assign one to you.',
  departmentStrategies: ':busts_in_silhouette: *{{department}}: strategies you can report on*',
  reported: 'reported for {{period}}',
  notReported: 'no update for {{period}} yet',
  lead: {
    title: ':bar_chart: *{{department}}*',
  },
  manager: {
    title: ':bar_chart: *Departments you oversee*',
    none: 'No departments are assigned to you yet. Ask an ORSE admin.',
    department: '*{{department}}*: {{total}} active strategies · {{counts}}',
    facts: '{{summary}}\n{{last}}',
  },
  admin: {
    title: ':city_sunset: *Citywide*',
  },
  seeMore: 'The list is longer than fits here: `/reap plan` and `/reap status` show everything.',
  footer: 'Commands: `/reap update` · `/reap deadlines` · `/reap status` · `/reap plan` · `/reap help`. Dates show in your time zone.',
};

const es: Widen<typeof en> = {
  unknown: {
    header: 'Bienvenido a REAP Tracker',
    intro:
      'REAP Tracker ayuda a los departamentos de la Ciudad de San José a avanzar en sus Planes de Acción de Equidad Racial: informes de avance, fechas límite e informes anuales, aquí mismo en Slack.',
    notYet:
      'Todavía no está registrado en REAP Tracker, así que aquí no hay nada que mostrarle. Para que le agreguen, pida ayuda a la persona líder de equidad de su departamento o a un administrador de ORSE: {{contacts}}.',
    contactsFallback: 'la Oficina de Equidad Racial y Social',
    help: 'Mientras tanto, `/reap help` muestra lo que puede hacer la aplicación.',
  },
  header: 'REAP Tracker',
  greeting: 'Hola, {{name}}. Este es su trabajo en los REAP al {{date}}.',
  myDeadlines: ':calendar: *Sus fechas límite* (vencidas y próximos {{days}} días)',
  noDeadlines: 'Nada a su cargo está vencido ni vence en los próximos {{days}} días.',
  myStrategies: ':clipboard: *Sus estrategias*',
  noStrategies: 'Todavía no tiene estrategias a su cargo. La persona líder de equidad puede asignarle una.',
  departmentStrategies: ':busts_in_silhouette: *{{department}}: estrategias sobre las que puede informar*',
  reported: 'informe presentado para {{period}}',
  notReported: 'sin informe para {{period}} todavía',
  lead: {
    title: ':bar_chart: *{{department}}*',
  },
  manager: {
    title: ':bar_chart: *Departamentos a su cargo*',
    none: 'Todavía no tiene departamentos asignados. Consulte a un administrador de ORSE.',
    department: '*{{department}}*: {{total}} estrategias activas · {{counts}}',
    facts: '{{summary}}\n{{last}}',
  },
  admin: {
    title: ':city_sunset: *Toda la Ciudad*',
  },
  seeMore: 'La lista no cabe completa aquí: `/reap plan` y `/reap status` lo muestran todo.',
  footer: 'Comandos: `/reap update` · `/reap deadlines` · `/reap status` · `/reap plan` · `/reap help`. Las fechas se muestran en su zona horaria.',
};

const vi: Widen<typeof en> = {
  unknown: {
    header: 'Chào mừng đến với REAP Tracker',
    intro:
      'REAP Tracker giúp các sở của Thành phố San José thúc đẩy Kế hoạch Hành động Công bằng Chủng tộc: báo cáo tiến độ, hạn chót và báo cáo tổng hợp, ngay trong Slack.',
    notYet:
      'Bạn chưa được thêm vào REAP Tracker nên chưa có gì để hiển thị ở đây. Để được thêm, hãy hỏi người phụ trách công bằng của sở bạn hoặc một quản trị viên ORSE: {{contacts}}.',
    contactsFallback: 'Văn phòng Công bằng Chủng tộc và Xã hội',
    help: 'Trong lúc chờ, `/reap help` liệt kê những gì ứng dụng có thể làm.',
  },
  header: 'REAP Tracker',
  greeting: 'Xin chào {{name}}. Đây là công việc REAP của bạn tính đến {{date}}.',
  myDeadlines: ':calendar: *Hạn chót của bạn* (quá hạn và {{days}} ngày tới)',
  noDeadlines: 'Không có việc nào bạn phụ trách bị quá hạn hoặc đến hạn trong {{days}} ngày tới.',
  myStrategies: ':clipboard: *Chiến lược của bạn*',
  noStrategies: 'Bạn chưa phụ trách chiến lược nào. Người phụ trách công bằng của sở có thể giao cho bạn.',
  departmentStrategies: ':busts_in_silhouette: *{{department}}: các chiến lược bạn có thể báo cáo*',
  reported: 'đã báo cáo cho {{period}}',
  notReported: 'chưa báo cáo cho {{period}}',
  lead: {
    title: ':bar_chart: *{{department}}*',
  },
  manager: {
    title: ':bar_chart: *Các sở bạn giám sát*',
    none: 'Bạn chưa được giao sở nào. Hãy hỏi một quản trị viên ORSE.',
    department: '*{{department}}*: {{total}} chiến lược đang thực hiện · {{counts}}',
    facts: '{{summary}}\n{{last}}',
  },
  admin: {
    title: ':city_sunset: *Toàn Thành phố*',
  },
  seeMore: 'Danh sách dài hơn chỗ hiển thị ở đây: `/reap plan` và `/reap status` hiển thị đầy đủ.',
  footer: 'Lệnh: `/reap update` · `/reap deadlines` · `/reap status` · `/reap plan` · `/reap help`. Ngày tháng hiển thị theo múi giờ của bạn.',
};

export default { en, es, vi };
