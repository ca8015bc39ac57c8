// Strings shared by every feature.
import type { Widen } from '../types.js';

const en = {
  /** A reporting period: ui/period-name.ts is the only reader. */
  period: { locale: 'en-US', quarter: 'FY {{fy}} Q{{n}}', month: 'FY {{fy}} {{month}}' },
  limitHint: 'Up to {{limit, number}} characters.',
  appName: 'REAP Tracker',
  notYetAvailable: 'Not available yet',
  /** A citywide plan's strategy in a department's list: ui/strategy-label.ts is the only reader. */
  strategyLabel: { citywide: '{{label}} ({{plan}})' },
  errorGeneric: 'Something went wrong on our side and nothing was saved. Please try again in a minute.',
  errorDatabase: 'REAP Tracker cannot reach its database right now, so nothing was saved. Please try again in a few minutes.',
};

const es: Widen<typeof en> = {
  period: { locale: 'es', quarter: 'AF {{fy}} T{{n}}', month: 'AF {{fy}} {{month}}' },
  limitHint: 'Hasta {{limit, number}} caracteres.',
  appName: 'REAP Tracker',
  notYetAvailable: 'Aún no disponible',
  strategyLabel: { citywide: '{{label}} ({{plan}})' },
  errorGeneric: 'Algo salió mal de nuestro lado y no se guardó nada. Vuelva a intentarlo en un minuto.',
  errorDatabase: 'REAP Tracker no puede acceder a su base de datos en este momento, así que no se guardó nada. Vuelva a intentarlo en unos minutos.',
};

const vi: Widen<typeof en> = {
  period: { locale: 'vi', quarter: 'NTC {{fy}} Quý {{n}}', month: 'NTC {{fy}} {{month}}' },
  limitHint: 'Tối đa {{limit, number}} ký tự.',
  appName: 'REAP Tracker',
  notYetAvailable: 'Chưa có',
  strategyLabel: { citywide: '{{label}} ({{plan}})' },
  errorGeneric: 'Đã xảy ra lỗi từ phía chúng tôi và chưa có gì được lưu. Vui lòng thử lại sau một phút.',
  errorDatabase: 'REAP Tracker hiện không kết nối được cơ sở dữ liệu nên chưa có gì được lưu. Vui lòng thử lại sau vài phút.',
};

export default { en, es, vi };
