// An uninstrumented reverse proxy in front of TARGET_URL that forwards every request without
// its W3C trace headers (as a proxy configured with a header allow-list does). The service
// behind it then starts a new trace for each request.
import http from 'node:http';

const target = new URL(process.env.TARGET_URL);
const DROPPED = new Set(['traceparent', 'tracestate']);

const server = http.createServer((req, res) => {
  if (req.url === '/health') {
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end('{"ok":true}');
  }
  const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !DROPPED.has(name)));
  headers.host = target.host;
  const upstream = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', (error) => {
    res.writeHead(502, { 'content-type': 'text/plain' });
    res.end(`proxy: ${error.message}`);
  });
  req.pipe(upstream);
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () =>
  console.log(`[proxy] listening on http://127.0.0.1:${server.address().port}`),
);
if (process.env.SHOP_EXIT_WITH_PARENT === '1') {
  process.stdin.on('end', () => process.exit(0));
  process.stdin.resume();
}
process.on('SIGTERM', () => process.exit(0));
