// Translations of every message key a use case can return (src/domain/messages.ts).
// Parameters arrive pre-formatted by slack/service-errors.ts (lists joined, ids as mentions).
import type { Widen } from '../types.js';

const en = {
  unknownMember:
    'REAP Tracker doesn’t know you yet, so I can’t show or change any plan for you. Ask your department equity lead or an ORSE admin to add you: {{contacts}}.',
  forbidden: {
    manage: 'Only your department’s equity lead or an ORSE admin can change strategies and milestones.',
    report: 'You can report progress only on your own strategies and your department’s.',
    read: 'You can see only your own department’s plan. Ask ORSE if you need another one.',
    editUpdate: 'Only the person who wrote this update, their equity lead or an ORSE admin can edit it.',
    leadStatus:
      'Only your department’s equity lead or an ORSE admin can mark a strategy Completed or Deferred, or change it after they did. To defer, use Manage in `/reap plan` (it asks for a reason and a date). Nothing was saved.',
    adminOnly: 'Only ORSE admins can do this.',
    moveLead:
      'Only an ORSE admin can move this strategy to another lead department. Nothing was saved; you can still change its partners and the other fields.',
  },
  notFound: {
    measure: 'That measure no longer exists.',
    strategy: 'This strategy no longer exists or was archived, so nothing was saved. Please pick another one.',
    update: 'That progress update no longer exists.',
    milestone: 'That milestone no longer exists.',
    objective: 'That objective no longer exists.',
    member: 'I couldn’t find that person in REAP Tracker.',
    department: 'I couldn’t find a department called “{{query}}”. Try one of these: {{suggestions}}.',
    departmentNone: 'I couldn’t find a department called “{{query}}”. Type a department’s code or name; the departments in REAP Tracker are: {{suggestions}}.',
    departmentGone: 'That department no longer exists in REAP Tracker. Please close this form and pick another one.',
    plan: 'I couldn’t find a plan for “{{query}}”. Available: {{suggestions}}.',
    citywidePlan: 'I couldn’t find a citywide plan for “{{query}}”. Try `/reap plan WSJ`.',
    pillar: 'Plan {{plan}} has no pillar {{number}}. Its pillars are: {{choices}}.',
  },
  conflict: {
    measureLabelTaken: 'This strategy already has a measure called “{{label}}”.',
    strategyChanged: 'Someone changed this strategy while you were editing. Nothing was saved: close this form and open it again to see their change.',
    updateChanged: 'Someone edited this update while you were working on it. Nothing was saved: open it again to see the latest version.',
    milestoneChanged: 'Someone changed this milestone meanwhile. Nothing was saved: please open it again.',
    milestoneTitleTaken: 'This strategy already has a milestone called “{{title}}”.',
    idempotencyKeyReused: 'This form was already submitted by someone else. Please open a new one.',
    lastAdmin: 'This would leave REAP Tracker without an active ORSE admin, so nothing was changed.',
    undoExpired:
      'Undo works for {{minutes}} minutes after Mark done, and that time has passed. Nothing was changed; a lead can reopen it from the Manage menu of `/reap plan`.',
    undoChanged: 'This changed after it was marked done, so Undo would overwrite that change. Nothing was changed; see `/reap plan`.',
    emailTaken: 'Another person already uses the email {{email}}.',
  },
  invalid: {
    measureYesNo: 'Please choose Yes or No.',
    measureCount: 'Please enter a whole number, 0 or more.',
    measurePercent: 'Please enter a percentage from 0 to 100 (at most 2 decimals).',
    measureCurrency: 'Please enter an amount in dollars, 0 or more, with at most 2 decimals.',
    measureRating: 'Please enter a rating from 1 to 5.',
    measureNoteNeeded: 'This is off the target of {{target}}. Please add a note saying why.',
    measureSeparator: 'Please leave out | and ; here: the import and export files use them to separate measures.',
    measureKindKept: 'Values were already reported for this measure, so its kind can’t change. Archive it and add a new measure instead.',
    required: 'Please fill this in.',
    tooLong: '{{length, number}} characters; the limit is {{limit, number}}. Nothing was cut or saved: please shorten it.',
    url: 'Please enter a web address starting with https:// or http://.',
    choice: 'Please choose one of: {{options}}.',
    date: 'Please enter a real date (YYYY-MM-DD).',
    dateNotInFuture: 'Please choose a date after today ({{today}}).',
    dateInPast: 'Please choose today ({{today}}) or a later date.',
    characters: 'This text contains a character that can’t be stored. Please retype it.',
    ownerInactive: 'That person is no longer active in Slack; please choose someone else.',
    departmentRequired: 'Please choose a department: {{choices}}.',
    noRoles: 'Please choose at least one role.',
    departmentUnknown: 'That department is no longer in REAP Tracker. Please choose another one.',
    leadAsPartner: '{{department}} leads this strategy, so it can’t also be a partner. Please remove it from the partners.',
    tooManyPartners: 'You chose {{count, number}} partner departments; the limit is {{limit, number}}. Please choose fewer.',
    ownerNotInLead:
      'This person isn’t in {{department}}. A citywide strategy’s owner is one of its lead department’s people: choose someone from {{department}}, or another lead.',
    input: 'This value isn’t valid: {{detail}}',
  },
};

