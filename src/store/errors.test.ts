/** Driver errors as the API's: a database that is restarting is a 503 to retry, not a 500. */
import { describe, expect, it } from 'vitest';
import { storeErrorToAppError } from './errors.js';

const withCode = (code: string) => Object.assign(new Error('x'), { code });

describe('store errors', () => {
  it('PostgreSQL restarting or unreachable is 503 store_unavailable', () => {
    for (const err of [withCode('57P01'), withCode('57P03'), withCode('ECONNREFUSED'), withCode('08006'), new Error('Connection terminated unexpectedly')]) {
      const e = storeErrorToAppError(err);
      expect([e?.status, e?.code]).toEqual([503, 'store_unavailable']);
    }
  });

  it('a real fault stays unknown (500, logged)', () => {
    expect(storeErrorToAppError(new Error('boom'))).toBeUndefined();
    expect(storeErrorToAppError(withCode('42P01'))).toBeUndefined();
  });
});
