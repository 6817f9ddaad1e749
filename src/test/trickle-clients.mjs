// Slow clients for tests, in their own process so that the server's memory is measured
// alone: each socket sends a request's headers announcing a 1 MB JSON body, then trickles it.
// Usage: node trickle-clients.mjs '{"port":…,"requests":[{"method","path","headers"}],"chunks":32,"everyMs":40,"capMs":10000}'
// Prints one JSON line: per request, the status line it got ('' when reset unanswered) and
// when the server closed it (null: still open at capMs).
import { connect } from 'node:net';

const { port, requests, chunks = 32, everyMs = 40, capMs = 10_000 } = JSON.parse(process.argv[2]);
const CHUNK = Buffer.alloc(16 * 1024, 'a');
const started = Date.now();

function trickle({ method, path, headers = {} }) {
  return new Promise((resolve) => {
    let answer = '';
    let sent = 0;
    let timer;
    const socket = connect(port, '127.0.0.1', () => {
      const head = Object.entries({ host: 'livepage.test', 'content-type': 'application/json', 'content-length': String(1024 * 1024), ...headers })
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('');
      socket.write(`${method} ${path} HTTP/1.1\r\n${head}\r\n{"title":"`);
      timer = setInterval(() => sent++ < chunks && socket.writable && socket.write(CHUNK), everyMs);
    });
    const cap = setTimeout(() => {
      resolve({ status: answer.slice(9, 12), closedAfterMs: null });
      socket.destroy();
    }, capMs);
    socket.setEncoding('latin1');
    socket.on('data', (d) => (answer += d));
    socket.on('error', () => {}); // a reset while we write is one way of being closed
    socket.on('close', () => {
      clearInterval(timer);
      clearTimeout(cap);
      resolve({ status: answer.slice(9, 12), closedAfterMs: Date.now() - started });
    });
  });
}

const results = await Promise.all(requests.map(trickle));
process.stdout.write(JSON.stringify(results) + '\n');
