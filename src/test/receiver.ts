/** A real HTTP endpoint for webhook tests: records every request and answers as told. */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  /** The status it was answered with ('hang' while it is being held). */
  answer: number | 'hang';
}

/** How to answer the n-th request (0-based): a status code, or 'hang' to never answer. */
export type Responder = (n: number, body: string) => number | 'hang';

export interface Receiver {
  url: string;
  requests: Received[];
  /** Requests answered 2xx. */
  accepted(): Received[];
  /** Resolves once `cond` holds (checked on every request and every 25 ms), or rejects after `ms`. */
  waitFor(cond: (r: Receiver) => boolean, ms?: number, what?: string): Promise<void>;
  respond: Responder;
  close(): Promise<void>;
}

export async function startReceiver(respond: Responder = () => 200): Promise<Receiver> {
  const held: ServerResponse[] = [];
  const r: Receiver = {
    url: '',
    requests: [],
    accepted: () => r.requests.filter((q) => typeof q.answer === 'number' && q.answer >= 200 && q.answer < 300),
    respond,
    async waitFor(cond, ms = 15_000, what = 'the receiver') {
      const end = Date.now() + ms;
      while (!cond(r)) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}; got ${r.requests.length} requests: ${JSON.stringify(r.requests.map((q) => q.answer))}`);
        await new Promise((ok) => setTimeout(ok, 25));
      }
    },
    close: () =>
      new Promise((ok) => {
        for (const res of held) res.destroy();
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const answer = r.respond(r.requests.length, body);
      r.requests.push({ headers: req.headers, body, answer });
      if (answer === 'hang') return void held.push(res);
      res.writeHead(answer, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  r.url = `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`;
  return r;
}
