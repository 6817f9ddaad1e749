/** Turning zod failures into the API's 400 errors, naming the field. */
import type { z } from 'zod';
import { AppError } from '../domain/errors.js';

/** Parses `value` with `schema` or throws a 400 AppError for the first problem. */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  throw toAppError(result.error);
}

export function toAppError(error: z.ZodError): AppError {
  const issue = error.issues[0]!;
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    const field = [...path, issue.keys[0]].join('.');
    return new AppError(400, 'unknown_field', `Unknown field "${field}".`, field);
  }
  const field = path.join('.') || undefined;
  if (issue.code === 'invalid_type' && issue.input === undefined)
    return new AppError(400, 'missing_field', `${field ?? 'A value'} is required.`, field);
  return new AppError(400, 'invalid_input', field ? `${field}: ${issue.message}` : issue.message, field);
}
