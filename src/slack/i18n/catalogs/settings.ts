// /reap settings: job schedules, the REDI channel and reminder days (ORSE admins only).
import type { Widen } from '../types.js';

const en = {
  locale: 'en-US',
  title: 'Settings',
  loading: 'Loading…',
  save: 'Save',
  close: 'Close',
  intro: 'Schedules are cron expressions in the City’s time zone ({{zone}}). Clear a schedule to go back to its default.',
  schedulesHeader: 'Schedules',
  otherHeader: 'REDI network and reminders',
  jobs: {
    'deadline-reminders': 'Deadline reminders',
    'update-prompts': 'Progress update prompts',
    'weekly-digest': 'Weekly digest',
    'redi-digest': 'REDI digest',
    'briefing-reminder': 'Briefing reminder',
    briefings: 'Posting scheduled briefings',
    outbox: 'Sending queued messages',
    'canvas-sync': 'Keeping channel canvases up to date',
    'period-snapshots': 'Keeping each quarter’s snapshot of every strategy',
  },
  source: {
    setting: 'set in REAP Tracker by {{who}}',
    settingAnonymous: 'set in REAP Tracker',
    env: 'from the {{variable}} environment variable',
    default: 'the default',
  },
  hint: 'Now: {{source}}. Next runs: {{next}}.',
  internalHeader: 'Internal jobs',
  internalIntro:
    'These keep messages and briefings moving, so they can’t be changed here: a slower schedule would hold up every message. IT can adjust them with REAP_CRON_* if needed.',
  hintPaused: 'Now: {{source}}. Paused.',
  cronPlaceholder: 'e.g. 0 8 * * 1',
  rediChannel: 'REDI network channel',
  rediHint: 'Where the REDI digest and shared practices are posted. REAP Tracker must be a member.',
  offsets: 'Deadline reminders, days before',
  offsetsHint: 'Whole days separated by commas, e.g. 7,1. Clear it for the default ({{default}}).',
  saved: 'Saved:',
  nothingChanged: 'Nothing changed.',
  change: {
    cron: '{{job}}: `{{cron}}`',
    cronCleared: '{{job}}: back to `{{cron}}` ({{source}})',
    redi: 'REDI channel: {{channel}}',
    rediCleared: 'REDI channel: none',
    offsets: 'Deadline reminders: {{days}} days before',
    offsetsDefault: 'Deadline reminders: the default ({{days}} days before)',
  },
  errors: {
    cronEmpty: 'Please enter a schedule.',
    cronFieldCount:
      '“{{expression}}” has {{count}} fields, so the schedule was not changed. Use 5 fields (minute hour day-of-month month day-of-week) or 6 (seconds first), e.g. “0 8 * * 1” for Mondays at 08:00.',
    cronInvalid:
      '“{{expression}}” is not a valid schedule, so the old one stays. Use 5 fields (minute hour day-of-month month day-of-week) or 6 (seconds first), e.g. “0 8 * * 1” for Mondays at 08:00.',
    unknownJob: 'There is no job called “{{job}}”.',
    internalJob: '“{{job}}” is an internal job and can’t be changed here: every message depends on it. Nothing was saved.',
    cronRare:
      '“{{expression}}” runs less than once a month: after {{from}} it would not run again until {{next}}, so people would silently stop hearing from REAP Tracker. Nothing was saved. Choose a schedule that runs at least every {{days}} days, e.g. “0 8 * * 1” for Mondays at 08:00.',
    cronNever:
      '“{{expression}}” would not run after {{from}} for at least a year, so this job would silently stop. Nothing was saved. Choose a schedule that runs at least every {{days}} days, e.g. “0 8 * * 1” for Mondays at 08:00.',
    offsets: '“{{value}}” is not a list of days. Use up to {{count}} whole numbers from 0 to {{max}}, separated by commas, e.g. 7,1.',
    channel: 'REAP Tracker can’t use {{channelId}} as the REDI channel. Please choose a channel.',
  },
};

