/**
 * Reading a /metrics answer in tests with an independent parser of the Prometheus text
 * format (not prom-client's own code), so a malformed exposition fails the test.
 */
import parsePrometheusTextFormat, { type Family, type Sample } from 'parse-prometheus-text-format';

export class Scraped {
  readonly families: Map<string, Family>;
  /**
   * Every series by its own name (x_bucket, x_sum, x_count for a histogram x), labels kept.
   * The parser folds a histogram's samples into one prom2json-style entry and loses their
   * labels on the way; read as untyped lines (its TYPE line left out), each keeps its own.
   */
  private readonly series = new Map<string, Sample[]>();

  constructor(readonly text: string) {
    this.families = new Map(parsePrometheusTextFormat(text).map((f) => [f.name, f]));
    const histograms = [...this.families.values()].filter((f) => f.type === 'HISTOGRAM').map((f) => `# TYPE ${f.name} histogram`);
    const untyped = text
      .split('\n')
      .filter((line) => !histograms.includes(line))
      .join('\n');
    for (const f of parsePrometheusTextFormat(untyped)) this.series.set(f.name, [...(this.series.get(f.name) ?? []), ...f.metrics]);
  }

  family(name: string): Family {
    const f = this.families.get(name);
    if (!f) throw new Error(`no metric ${name} in the scrape`);
    return f;
  }

  /** The samples of `name` whose labels include `labels`. */
  samples(name: string, labels: Record<string, string> = {}): Sample[] {
    return this.family(name).metrics.filter((s) => Object.entries(labels).every(([k, v]) => s.labels?.[k] === v));
  }

  /** The one value of a counter or gauge with these labels (0 when there is no such sample). */
  value(name: string, labels: Record<string, string> = {}): number {
    const found = this.samples(name, labels);
    if (found.length > 1) throw new Error(`${found.length} samples of ${name} match ${JSON.stringify(labels)}`);
    return found.length ? Number(found[0]!.value) : 0;
  }

  /** A histogram's count, summed over its series whose labels include `labels`. */
  count(name: string, labels: Record<string, string> = {}): number {
    return this.histogram(name, '_count', labels);
  }

  /** A histogram's sum (seconds, for a duration), likewise. */
  sum(name: string, labels: Record<string, string> = {}): number {
    return this.histogram(name, '_sum', labels);
  }

  private histogram(name: string, suffix: string, labels: Record<string, string>): number {
    if (this.family(name).type !== 'HISTOGRAM') throw new Error(`${name} is not a histogram`);
    const matching = (this.series.get(name + suffix) ?? []).filter((s) => Object.entries(labels).every(([k, v]) => s.labels?.[k] === v));
    return matching.reduce((n, s) => n + Number(s.value), 0);
  }
}

/** GETs `url` with the bearer token and parses it; throws unless it is a 200 in the text format. */
export async function scrape(url: string, token?: string): Promise<Scraped> {
  const res = await fetch(url, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
  if (!res.headers.get('content-type')?.startsWith('text/plain; version=0.0.4')) throw new Error(`GET ${url}: content-type ${res.headers.get('content-type')}`);
  if (res.headers.get('cache-control') !== 'no-store') throw new Error(`GET ${url}: cache-control ${res.headers.get('cache-control')}`);
  return new Scraped(await res.text());
}
