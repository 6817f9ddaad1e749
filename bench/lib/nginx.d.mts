/** Types for nginx.mjs, whose balancer config the tests use (src/test/nginx.ts). */
export const NGINX: string;
export function hasNginx(opts?: { nchan?: boolean }): boolean;
export function balancerConfig(opts: { prefix: string; port: number; upstreams: string[]; connections: number }): string;