const es: Widen<typeof en> = {
  unknownMember:
    'REAP Tracker todavía no le conoce, así que no puedo mostrarle ni cambiar ningún plan. Pida a la persona líder de equidad de su departamento o a un administrador de ORSE que le agregue: {{contacts}}.',
  forbidden: {
    manage: 'Solo la persona líder de equidad de su departamento o un administrador de ORSE puede cambiar estrategias e hitos.',
    report: 'Solo puede informar el avance de sus propias estrategias y las de su departamento.',
    read: 'Solo puede ver el plan de su propio departamento. Pida a ORSE si necesita otro.',
    editUpdate: 'Solo quien escribió este informe, su líder de equidad o un administrador de ORSE puede editarlo.',
    leadStatus:
      'Solo la persona líder de equidad de su departamento o un administrador de ORSE puede marcar una estrategia como Completada o Aplazada, o cambiarla después. Para aplazarla, use Administrar en `/reap plan` (pide un motivo y una fecha). No se guardó nada.',
    adminOnly: 'Solo los administradores de ORSE pueden hacer esto.',
    moveLead:
      'Solo un administrador de ORSE puede pasar esta estrategia a otro departamento líder. No se guardó nada; aún puede cambiar sus departamentos asociados y los demás campos.',
  },
  notFound: {
    measure: 'Ese indicador ya no existe.',
    strategy: 'Esta estrategia ya no existe o fue archivada, así que no se guardó nada. Elija otra.',
    update: 'Ese informe de avance ya no existe.',
    milestone: 'Ese hito ya no existe.',
    objective: 'Ese objetivo ya no existe.',
    member: 'No encontré a esa persona en REAP Tracker.',
    department: 'No encontré un departamento llamado “{{query}}”. Pruebe con uno de estos: {{suggestions}}.',
    departmentNone:
      'No encontré un departamento llamado “{{query}}”. Escriba el código o el nombre de un departamento; los departamentos en REAP Tracker son: {{suggestions}}.',
    departmentGone: 'Ese departamento ya no existe en REAP Tracker. Cierre este formulario y elija otro.',
    plan: 'No encontré un plan para “{{query}}”. Disponibles: {{suggestions}}.',
    citywidePlan: 'No encontré un plan municipal para “{{query}}”. Pruebe con `/reap plan WSJ`.',
    pillar: 'El plan {{plan}} no tiene un pilar {{number}}. Sus pilares son: {{choices}}.',
  },
  conflict: {
    measureLabelTaken: 'Esta estrategia ya tiene un indicador llamado “{{label}}”.',
    strategyChanged:
      'Alguien cambió esta estrategia mientras usted la editaba. No se guardó nada: cierre este formulario y ábralo de nuevo para ver el cambio.',
    updateChanged: 'Alguien editó este informe mientras usted trabajaba en él. No se guardó nada: ábralo de nuevo para ver la versión más reciente.',
    milestoneChanged: 'Alguien cambió este hito mientras tanto. No se guardó nada: ábralo de nuevo.',
    milestoneTitleTaken: 'Esta estrategia ya tiene un hito llamado “{{title}}”.',
    idempotencyKeyReused: 'Otra persona ya envió este formulario. Abra uno nuevo.',
    lastAdmin: 'Esto dejaría a REAP Tracker sin ningún administrador de ORSE activo, así que no se cambió nada.',
    undoExpired:
      'Deshacer funciona durante {{minutes}} minutos después de Marcar como hecho, y ese tiempo ya pasó. No se cambió nada; un líder puede reabrirlo desde el menú Administrar de `/reap plan`.',
    undoChanged: 'Esto cambió después de marcarse como hecho, así que Deshacer sobrescribiría ese cambio. No se cambió nada; vea `/reap plan`.',
    emailTaken: 'Otra persona ya usa el correo {{email}}.',
  },
  invalid: {
    measureYesNo: 'Elija Sí o No.',
    measureCount: 'Escriba un número entero, 0 o mayor.',
    measurePercent: 'Escriba un porcentaje de 0 a 100 (como máximo 2 decimales).',
    measureCurrency: 'Escriba una cantidad en dólares, 0 o mayor, con 2 decimales como máximo.',
    measureRating: 'Escriba una calificación de 1 a 5.',
    measureNoteNeeded: 'Este valor no alcanza la meta de {{target}}. Agregue una nota que explique por qué.',
    measureSeparator: 'No use | ni ; aquí: los archivos de importación y exportación los usan para separar los indicadores.',
    measureKindKept: 'Ya se informaron valores de este indicador, así que su tipo no puede cambiar. Archívelo y agregue un indicador nuevo.',
    required: 'Complete este campo.',
    tooLong: '{{length, number}} caracteres; el límite es {{limit, number}}. No se recortó ni se guardó nada: acórtelo, por favor.',
    url: 'Escriba una dirección web que empiece con https:// o http://.',
    choice: 'Elija una de estas opciones: {{options}}.',
    date: 'Escriba una fecha real (AAAA-MM-DD).',
    dateNotInFuture: 'Elija una fecha posterior a hoy ({{today}}).',
    dateInPast: 'Elija hoy ({{today}}) o una fecha posterior.',
    characters: 'Este texto contiene un carácter que no se puede guardar. Vuelva a escribirlo.',
    ownerInactive: 'Esa persona ya no está activa en Slack; elija a otra.',
    departmentRequired: 'Elija un departamento: {{choices}}.',
    noRoles: 'Elija al menos una función.',
    departmentUnknown: 'Ese departamento ya no está en REAP Tracker. Elija otro.',
    leadAsPartner: '{{department}} dirige esta estrategia, así que no puede ser también asociado. Quítelo de los asociados.',
    tooManyPartners: 'Eligió {{count, number}} departamentos asociados; el límite es {{limit, number}}. Elija menos.',
    ownerNotInLead:
      'Esta persona no está en {{department}}. La persona responsable de una estrategia municipal es del departamento líder: elija a alguien de {{department}}, u otro departamento líder.',
    input: 'Este valor no es válido: {{detail}}',
  },
};

