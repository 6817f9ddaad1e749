/**
 * The one way the server fetches from outside (images now; oEmbed and OpenGraph later):
 * http(s) only; the host's addresses resolved and every one checked (address-policy.ts)
 * unless private hosts are allowed; the connection made to the address that was checked
 * (a second DNS answer cannot swap in 127.0.0.1); redirects followed by hand, a few, each
 * checked again; a deadline on the whole exchange; the body bounded by the caller.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { fetchFailed, privateAddress } from '../domain/errors.js';
import { isPublicAddress } from './address-policy.js';

export interface GuardedFetchOptions {
  /** Which resolved addresses may be connected to; default: public ones only. */
  isAllowedAddress?: (address: string) => boolean;
  /** How many redirects to follow (each one checked like the first request). */
  maxRedirects?: number;
  /** A deadline for the whole exchange, body included. */
  timeoutMs?: number;
  /** The Accept header to send. */
  accept?: string;
  /** Refuses a response before its body is read (a wrong Content-Type, a Content-Length past a limit). */
  check?: (res: IncomingMessage) => void;
}

export interface GuardedResponse {
  /** The URL that answered, after redirects. */
  url: string;
  status: number;
  /** The body, to stream; destroy it if not read to the end. */
  body: IncomingMessage;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** The policy the configuration asks for (LIVEPAGE_MEDIA_ALLOW_PRIVATE_HOSTS). */
export const addressPolicy = (allowPrivateHosts: boolean) => (allowPrivateHosts ? () => true : isPublicAddress);

/** GETs `url`; 422 `private_address` for a refused address, 422 `fetch_failed` for anything else that goes wrong. */
export async function guardedGet(url: string, opts: GuardedFetchOptions = {}): Promise<GuardedResponse> {
  const allowed = opts.isAllowedAddress ?? isPublicAddress;
  const signal = AbortSignal.timeout(opts.timeoutMs ?? 15_000);
  let current = url;
  for (let hop = 0; ; hop++) {
    const res = await request(current, allowed, signal, opts.accept ?? '*/*');
    const location = res.headers.location;
    if (REDIRECTS.has(res.statusCode ?? 0) && location) {
      res.destroy();
      if (hop >= (opts.maxRedirects ?? 3)) throw fetchFailed('The address redirected too many times.');
      current = new URL(location, current).toString();
      continue;
    }
    if ((res.statusCode ?? 0) < 200 || (res.statusCode ?? 0) >= 300) {
      res.destroy();
      throw fetchFailed(`The server at that address answered ${res.statusCode}.`);
    }
    try {
      opts.check?.(res);
    } catch (err) {
      res.destroy();
      throw err;
    }
    return { url: current, status: res.statusCode!, body: res };
  }
}

function request(url: string, allowed: (address: string) => boolean, signal: AbortSignal, accept: string): Promise<IncomingMessage> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return Promise.reject(fetchFailed('That is not a valid address.'));
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return Promise.reject(fetchFailed('Only http and https addresses can be fetched.'));
  if (target.username || target.password) return Promise.reject(fetchFailed('Addresses with a user name or password are not fetched.'));
  // An address literal is connected to without any lookup: check it here.
  const literal = target.hostname.replace(/^\[|\]$/g, '');
  if (isIP(literal) && !allowed(literal)) return Promise.reject(privateAddress());
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.get(target, { signal, lookup: checkedLookup(allowed), headers: { accept, 'user-agent': 'livepage (media fetcher)' } }, resolve);
    req.on('error', (err) => {
      const refused = (err as Error & { appError?: unknown }).appError;
      if (refused) return reject(refused);
      const timedOut = signal.aborted;
      reject(fetchFailed(timedOut ? 'The address took too long to answer.' : `The address could not be fetched (${(err as { code?: string }).code ?? err.message}).`));
    });
  });
}

/**
 * A lookup for net.connect that resolves every address of the host, refuses the host if
 * any is not allowed, and hands the socket only checked addresses.
 */
function checkedLookup(allowed: (address: string) => boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, family: options.family ?? 0 }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      if (addresses.length === 0 || addresses.some((a) => !allowed(a.address))) {
        const refused = Object.assign(new Error('private address'), { appError: privateAddress() });
        return callback(refused, '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}
