// Routes Bolt's and the Web API client's log lines into our structured pino logger.
import { LogLevel, type Logger as BoltLogger } from '@slack/logger';
import type { Logger } from '../logger.js';

const toBolt: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
  fatal: LogLevel.ERROR,
  silent: LogLevel.ERROR,
};

export function boltLogger(logger: Logger): BoltLogger {
  let name = 'bolt';
  let child = logger.child({ component: name });
  const text = (msg: unknown[]) => msg.map((m) => (typeof m === 'string' ? m : m instanceof Error ? m.message : JSON.stringify(m))).join(' ');
  return {
    debug: (...msg) => child.debug(text(msg)),
    info: (...msg) => child.info(text(msg)),
    warn: (...msg) => child.warn(text(msg)),
    error: (...msg) => child.error(text(msg)),
    setLevel: () => {},
    getLevel: () => toBolt[logger.level] ?? LogLevel.INFO,
    setName: (n: string) => {
      name = n;
      child = logger.child({ component: name });
    },
  };
}
