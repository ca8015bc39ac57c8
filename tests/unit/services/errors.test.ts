import { describe, expect, it } from 'vitest';
import { MESSAGE_KEYS, ServiceError, invalidField, invalidFields } from '../../../src/services/errors.js';
import { uniqueViolationFields, isUniqueViolationOn } from '../../../src/services/db-errors.js';

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

  it('ignores other errors', () => {
    expect(uniqueViolationFields(new Error('boom'))).toBeNull();
    expect(uniqueViolationFields({ code: 'P2025' })).toBeNull();
    expect(isUniqueViolationOn(undefined, 'x')).toBe(false);
  });
});
