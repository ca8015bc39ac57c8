// The living department canvas (src/slack/ui/plan-canvas.ts). Canvas markdown, not mrkdwn.
import type { Widen } from '../types.js';

const en = {
  title: 'REAP: {{department}}',
  heading: '{{department}}: {{plan}}',
  intro: 'Kept up to date by REAP Tracker. Edits made here by hand are replaced at the next update.',
  status: 'Status: {{status}}',
  owner: 'Owner: {{owner}}',
  noOwner: 'Owner: nobody yet',
  due: 'Due: {{date}}',
  noDue: 'Due: no date',
  lastUpdate: 'Last update: {{date}}',
  neverUpdated: 'Last update: none yet',
  measures: 'Measures: {{measures}}',
};

const es: Widen<typeof en> = {
  title: 'REAP: {{department}}',
  heading: '{{department}}: {{plan}}',
  intro: 'REAP Tracker lo mantiene al día. Los cambios hechos aquí a mano se reemplazan en la próxima actualización.',
  status: 'Estado: {{status}}',
  owner: 'Responsable: {{owner}}',
  noOwner: 'Responsable: nadie todavía',
  due: 'Fecha límite: {{date}}',
  noDue: 'Fecha límite: sin fecha',
  lastUpdate: 'Última actualización: {{date}}',
  neverUpdated: 'Última actualización: ninguna todavía',
  measures: 'Indicadores: {{measures}}',
};

const vi: Widen<typeof en> = {
  title: 'REAP: {{department}}',
  heading: '{{department}}: {{plan}}',
  intro: 'REAP Tracker tự động cập nhật trang này. Những chỉnh sửa thủ công ở đây sẽ bị thay thế ở lần cập nhật tiếp theo.',
  status: 'Trạng thái: {{status}}',
  owner: 'Người phụ trách: {{owner}}',
  noOwner: 'Người phụ trách: chưa có ai',
  due: 'Hạn chót: {{date}}',
  noDue: 'Hạn chót: chưa có ngày',
  lastUpdate: 'Cập nhật gần nhất: {{date}}',
  neverUpdated: 'Cập nhật gần nhất: chưa có',
  measures: 'Chỉ số đo lường: {{measures}}',
};

export default { en, es, vi };
