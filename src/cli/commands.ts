// Registers every operator command. Each command lives in its own module under src/cli/.
import type { Command } from 'commander';
import { registerMigrateCommand } from './migrate-command.js';
import { registerStartCommand } from './start-command.js';

export function registerCommands(program: Command): void {
  registerStartCommand(program);
  registerMigrateCommand(program);
}
