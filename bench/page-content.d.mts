/** Types for page-content.mjs, which the tests import. */
export function benchDocument(postCount: number, opts?: { now?: Date; seed?: number; slug?: string }): unknown;
