// Starts the sandbox as `npm start` does without Slack credentials, for the start-up benchmark
// while src/cli/start-command.ts does not call startSandbox yet.
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { startSandbox } from '../src/sandbox/start-sandbox.js';

const config = loadConfig();
const sandbox = await startSandbox({ config, logger: createLogger(config.logLevel) });
process.once('SIGTERM', () => void sandbox.stop().then(() => process.exit(0)));
