// The command line: `npm start` runs `start`; `npm run reap -- <command>` runs the rest.
// Loaded by src/main.ts. The version check comes first: modules are evaluated in import order.
import '../node-version-check.js';
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config.js';
import { DatabaseUnavailableError } from '../db/client.js';
import { MigrationError } from '../db/migrate.js';
import { registerCommands } from './commands.js';
import { SlackCredentialsError } from '../slack/identity.js';

const program = new Command();
program.name('reap').description('REAP Tracker: the Slack app for the City of San José Racial Equity Action Plans').showHelpAfterError().exitOverride();
registerCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) process.exit(e.exitCode);
  process.exitCode = 1;
  // A port another process holds (EADDRINUSE) or may not be taken (EACCES) is set by the operator.
  const portRefused = ['EADDRINUSE', 'EACCES'].includes((e as NodeJS.ErrnoException).code ?? '');
  if (e instanceof ConfigError || e instanceof DatabaseUnavailableError || e instanceof MigrationError || e instanceof SlackCredentialsError || portRefused) {
    // One line, no stack: these are operator mistakes or outages, not bugs.
    console.error(`reap: ${(e as Error).message}`);
  } else {
    console.error(e);
  }
}
