// Recognising a unique-constraint violation across both database drivers. The pg adapter
// surfaces it as Prisma's P2002; the PGlite adapter (typed against an older adapter
// contract) lets the raw DriverAdapterError through with PostgreSQL's SQLSTATE 23505.
// Either way we want the columns, to know which natural key collided.

interface MaybePrismaError {
  code?: unknown;
  name?: unknown;
  message?: unknown;
  meta?: { target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: unknown } } } };
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
