// A small shop served in the test process: orders are stored in SQLite (sql.js) under manual
// spans that follow the database semantic conventions; HTTP spans come from the official
// instrumentation the test setup registers.
const http = require('node:http');
const { trace, SpanStatusCode, SpanKind } = require('@opentelemetry/api');
const initSqlJs = require('sql.js');

const tracer = trace.getTracer('example-shop');

function query(db, statement, text, params = []) {
  return tracer.startActiveSpan(
    `${statement} orders`,
    {
      kind: SpanKind.CLIENT,
      attributes: { 'db.system': 'sqlite', 'db.system.name': 'sqlite', 'db.query.text': text, 'db.collection.name': 'orders' },
    },
    (span) => {
      try {
        const stmt = db.prepare(text);
        stmt.bind(params);
        const rows = [];
        while (stmt.step()) rows.push(stmt.getAsObject());
        stmt.free();
        return rows;
      } catch (error) {
        span.recordException(error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

function readJson(req) {
  return new Promise((resolve, reject) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      try {
        resolve(body ? JSON.parse(body) : {});
      } catch (error) {
        reject(error);
      }
    });
  });
}

function send(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Starts the shop on 127.0.0.1 and an ephemeral port; resolves with its URL and a close function. */
async function startShop() {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run('CREATE TABLE orders (id INTEGER PRIMARY KEY, sku TEXT NOT NULL, qty INTEGER NOT NULL)');
  const stock = new Map([
    ['A1', 10],
    ['B2', 0],
  ]);

  const server = http.createServer(async (req, res) => {
    try {
      if (req.method === 'POST' && req.url === '/orders') {
        const { sku, qty = 1 } = await readJson(req);
        const available = stock.get(sku) ?? 0;
        if (available < qty) {
          const span = trace.getActiveSpan();
          span?.setStatus({ code: SpanStatusCode.ERROR, message: `out of stock: ${sku}` });
          return send(res, 409, { error: 'out of stock', sku });
        }
        stock.set(sku, available - qty);
        query(db, 'INSERT', 'INSERT INTO orders (sku, qty) VALUES (?, ?)', [sku, qty]);
        const [row] = query(db, 'SELECT', 'SELECT last_insert_rowid() AS id');
        return send(res, 201, { id: row.id, sku, qty });
      }
      if (req.method === 'GET' && req.url === '/orders') {
        const ids = query(db, 'SELECT', 'SELECT id FROM orders');
        // One query per order: the N+1 pattern a count assertion catches.
        const orders = ids.map(({ id }) => query(db, 'SELECT', 'SELECT * FROM orders WHERE id = ?', [id])[0]);
        return send(res, 200, orders);
      }
      send(res, 404, { error: 'not found' });
    } catch (error) {
      send(res, 500, { error: error.message });
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

module.exports = { startShop };
