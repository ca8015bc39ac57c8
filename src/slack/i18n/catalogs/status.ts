// Strategy status names. They keep their meaning across languages: ORSE's table uses the English ones.
import type { Widen } from '../types.js';

const en = {
  COMPLETED: 'Completed',
  IN_PROGRESS: 'In Progress',
  ONGOING: 'Ongoing',
  NOT_STARTED: 'Not Started',
  DEFERRED: 'Deferred',
};

const es: Widen<typeof en> = {
  COMPLETED: 'Completado',
  IN_PROGRESS: 'En curso',
  ONGOING: 'Continuo',
  NOT_STARTED: 'No iniciado',
  DEFERRED: 'Aplazado',
};

const vi: Widen<typeof en> = {
  COMPLETED: 'Hoàn thành',
  IN_PROGRESS: 'Đang thực hiện',
  ONGOING: 'Liên tục',
  NOT_STARTED: 'Chưa bắt đầu',
  DEFERRED: 'Hoãn lại',
};

export default { en, es, vi };
