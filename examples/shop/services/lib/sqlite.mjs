// An in-memory SQLite database (sql.js, WebAssembly) whose every statement is a client span
// following the OpenTelemetry database semantic conventions.
import initSqlJs from 'sql.js';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

const tracer = trace.getTracer('shop-sqlite');

/** Opens a fresh database named `name`, runs `schema` (untraced), and returns a traced `query`. */
export async function openDatabase(name, schema) {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.exec(schema);
  return {
    /**
     * Runs one statement inside a span named "<OPERATION> <table>", e.g. "INSERT orders",
     * and returns the rows as objects.
     */
    query(sql, params = []) {
      const { operation, table } = describe(sql);
      return tracer.startActiveSpan(
        table ? `${operation} ${table}` : operation,
        {
          kind: SpanKind.CLIENT,
          attributes: {
            'db.system.name': 'sqlite',
            'db.system': 'sqlite', // pre-1.26 name, still read by many backends and by Tracetest
            'db.namespace': name,
            'db.operation.name': operation,
            ...(table ? { 'db.collection.name': table } : {}),
            'db.query.text': sql,
          },
        },
        (span) => {
          try {
            const statement = db.prepare(sql);
            const rows = [];
            try {
              statement.bind(params);
              while (statement.step()) rows.push(statement.getAsObject());
            } finally {
              statement.free();
            }
            if (operation === 'SELECT') span.setAttribute('db.response.returned_rows', rows.length);
            return rows;
          } catch (error) {
            span.recordException(error);
            span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
            span.setAttribute('error.type', error.name ?? 'Error');
            throw error;
          } finally {
            span.end();
          }
        },
      );
    },
    lastInsertId() {
      return db.exec('SELECT last_insert_rowid() AS id')[0].values[0][0];
    },
  };
}

function describe(sql) {
  const operation = sql.trim().split(/\s+/, 1)[0].toUpperCase();
  const table = /\b(?:FROM|INTO|UPDATE)\s+([A-Za-z_][A-Za-z0-9_]*)/i.exec(sql)?.[1];
  return { operation, table };
}
