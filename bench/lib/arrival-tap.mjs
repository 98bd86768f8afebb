// A pass-through in front of the receiver that notes, per trace, when its latest span was
// stored: the moment the receiver answered the export that carried it. The services export
// here; every strategy reads the receiver itself, so the tap costs them all the same.
import http from 'node:http';
import { traceIdsFromOtlp } from './trace-ids-from-otlp.mjs';

/** Starts the tap on a free loopback port, forwarding to `receiverOrigin` (http://127.0.0.1:4318). */
export async function startArrivalTap(receiverOrigin) {
  const lastArrival = new Map();
  const agent = new http.Agent({ keepAlive: true });
  const target = new URL(receiverOrigin);
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const headers = { ...req.headers, host: target.host, 'content-length': String(body.length) };
      for (const hop of HOP_BY_HOP) delete headers[hop];
      const upstream = http.request(
        { agent, host: target.hostname, port: target.port, method: req.method, path: req.url, headers },
        (answer) => {
          const parts = [];
          answer.on('data', (c) => parts.push(c));
          answer.on('end', () => {
            const now = performance.timeOrigin + performance.now();
            if (req.url === '/v1/traces' && answer.statusCode === 200 && isProtobuf(req.headers['content-type'])) {
              for (const id of traceIdsFromOtlp(body)) lastArrival.set(id, now);
            }
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            res.end(Buffer.concat(parts));
          });
        },
      );
      upstream.on('error', (error) => {
        res.writeHead(502).end(String(error));
      });
      upstream.end(body);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    /** Epoch ms (fractional) of the latest stored span of `traceId`, or undefined. */
    lastArrival: (traceId) => lastArrival.get(traceId),
    close: () => {
      agent.destroy();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

// Headers about one connection, not the message: the body is re-sent whole, with its length.
const HOP_BY_HOP = ['transfer-encoding', 'connection', 'keep-alive'];

function isProtobuf(contentType = '') {
  return contentType.includes('protobuf');
}
