/**
 * Which content coding a reader gets (RFC 9110 §12.5.3): Brotli or gzip when its
 * Accept-Encoding allows them, by q-value, else the bytes as they are. Every cached body is
 * kept in each coding (server/encoded-body.ts), so choosing costs a header parse, no work.
 */

/** The codings served: Brotli, gzip, or none. */
export type Coding = 'br' | 'gzip' | 'identity';

/** Most preferred first: at equal q, Brotli (smaller) before gzip before identity. */
const PREFERENCE: readonly Coding[] = ['br', 'gzip', 'identity'];

/** A q-value as RFC 9110 writes it: 0 to 1 with at most three decimals; anything else is ignored. */
const QVALUE = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

/**
 * The coding to send for this Accept-Encoding header. No header: identity (the client said
 * nothing of what it can decode). `br;q=0` or `gzip;q=0` refuses that coding; `*` stands
 * for every coding not named. Identity is acceptable unless refused (`identity;q=0`, or
 * `*;q=0` without `identity`), and below any accepted coding unless given a higher q. When
 * everything is refused, identity still: RFC 9110 lets a server send it rather than a 406,
 * as nginx and the CDNs do, and a page is better than an error.
 */
export function chooseCoding(header: string | string[] | undefined): Coding {
  if (header === undefined) return 'identity';
  if (Array.isArray(header)) return parse(header.join(','));
  // Readers send a handful of distinct headers (one per browser family): parse each once.
  let coding = seen.get(header);
  if (coding === undefined) {
    coding = parse(header);
    if (header.length <= MEMO_MAX_LENGTH) {
      if (seen.size >= MEMO_ENTRIES) seen.clear();
      seen.set(header, coding);
    }
  }
  return coding;
}

/** Headers remembered with their coding; clients choose them, so both are bounded. */
const MEMO_ENTRIES = 256;
const MEMO_MAX_LENGTH = 256;
const seen = new Map<string, Coding>();

function parse(header: string): Coding {
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [rawName, ...params] = part.split(';');
    const name = rawName!.trim().toLowerCase();
    if (!name) continue;
    let weight = 1;
    for (const p of params) {
      const [k, v] = p.split('=').map((s) => s.trim().toLowerCase());
      if (k === 'q') weight = v !== undefined && QVALUE.test(v) ? Number(v) : NaN;
    }
    if (Number.isNaN(weight)) continue; // a malformed q: as if the entry were not there
    const canonical = name === 'x-gzip' ? 'gzip' : name;
    // A coding named twice keeps its highest q (lenient: a client listing it twice wants it).
    q.set(canonical, Math.max(weight, q.get(canonical) ?? 0));
  }
  const star = q.get('*');
  const weightOf = (c: Coding): number => {
    const own = q.get(c);
    if (own !== undefined) return own;
    // Identity not named: acceptable, least preferred, unless `*;q=0` refused it.
    if (c === 'identity') return star === 0 ? 0 : 0.001;
    return star ?? 0;
  };
  let best: Coding = 'identity';
  let bestQ = 0;
  for (const c of PREFERENCE) {
    const w = weightOf(c);
    if (w > bestQ) [best, bestQ] = [c, w];
  }
  return best;
}
