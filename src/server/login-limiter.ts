/**
 * Sign-in attempts, limited per account and per address so guessing passwords is slow
 * for an attacker and a colleague's typos do not lock the whole office out. In memory,
 * per server process: enough to stop guessing; a fleet shares nothing here.
 */
const WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;
const MAX_KEYS = 100_000;

export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  /** True when this account or address has failed too often lately. */
  blocked(email: string, ip: string, now = Date.now()): boolean {
    return this.count(`a:${email}`, now) >= MAX_FAILURES_PER_ACCOUNT || this.count(`i:${ip}`, now) >= MAX_FAILURES_PER_ADDRESS;
  }

  failed(email: string, ip: string, now = Date.now()): void {
    if (this.failures.size > MAX_KEYS) this.failures.clear(); // a flood of made-up names must not grow memory
    for (const key of [`a:${email}`, `i:${ip}`]) this.failures.set(key, [...this.recent(key, now), now]);
  }

  succeeded(email: string): void {
    this.failures.delete(`a:${email}`);
  }

  private count(key: string, now: number): number {
    return this.recent(key, now).length;
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
  }
}
