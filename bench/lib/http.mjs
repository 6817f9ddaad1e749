/**
 * One HTTP request to a loopback server, for the benchmark scripts: resolves {status, body
 * (string), sentAt, doneAt}, sentAt taken just before the request goes out and doneAt when
 * the answer is complete (wall-clock ms with sub-ms resolution, as bench/sse-clients.mjs
 * records receipts). A JSON body is serialised; `agent` false means a new connection.
 */
import http from 'node:http';

const now = () => performance.timeOrigin + performance.now();

export function request(port, method, pathname, { body, headers = {}, agent = false, timeoutMs = 30_000 } = {}) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    const h = { ...headers };
    if (payload) Object.assign(h, { 'content-type': 'application/json', 'content-length': payload.length });
    const req = http.request({ host: '127.0.0.1', port, path: pathname, method, headers: h, agent }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode, body: text, sentAt, doneAt: now() }));
      res.on('error', reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`timeout: ${method} ${pathname}`)));
    req.on('error', reject);
    const sentAt = now();
    req.end(payload);
  });
}
