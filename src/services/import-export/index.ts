// Public surface of import/export, used by the CLI (src/cli/import-command.ts,
// src/cli/export-command.ts), the benchmark and the tests. File formats: format.ts.
export {
  COLUMNS,
  CSV_FILE_NAME,
  LIMITS,
  RECORD_KINDS,
  type ColumnSpec,
  type RecordKind,
} from './format.js';
export { formatIssue, type ImportIssue, type RowRef } from './issues.js';
export { parseSource, type ImportSource, type ParsedSource, type SourceRow } from './parse.js';
export { checkReferences, validateRows, type KnownState, type Validated } from './validate.js';
export { importPaths, importSources, type ImportOptions, type ImportResult } from './import-service.js';
export { readImportPaths } from './import-files.js';
export { COUNTED, summarize, type EntityCounts, type ImportCounts } from './import-summary.js';
export {
  ExportError,
  collectExport,
  renderCsv,
  renderJson,
  resolveKinds,
  writeExport,
  type CellRow,
  type ExportOptions,
  type ExportTables,
  type WriteExportOptions,
  type WriteExportResult,
} from './export-service.js';
export {
  OPEN_DATA_VISIBILITIES,
  buildStrategyPeriodRows,
  collectOpenData,
  renderOpenDataCsv,
  writeOpenData,
  type OpenDataRows,
  type OpenDataStrategy,
  type OpenDataUpdate,
  type WriteOpenDataOptions,
  type WriteOpenDataResult,
} from './open-data.js';
export {
  OPEN_DATA_COLUMNS,
  OPEN_DATA_CSV,
  OPEN_DATA_DICTIONARY,
  OPEN_DATA_FIELDS,
  OPEN_DATA_PACKAGE,
  OPEN_DATA_PRIMARY_KEY,
  buildDataPackage,
  renderDataDictionary,
  type OpenDataField,
  type OpenDataRow,
} from './open-data-schema.js';
