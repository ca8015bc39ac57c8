// Recognising a unique-constraint violation across both database drivers. The pg adapter
// surfaces it as Prisma's P2002; the PGlite adapter (typed against an older adapter
// contract) lets the raw DriverAdapterError through with PostgreSQL's SQLSTATE 23505.
// Either way we want the columns, to know which natural key collided.

/** The database's error as a driver adapter describes it (the pg adapter names it by kind). */
interface AdapterCause {
  kind?: unknown;
  code?: unknown;
  originalCode?: unknown;
  message?: unknown;
  originalMessage?: unknown;
  detail?: unknown;
  constraint?: { fields?: unknown };
}

interface MaybePrismaError {
  code?: unknown;
  name?: unknown;
  message?: unknown;
  meta?: { target?: unknown; driverAdapterError?: { cause?: AdapterCause } };
  cause?: { code?: unknown; detail?: unknown; message?: unknown };
}

/** The columns of the violated unique constraint, or null when `e` is something else. */
export function uniqueViolationFields(e: unknown): string[] | null {
  const fields = rawUniqueViolationFields(e);
  // The pg adapter reports quoted identifiers ("idempotencyKey") for mixed-case columns.
  return fields === null ? null : fields.map((f) => f.trim().replace(/^"|"$/g, ''));
}

function rawUniqueViolationFields(e: unknown): string[] | null {
  if (typeof e !== 'object' || e === null) return null;
  const err = e as MaybePrismaError;
  if (err.code === 'P2002') {
    const target = err.meta?.target;
    if (Array.isArray(target)) return target.map(String);
    if (typeof target === 'string') return [target];
    const fields = err.meta?.driverAdapterError?.cause?.constraint?.fields;
    return Array.isArray(fields) ? fields.map(String) : [];
  }
  // A failed $queryRaw: P2010, with the database's own error under meta.
  const rawCause = err.code === 'P2010' ? err.meta?.driverAdapterError?.cause : undefined;
  if (rawCause && (rawCause.code === '23505' || rawCause.originalCode === '23505' || rawCause.kind === 'UniqueConstraintViolation')) {
    const fields = rawCause.constraint?.fields;
    if (Array.isArray(fields)) return fields.map(String);
    const m = /^Key \((.+?)\)=/.exec(typeof rawCause.detail === 'string' ? rawCause.detail : '');
    return m ? m[1]!.split(',') : [];
  }
  if (err.name === 'DriverAdapterError' && err.cause?.code === '23505') {
    // detail: Key ("idempotencyKey")=(abc) already exists.  /  Key ("objectiveId", number)=(1, 2) …
    const detail = typeof err.cause.detail === 'string' ? err.cause.detail : '';
    const m = /^Key \((.+?)\)=/.exec(detail);
    return m ? m[1]!.split(',') : [];
  }
  return null;
}

export function isUniqueViolationOn(e: unknown, field: string): boolean {
  return uniqueViolationFields(e)?.includes(field) ?? false;
}

/**
 * Prisma reports a failed $queryRaw through a driver adapter as P2010 with the message
 * "Code: `N/A`. Message: `undefined`", the database's own words being under `meta`. This
 * gives the error those words (for the logs), keeping `code` and `meta` so the checks above
 * still recognise it; anything else is returned as it is.
 */
export function withDatabaseMessage(e: unknown): unknown {
  const err = e as MaybePrismaError | null;
  const cause = err?.code === 'P2010' ? err.meta?.driverAdapterError?.cause : undefined;
  if (!cause) return e;
  const words = [cause.message, cause.originalMessage, cause.kind].find((w) => typeof w === 'string') ?? 'unknown error';
  const sqlState = cause.originalCode ?? cause.code ?? 'unknown';
  return Object.assign(new Error(`the database refused the statement: ${String(words)} (SQLSTATE ${String(sqlState)})`, { cause: e }), {
    code: err!.code,
    meta: err!.meta,
  });
}
