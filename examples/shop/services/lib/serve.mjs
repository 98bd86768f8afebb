// A tiny JSON-over-HTTP server for the shop's services: routes, /health, and exit with the parent.
import http from 'node:http';
import { context } from '@opentelemetry/api';
import { getRPCMetadata } from '@opentelemetry/core';

/**
 * Starts a server on PORT (127.0.0.1). A route is `['POST', '/orders/:id', handler]`; a handler
 * gets `{ params, query, body, headers }` and returns `{ status, json }`.
 */
export function serve(service, routes) {
  const compiled = routes.map(([method, pattern, handler]) => ({ method, pattern, handler, regex: toRegex(pattern) }));
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && url.pathname === '/health') return send(res, 200, { ok: true, service });
    const route = compiled.find((r) => r.method === req.method && r.regex.test(url.pathname));
    if (!route) return send(res, 404, { error: 'not_found' });
    // The HTTP instrumentation names the server span "<METHOD> <route>" and sets http.route from this.
    const rpc = getRPCMetadata(context.active());
    if (rpc) rpc.route = route.pattern;
    try {
      const params = route.regex.exec(url.pathname)?.groups ?? {};
      const body = await readJson(req);
      const { status, json } = await route.handler({ params, query: url.searchParams, body, headers: req.headers });
      send(res, status, json);
    } catch (error) {
      console.error(`[${service}] ${req.method} ${url.pathname} failed:`, error);
      send(res, 500, { error: 'internal', message: String(error?.message ?? error) });
    }
  });
  // Callers keep connections open between requests; closing an idle one as a request is sent on
  // it fails that request with ECONNRESET (Node closes them after 5 s by default).
  server.keepAliveTimeout = 120_000;
  server.headersTimeout = 125_000;
  const port = Number(process.env.PORT ?? 0);
  server.listen(port, '127.0.0.1', () => {
    console.log(`[${service}] listening on http://127.0.0.1:${server.address().port}`);
  });
  exitWithParent();
  return server;
}

function send(res, status, json) {
  const body = JSON.stringify(json ?? null);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

async function readJson(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  if (chunks.length === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}

function toRegex(pattern) {
  const source = pattern.replace(/:([a-zA-Z]+)/g, (_, name) => `(?<${name}>[^/]+)`);
  return new RegExp(`^${source}$`);
}

// The test runner holds our stdin open; when it goes away (even by SIGKILL) stdin ends and we
// leave too, so a crashed run never leaves services holding ports.
function exitWithParent() {
  if (process.env.SHOP_EXIT_WITH_PARENT !== '1') return;
  process.stdin.on('end', () => process.kill(process.pid, 'SIGTERM'));
  process.stdin.on('error', () => process.kill(process.pid, 'SIGTERM'));
  process.stdin.resume();
}