const es: Widen<typeof en> = {
  locale: 'es',
  title: 'Configuración',
  loading: 'Cargando…',
  save: 'Guardar',
  close: 'Cerrar',
  intro: 'Los horarios son expresiones cron en la zona horaria de la Ciudad ({{zone}}). Borre un horario para volver al predeterminado.',
  schedulesHeader: 'Horarios',
  otherHeader: 'Red REDI y recordatorios',
  jobs: {
    'deadline-reminders': 'Recordatorios de fechas límite',
    'update-prompts': 'Avisos para informar el avance',
    'weekly-digest': 'Resumen semanal',
    'redi-digest': 'Resumen de REDI',
    'briefing-reminder': 'Recordatorio del informe trimestral',
    briefings: 'Publicación de informes programados',
    outbox: 'Envío de mensajes en cola',
    'canvas-sync': 'Actualización de los canvas de los canales',
    'period-snapshots': 'Registro del estado de cada estrategia al cierre de cada trimestre',
  },
  source: {
    setting: 'definido en REAP Tracker por {{who}}',
    settingAnonymous: 'definido en REAP Tracker',
    env: 'de la variable de entorno {{variable}}',
    default: 'el predeterminado',
  },
  hint: 'Ahora: {{source}}. Próximas ejecuciones: {{next}}.',
  internalHeader: 'Tareas internas',
  internalIntro:
    'Estas tareas mantienen en marcha los mensajes y los informes, así que no se pueden cambiar aquí: un horario más lento retrasaría todos los mensajes. El equipo de TI puede ajustarlas con REAP_CRON_* si hace falta.',
  hintPaused: 'Ahora: {{source}}. En pausa.',
  cronPlaceholder: 'p. ej., 0 8 * * 1',
  rediChannel: 'Canal de la red REDI',
  rediHint: 'Donde se publican el resumen de REDI y las prácticas compartidas. REAP Tracker debe ser miembro.',
  offsets: 'Recordatorios de fechas límite, días antes',
  offsetsHint: 'Días enteros separados por comas, p. ej., 7,1. Bórrelo para usar el predeterminado ({{default}}).',
  saved: 'Guardado:',
  nothingChanged: 'No cambió nada.',
  change: {
    cron: '{{job}}: `{{cron}}`',
    cronCleared: '{{job}}: vuelve a `{{cron}}` ({{source}})',
    redi: 'Canal de REDI: {{channel}}',
    rediCleared: 'Canal de REDI: ninguno',
    offsets: 'Recordatorios de fechas límite: {{days}} días antes',
    offsetsDefault: 'Recordatorios de fechas límite: el predeterminado ({{days}} días antes)',
  },
  errors: {
    cronEmpty: 'Escriba un horario.',
    cronFieldCount:
      '“{{expression}}” tiene {{count}} campos, así que el horario no cambió. Use 5 campos (minuto hora día-del-mes mes día-de-la-semana) o 6 (con los segundos primero), p. ej., “0 8 * * 1” para los lunes a las 08:00.',
    cronInvalid:
      '“{{expression}}” no es un horario válido, así que se mantiene el anterior. Use 5 campos (minuto hora día-del-mes mes día-de-la-semana) o 6 (con los segundos primero), p. ej., “0 8 * * 1” para los lunes a las 08:00.',
    unknownJob: 'No existe ninguna tarea llamada “{{job}}”.',
    internalJob: '“{{job}}” es una tarea interna y no se puede cambiar aquí: todos los mensajes dependen de ella. No se guardó nada.',
    cronRare:
      '“{{expression}}” se ejecuta menos de una vez al mes: después del {{from}} no volvería a ejecutarse hasta el {{next}}, y las personas dejarían de recibir mensajes de REAP Tracker sin darse cuenta. No se guardó nada. Elija un horario que se ejecute al menos cada {{days}} días, p. ej., “0 8 * * 1” para los lunes a las 08:00.',
    cronNever:
      '“{{expression}}” no volvería a ejecutarse después del {{from}} en al menos un año, así que esta tarea se detendría sin aviso. No se guardó nada. Elija un horario que se ejecute al menos cada {{days}} días, p. ej., “0 8 * * 1” para los lunes a las 08:00.',
    offsets: '“{{value}}” no es una lista de días. Use hasta {{count}} números enteros del 0 al {{max}}, separados por comas, p. ej., 7,1.',
    channel: 'REAP Tracker no puede usar {{channelId}} como canal de REDI. Elija un canal.',
  },
};

