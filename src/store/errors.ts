/**
 * Database failures a user can cause, as the API's errors. Both stores' codes are known
 * here only, so nothing outside `store/` inspects a driver error.
 */
import { AppError } from '../domain/errors.js';

const code = (err: unknown): string | undefined =>
  typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined;

/** The AppError for a database error a request caused, or undefined for a real fault. */
export function storeErrorToAppError(err: unknown): AppError | undefined {
  switch (code(err)) {
    case '23505': // PostgreSQL unique_violation
    case 'SQLITE_CONSTRAINT_UNIQUE':
    case 'SQLITE_CONSTRAINT_PRIMARYKEY':
      // Two requests created the same thing at the same moment; the other one won.
      return new AppError(409, 'already_exists', 'That already exists: it was created at the same moment by another request.');
    case 'SQLITE_BUSY':
    case 'SQLITE_BUSY_SNAPSHOT':
    case '40001': // serialization_failure
    case '40P01': // deadlock_detected
    case '55P03': // lock_not_available
      return new AppError(503, 'busy', 'The database is busy; try again in a moment.');
    case '22021': // character_not_in_repertoire (e.g. NUL): validation should have caught it
    case '22P02': // invalid_text_representation
      return new AppError(400, 'invalid_input', 'The request contains characters that cannot be stored.');
    case '57P01': // admin_shutdown: PostgreSQL is restarting
    case '57P02': // crash_shutdown
    case '57P03': // cannot_connect_now: starting up or shutting down
    case '08000': // connection_exception
    case '08001':
    case '08003':
    case '08006':
    case 'ECONNREFUSED': // the driver's socket: nothing listens (PostgreSQL is down)
    case 'ECONNRESET':
      return unavailable();
    default:
      // pg's own words for a connection that died under a statement (no code).
      return err instanceof Error && /^Connection terminated/.test(err.message) ? unavailable() : undefined;
  }
}

/**
 * PostgreSQL is away for a moment (a restart, a failover): 503 with Retry-After, which a
 * client retries — with its Idempotency-Key, the editor's Publish lands exactly once.
 */
const unavailable = () => new AppError(503, 'store_unavailable', 'The database is restarting; try again in a moment.');
