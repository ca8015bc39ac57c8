// Registers every operator command. Each command lives in its own module under src/cli/.
import type { Command } from 'commander';
import { registerBackupCommands } from './backup-command.js';
import { registerExportCommand } from './export-command.js';
import { registerHolidaysCommand } from './holidays-command.js';
import { registerImportCommand } from './import-command.js';
import { registerJobsCommand } from './jobs-command.js';
import { registerMigrateCommand } from './migrate-command.js';
import { registerReportCommand } from './report-command.js';
import { registerSeedCommand } from './seed-command.js';
import { registerStartCommand } from './start-command.js';

export function registerCommands(program: Command): void {
  registerStartCommand(program);
  registerMigrateCommand(program);
  registerSeedCommand(program);
  registerImportCommand(program);
  registerExportCommand(program);
  registerJobsCommand(program);
  registerHolidaysCommand(program);
  registerBackupCommands(program);
  registerReportCommand(program);
}
