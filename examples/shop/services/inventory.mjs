// inventory: product catalogue and stock, in SQLite, with a read-through cache for lookups.
//   GET  /products/:sku      product by SKU (cache hit, or miss then SELECT)
//   POST /reserve            { sku, qty } -> 200 { sku, qty, unitPrice } | 409 out of stock
import { SpanStatusCode, trace } from '@opentelemetry/api';
import { openDatabase } from './lib/sqlite.mjs';
import { serve } from './lib/serve.mjs';

const tracer = trace.getTracer('inventory');

const db = await openDatabase(
  'inventory',
  `
  CREATE TABLE products (sku TEXT PRIMARY KEY, name TEXT NOT NULL, price_cents INTEGER NOT NULL, stock INTEGER NOT NULL);
  INSERT INTO products VALUES
    ('A1', 'Espresso cup', 2000, 1000000000),
    ('B2', 'Teapot', 3500, 1000000000),
    ('C3', 'Kettle', 4999, 1000000000),
    ('D4', 'Milk jug', 1250, 1000000000),
    ('E5', 'Tea towel', 500, 1000000000),
    ('Z9', 'Signed print (sold out)', 12000, 0);
`,
);

/** Product rows by SKU. Reservations change stock, not the fields cached here. */
const cache = new Map();

function findProduct(sku) {
  const cached = tracer.startActiveSpan('cache.lookup', { attributes: { 'cache.key': `product:${sku}` } }, (span) => {
    const row = cache.get(sku);
    span.setAttribute('cache.hit', row !== undefined);
    span.end();
    return row;
  });
  if (cached) return cached;
  const [row] = db.query('SELECT sku, name, price_cents FROM products WHERE sku = ?', [sku]);
  if (row) cache.set(sku, row);
  return row;
}

function reserve(sku, qty) {
  return tracer.startActiveSpan('reserve', { attributes: { 'inventory.sku': sku, 'inventory.qty': qty } }, (span) => {
    try {
      const [row] = db.query('SELECT stock, price_cents FROM products WHERE sku = ?', [sku]);
      if (!row) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: `unknown SKU ${sku}` });
        return { status: 404, json: { error: 'unknown_sku', sku } };
      }
      span.setAttribute('inventory.stock_before', row.stock);
      if (row.stock < qty) {
        const error = new Error(`out of stock: ${sku} has ${row.stock}, ${qty} requested`);
        error.name = 'OutOfStockError';
        span.recordException(error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
        return { status: 409, json: { error: 'out_of_stock', sku, available: row.stock } };
      }
      db.query('UPDATE products SET stock = stock - ? WHERE sku = ?', [qty, sku]);
      return { status: 200, json: { sku, qty, unitPrice: row.price_cents / 100 } };
    } finally {
      span.end();
    }
  });
}

serve('inventory', [
  [
    'GET',
    '/products/:sku',
    ({ params }) => {
      const row = findProduct(params.sku);
      return row
        ? { status: 200, json: { sku: row.sku, name: row.name, price: row.price_cents / 100 } }
        : { status: 404, json: { error: 'unknown_sku', sku: params.sku } };
    },
  ],
  [
    'POST',
    '/reserve',
    ({ body }) => {
      const { sku, qty } = body ?? {};
      if (typeof sku !== 'string' || !Number.isInteger(qty) || qty < 1) {
        return { status: 400, json: { error: 'bad_request', expected: '{ sku: string, qty: positive integer }' } };
      }
      return reserve(sku, qty);
    },
  ],
]);