const vi: Widen<typeof en> = {
  unknownMember:
    'REAP Tracker chưa có thông tin về bạn nên chưa thể hiển thị hay thay đổi kế hoạch nào. Hãy nhờ người phụ trách công bằng của sở hoặc quản trị viên ORSE thêm bạn: {{contacts}}.',
  forbidden: {
    manage: 'Chỉ người phụ trách công bằng của sở bạn hoặc quản trị viên ORSE mới thay đổi được chiến lược và mốc.',
    report: 'Bạn chỉ báo cáo được tiến độ cho chiến lược của mình và của sở mình.',
    read: 'Bạn chỉ xem được kế hoạch của sở mình. Hãy hỏi ORSE nếu cần xem sở khác.',
    editUpdate: 'Chỉ người viết báo cáo này, người phụ trách công bằng của họ hoặc quản trị viên ORSE mới sửa được.',
    leadStatus:
      'Chỉ trưởng nhóm công bằng của sở bạn hoặc quản trị viên ORSE mới có thể đánh dấu một chiến lược là Hoàn thành hoặc Hoãn lại, hay thay đổi nó sau đó. Để hoãn lại, hãy dùng Quản lý trong `/reap plan` (cần lý do và ngày). Chưa có gì được lưu.',
    adminOnly: 'Chỉ quản trị viên ORSE mới làm được việc này.',
    moveLead:
      'Chỉ quản trị viên ORSE mới chuyển được chiến lược này sang sở chủ trì khác. Chưa có gì được lưu; bạn vẫn có thể đổi các sở đối tác và những trường khác.',
  },
  notFound: {
    measure: 'Chỉ số đó không còn tồn tại.',
    strategy: 'Chiến lược này không còn nữa hoặc đã được lưu trữ nên chưa có gì được lưu. Vui lòng chọn chiến lược khác.',
    update: 'Báo cáo tiến độ đó không còn nữa.',
    milestone: 'Mốc đó không còn nữa.',
    objective: 'Mục tiêu đó không còn nữa.',
    member: 'Tôi không tìm thấy người này trong REAP Tracker.',
    department: 'Tôi không tìm thấy sở nào tên “{{query}}”. Hãy thử: {{suggestions}}.',
    departmentNone: 'Tôi không tìm thấy sở nào tên “{{query}}”. Hãy gõ mã hoặc tên của một sở; các sở trong REAP Tracker là: {{suggestions}}.',
    departmentGone: 'Sở này không còn trong REAP Tracker. Vui lòng đóng biểu mẫu này và chọn sở khác.',
    plan: 'Tôi không tìm thấy kế hoạch cho “{{query}}”. Hiện có: {{suggestions}}.',
    citywidePlan: 'Tôi không tìm thấy kế hoạch toàn thành phố nào cho “{{query}}”. Hãy thử `/reap plan WSJ`.',
    pillar: 'Kế hoạch {{plan}} không có trụ cột {{number}}. Các trụ cột của kế hoạch là: {{choices}}.',
  },
  conflict: {
    measureLabelTaken: 'Chiến lược này đã có một chỉ số tên là “{{label}}”.',
    strategyChanged: 'Có người đã thay đổi chiến lược này trong lúc bạn sửa. Chưa có gì được lưu: hãy đóng biểu mẫu và mở lại để xem thay đổi.',
    updateChanged: 'Có người đã sửa báo cáo này trong lúc bạn làm. Chưa có gì được lưu: hãy mở lại để xem bản mới nhất.',
    milestoneChanged: 'Có người đã thay đổi mốc này. Chưa có gì được lưu: vui lòng mở lại.',
    milestoneTitleTaken: 'Chiến lược này đã có mốc tên “{{title}}”.',
    idempotencyKeyReused: 'Biểu mẫu này đã được người khác gửi. Vui lòng mở biểu mẫu mới.',
    lastAdmin: 'Việc này sẽ khiến REAP Tracker không còn quản trị viên ORSE nào đang hoạt động nên chưa có gì thay đổi.',
    undoExpired:
      'Hoàn tác chỉ dùng được trong {{minutes}} phút sau khi Đánh dấu xong, và thời gian đó đã qua. Không có gì thay đổi; trưởng nhóm có thể mở lại từ menu Quản lý của `/reap plan`.',
    undoChanged: 'Mục này đã thay đổi sau khi được đánh dấu xong, nên Hoàn tác sẽ ghi đè thay đổi đó. Không có gì thay đổi; xem `/reap plan`.',
    emailTaken: 'Đã có người khác dùng email {{email}}.',
  },
  invalid: {
    measureYesNo: 'Vui lòng chọn Có hoặc Không.',
    measureCount: 'Vui lòng nhập một số nguyên, từ 0 trở lên.',
    measurePercent: 'Vui lòng nhập tỷ lệ phần trăm từ 0 đến 100 (tối đa 2 chữ số thập phân).',
    measureCurrency: 'Vui lòng nhập số tiền bằng đô la, từ 0 trở lên, tối đa 2 chữ số thập phân.',
    measureRating: 'Vui lòng nhập điểm đánh giá từ 1 đến 5.',
    measureNoteNeeded: 'Giá trị này chưa đạt mục tiêu {{target}}. Vui lòng thêm ghi chú giải thích lý do.',
    measureSeparator: 'Vui lòng không dùng | và ; ở đây: các tệp nhập và xuất dùng chúng để phân tách các chỉ số.',
    measureKindKept: 'Chỉ số này đã có giá trị được báo cáo nên không thể đổi loại. Hãy lưu trữ nó và thêm một chỉ số mới.',
    required: 'Vui lòng điền mục này.',
    tooLong: '{{length, number}} ký tự; giới hạn là {{limit, number}}. Không có gì bị cắt hay được lưu: vui lòng rút gọn.',
    url: 'Vui lòng nhập địa chỉ web bắt đầu bằng https:// hoặc http://.',
    choice: 'Vui lòng chọn một trong: {{options}}.',
    date: 'Vui lòng nhập ngày hợp lệ (YYYY-MM-DD).',
    dateNotInFuture: 'Vui lòng chọn ngày sau hôm nay ({{today}}).',
    dateInPast: 'Vui lòng chọn hôm nay ({{today}}) hoặc ngày sau đó.',
    characters: 'Văn bản có ký tự không lưu được. Vui lòng gõ lại.',
    ownerInactive: 'Người này không còn hoạt động trên Slack; vui lòng chọn người khác.',
    departmentRequired: 'Vui lòng chọn sở: {{choices}}.',
    noRoles: 'Vui lòng chọn ít nhất một vai trò.',
    departmentUnknown: 'Sở này không còn trong REAP Tracker. Vui lòng chọn sở khác.',
    leadAsPartner: '{{department}} chủ trì chiến lược này nên không thể đồng thời là đối tác. Vui lòng bỏ sở này khỏi danh sách đối tác.',
    tooManyPartners: 'Bạn đã chọn {{count, number}} sở đối tác; giới hạn là {{limit, number}}. Vui lòng chọn ít hơn.',
    ownerNotInLead:
      'Người này không thuộc {{department}}. Người phụ trách chiến lược toàn thành phố phải là người của sở chủ trì: hãy chọn một người của {{department}}, hoặc chọn sở chủ trì khác.',
    input: 'Giá trị này không hợp lệ: {{detail}}',
  },
};

export default { en, es, vi };
