/** Types for hostile-reads.mjs, which the tests import. */
export function hostileUrls(slug: string, seq: number, count: number): string[];
export function rssMib(pid: number): number;
export interface HostileReadsResult {
  requests: number;
  seconds: number;
  statuses: Record<string, number>;
  rssStartMib: number;
  rssPeakMib: number;
  rssEndMib: number;
}
export function hostileReads(opts: { baseUrl: string; urls: string[]; pid: number; concurrency?: number }): Promise<HostileReadsResult>;
