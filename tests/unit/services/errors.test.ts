import { describe, expect, it } from 'vitest';
import { MESSAGE_KEYS, ServiceError, invalidField, invalidFields } from '../../../src/services/errors.js';
import { uniqueViolationFields, isUniqueViolationOn, withDatabaseMessage } from '../../../src/services/db-errors.js';

describe('ServiceError', () => {
  it('carries code, key, params and the field for the modal', () => {
    const e = invalidField('narrative', 'errors.invalid.tooLong', { limit: 3000, length: 10000 });
    expect(e).toBeInstanceOf(ServiceError);
    expect(e).toMatchObject({ code: 'invalid', field: 'narrative', messageKey: 'errors.invalid.tooLong', params: { field: 'narrative', limit: 3000 } });
    expect(e.fieldErrors).toEqual([{ field: 'narrative', messageKey: 'errors.invalid.tooLong', params: e.params }]);
  });

  it('reports several fields at once, headed by the first', () => {
    const e = invalidFields([
      { field: 'a', messageKey: 'errors.invalid.required', params: {} },
      { field: 'b', messageKey: 'errors.invalid.url', params: {} },
    ]);
    expect(e.field).toBe('a');
    expect(e.fieldErrors.map((p) => p.field)).toEqual(['a', 'b']);
  });

  it('has unique message keys', () => {
    expect(new Set(MESSAGE_KEYS).size).toBe(MESSAGE_KEYS.length);
  });
});

describe('uniqueViolationFields', () => {
  it("reads the pg adapter's P2002 with quoted columns", () => {
    const e = {
      code: 'P2002',
      meta: { modelName: 'ProgressUpdate', driverAdapterError: { cause: { constraint: { fields: ['"idempotencyKey"'] } } } },
    };
    expect(uniqueViolationFields(e)).toEqual(['idempotencyKey']);
    expect(isUniqueViolationOn(e, 'idempotencyKey')).toBe(true);
  });

  it("reads PGlite's raw DriverAdapterError", () => {
    const e = Object.assign(new Error('UniqueConstraintViolation'), {
      name: 'DriverAdapterError',
      cause: { kind: 'postgres', code: '23505', detail: 'Key ("objectiveId", number)=(3, 2) already exists.' },
    });
    expect(uniqueViolationFields(e)).toEqual(['objectiveId', 'number']);
  });

  it("reads a failed $queryRaw (P2010) from either adapter, and gives it the database's words", () => {
    const pglite = {
      code: 'P2010',
      meta: {
        driverAdapterError: {
          cause: {
            kind: 'postgres',
            code: '23505',
            message: 'duplicate key value violates unique constraint "ProgressUpdate_idempotencyKey_key"',
            detail: 'Key ("idempotencyKey")=(k) already exists.',
          },
        },
      },
    };
    const pg = {
      code: 'P2010',
      meta: {
        driverAdapterError: {
          cause: {
            originalCode: '23505',
            originalMessage: 'duplicate key value',
            kind: 'UniqueConstraintViolation',
            constraint: { fields: ['"idempotencyKey"'] },
          },
        },
      },
    };
    expect(uniqueViolationFields(pglite)).toEqual(['idempotencyKey']);
    expect(uniqueViolationFields(pg)).toEqual(['idempotencyKey']);
    const explained = withDatabaseMessage(pglite) as Error;
    expect(explained.message).toBe(
      'the database refused the statement: duplicate key value violates unique constraint "ProgressUpdate_idempotencyKey_key" (SQLSTATE 23505)',
    );
    expect(isUniqueViolationOn(explained, 'idempotencyKey')).toBe(true);
    expect((withDatabaseMessage(pg) as Error).message).toBe('the database refused the statement: duplicate key value (SQLSTATE 23505)');
    const other = { code: 'P2010', meta: { driverAdapterError: { cause: { kind: 'postgres', code: '22012', message: 'division by zero' } } } };
    expect(uniqueViolationFields(other)).toBeNull();
    const boom = new Error('boom');
    expect(withDatabaseMessage(boom)).toBe(boom);
  });

  it('ignores other errors', () => {
    expect(uniqueViolationFields(new Error('boom'))).toBeNull();
    expect(uniqueViolationFields({ code: 'P2025' })).toBeNull();
    expect(isUniqueViolationOn(undefined, 'x')).toBe(false);
  });
});
