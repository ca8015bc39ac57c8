// Workflow Builder steps (get_department_status, submit_reap_update). Slack shows a step's
// error as plain text in the workflow's activity, so these carry no mrkdwn.
import type { Widen } from '../types.js';

const en = {
  errors: {
    missingInput: 'The step has no “{{input}}”. Fill it in in the step’s settings in Workflow Builder.',
    strategyFormat: 'Name the strategy by its number with the department code (LIB 1.2) or by its id (42).',
    unknownStrategy: 'No strategy matches “{{query}}”. Name it by its number with the department code (LIB 1.2) or by its id (42).',
    ambiguousStrategy: '“{{query}}” matches several strategies: {{matches}}. Use the id instead.',
    invalidStatus: '“{{value}}” is not a status. Use one of: {{choices}}.',
    generic: 'Something went wrong on our side and nothing was saved. Run the workflow again in a minute.',
  },
};

const es: Widen<typeof en> = {
  errors: {
    missingInput: 'Al paso le falta “{{input}}”. Complételo en la configuración del paso en Workflow Builder.',
    strategyFormat: 'Indique la estrategia por su número con el código del departamento (LIB 1.2) o por su id (42).',
    unknownStrategy: 'Ninguna estrategia coincide con “{{query}}”. Indíquela por su número con el código del departamento (LIB 1.2) o por su id (42).',
    ambiguousStrategy: '“{{query}}” coincide con varias estrategias: {{matches}}. Use el id.',
    invalidStatus: '“{{value}}” no es un estado. Use uno de estos: {{choices}}.',
    generic: 'Algo salió mal de nuestro lado y no se guardó nada. Vuelva a ejecutar el flujo de trabajo en un minuto.',
  },
};

const vi: Widen<typeof en> = {
  errors: {
    missingInput: 'Bước này thiếu “{{input}}”. Hãy điền vào phần cài đặt của bước trong Workflow Builder.',
    strategyFormat: 'Hãy ghi chiến lược bằng số của nó kèm mã phòng ban (LIB 1.2) hoặc bằng id (42).',
    unknownStrategy: 'Không có chiến lược nào khớp với “{{query}}”. Hãy ghi bằng số kèm mã phòng ban (LIB 1.2) hoặc bằng id (42).',
    ambiguousStrategy: '“{{query}}” khớp với nhiều chiến lược: {{matches}}. Hãy dùng id.',
    invalidStatus: '“{{value}}” không phải là một trạng thái. Hãy dùng một trong các giá trị: {{choices}}.',
    generic: 'Đã xảy ra lỗi từ phía chúng tôi và chưa có gì được lưu. Hãy chạy lại quy trình sau một phút.',
  },
};

export default { en, es, vi };
