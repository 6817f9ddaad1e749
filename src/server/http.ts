/** Small HTTP helpers shared by routes. */
import { AppError, invalidInput, preconditionRequired } from '../domain/errors.js';

/**
 * The version in `If-Match: "3"` (a bare 3 is forgiven); 428 when missing, 400 when
 * malformed. Weak tags are refused: If-Match compares strongly.
 */
export function ifMatchVersion(header: string | undefined): number {
  if (header === undefined || header.trim() === '') throw preconditionRequired();
  const m = /^\s*(?:"(\d{1,9})"|(\d{1,9}))\s*$/.exec(header);
  if (!m) throw new AppError(400, 'invalid_if_match', 'If-Match must be the post version in quotes, e.g. "3".');
  return Number(m[1] ?? m[2]);
}

/** A 1-based page number from a query value: undefined means 1, anything malformed is null. */
export function pageNumber(raw: unknown): number | null {
  if (raw === undefined) return 1;
  if (typeof raw !== 'string' || !/^[1-9]\d{0,5}$/.test(raw)) return null;
  return Number(raw);
}

/** Like pageNumber, for the API: a malformed value is a 400 naming the field. */
export function requirePageNumber(raw: unknown): number {
  const n = pageNumber(raw);
  if (n === null) throw invalidInput('page must be a whole number from 1.', 'page');
  return n;
}

/** True when an If-None-Match header matches `etag`. */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const v = t.trim();
    return v === '*' || v === etag || v === `W/${etag}`;
  });
}