const vi: Widen<typeof en> = {
  locale: 'vi',
  title: 'Cài đặt',
  loading: 'Đang tải…',
  save: 'Lưu',
  close: 'Đóng',
  intro: 'Lịch chạy là biểu thức cron theo múi giờ của Thành phố ({{zone}}). Xóa trống một lịch để quay về mặc định.',
  schedulesHeader: 'Lịch chạy',
  otherHeader: 'Mạng lưới REDI và nhắc nhở',
  jobs: {
    'deadline-reminders': 'Nhắc hạn chót',
    'update-prompts': 'Nhắc báo cáo tiến độ',
    'weekly-digest': 'Bản tóm tắt hằng tuần',
    'redi-digest': 'Bản tóm tắt REDI',
    'briefing-reminder': 'Nhắc soạn bản tin hằng quý',
    briefings: 'Đăng bản tin đã lên lịch',
    outbox: 'Gửi tin nhắn đang chờ',
    'canvas-sync': 'Cập nhật canvas của các kênh',
    'period-snapshots': 'Lưu tình trạng của từng chiến lược khi mỗi quý kết thúc',
  },
  source: {
    setting: 'do {{who}} đặt trong REAP Tracker',
    settingAnonymous: 'đặt trong REAP Tracker',
    env: 'từ biến môi trường {{variable}}',
    default: 'mặc định',
  },
  hint: 'Hiện tại: {{source}}. Các lần chạy tới: {{next}}.',
  internalHeader: 'Tác vụ nội bộ',
  internalIntro:
    'Các tác vụ này giữ cho tin nhắn và bản tóm tắt được gửi đi, nên không thể thay đổi ở đây: lịch chậm hơn sẽ làm mọi tin nhắn bị chậm. Bộ phận IT có thể điều chỉnh bằng REAP_CRON_* nếu cần.',
  hintPaused: 'Hiện tại: {{source}}. Đang tạm dừng.',
  cronPlaceholder: 'Ví dụ: 0 8 * * 1',
  rediChannel: 'Kênh của mạng lưới REDI',
  rediHint: 'Nơi đăng bản tóm tắt REDI và các cách làm hay được chia sẻ. REAP Tracker phải là thành viên.',
  offsets: 'Nhắc hạn chót, số ngày trước',
  offsetsHint: 'Số ngày nguyên cách nhau bằng dấu phẩy, ví dụ 7,1. Xóa trống để dùng mặc định ({{default}}).',
  saved: 'Đã lưu:',
  nothingChanged: 'Không có gì thay đổi.',
  change: {
    cron: '{{job}}: `{{cron}}`',
    cronCleared: '{{job}}: quay về `{{cron}}` ({{source}})',
    redi: 'Kênh REDI: {{channel}}',
    rediCleared: 'Kênh REDI: không có',
    offsets: 'Nhắc hạn chót: trước {{days}} ngày',
    offsetsDefault: 'Nhắc hạn chót: mặc định (trước {{days}} ngày)',
  },
  errors: {
    cronEmpty: 'Vui lòng nhập lịch chạy.',
    cronFieldCount:
      '“{{expression}}” có {{count}} trường nên lịch chạy chưa được thay đổi. Hãy dùng 5 trường (phút giờ ngày-trong-tháng tháng thứ-trong-tuần) hoặc 6 (giây đứng đầu), ví dụ “0 8 * * 1” là 08:00 mỗi thứ Hai.',
    cronInvalid:
      '“{{expression}}” không phải lịch chạy hợp lệ nên lịch cũ được giữ nguyên. Hãy dùng 5 trường (phút giờ ngày-trong-tháng tháng thứ-trong-tuần) hoặc 6 (giây đứng đầu), ví dụ “0 8 * * 1” là 08:00 mỗi thứ Hai.',
    unknownJob: 'Không có tác vụ nào tên “{{job}}”.',
    internalJob: '“{{job}}” là tác vụ nội bộ và không thể thay đổi ở đây: mọi tin nhắn đều phụ thuộc vào nó. Chưa có gì được lưu.',
    cronRare:
      '“{{expression}}” chạy ít hơn một lần mỗi tháng: sau ngày {{from}}, nó sẽ không chạy lại cho đến ngày {{next}}, nên mọi người sẽ âm thầm không nhận được tin từ REAP Tracker. Chưa có gì được lưu. Hãy chọn lịch chạy ít nhất mỗi {{days}} ngày một lần, ví dụ “0 8 * * 1” là 08:00 mỗi thứ Hai.',
    cronNever:
      '“{{expression}}” sẽ không chạy lại sau ngày {{from}} trong ít nhất một năm, nên tác vụ này sẽ âm thầm ngừng. Chưa có gì được lưu. Hãy chọn lịch chạy ít nhất mỗi {{days}} ngày một lần, ví dụ “0 8 * * 1” là 08:00 mỗi thứ Hai.',
    offsets: '“{{value}}” không phải danh sách số ngày. Hãy dùng tối đa {{count}} số nguyên từ 0 đến {{max}}, cách nhau bằng dấu phẩy, ví dụ 7,1.',
    channel: 'REAP Tracker không dùng được {{channelId}} làm kênh REDI. Vui lòng chọn một kênh.',
  },
};

export default { en, es, vi };
