import { describe, expect, it } from 'vitest';
import { selectSpans } from '../../src/select/select-spans';
import { buildTrace, TRACE_START } from '../helpers/build-trace';
import { spanNames } from '../helpers/span-names';
import { ids, shopTrace } from './shop-trace';

const select = (selector: string): number[] => ids(selectSpans(shopTrace, selector));

describe('selectSpans with a string selector, on the trace of Tracetest’s documentation', () => {
  it('selects every span, depth first, for an empty selector, blank selector or span[]', () => {
    const all = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    expect(select('')).toEqual(all);
    expect(select('  \n ')).toEqual(all);
    expect(select('span[]')).toEqual(all);
    expect(select('span[ ]')).toEqual(all);
  });

  it('filters by one attribute', () => {
    expect(select('span[tracetest.span.type="http"]')).toEqual([1, 2, 4, 6, 7, 9]);
    expect(select('span[service.name contains "api"]')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('ANDs filters separated by spaces or commas inside one bracket', () => {
    expect(select('span[tracetest.span.type="http" service.name="cart-api"]')).toEqual([1, 6]);
    expect(select('span[tracetest.span.type="http", service.name="cart-api"]')).toEqual([1, 6]);
    expect(select('span[ tracetest.span.type = "http"   service.name = "cart-api" ]')).toEqual([1, 6]);
  });

  it('ORs selectors separated by commas, in depth-first order without duplicates', () => {
    expect(select('span[service.name="notification-api"], span[service.name="cart-api"]')).toEqual([1, 6, 9, 10]);
    expect(select('span[service.name="cart-api"],span[name="1 close order"]')).toEqual([1, 6]);
  });

  it('selects descendants of the spans the previous step selected', () => {
    expect(
      select('span[service.name="cart-api", name="6 purchase products"] span[service.name="auth-api" tracetest.span.type="http"]'),
    ).toEqual([7]);
  });

  it('is what Trace.select and Trace.find use', () => {
    expect(ids(shopTrace.select('span[service.name="auth-api"]:last'))).toEqual([8]);
    expect(shopTrace.find('span[messaging.system="kafka"]')?.name).toBe('10 send message to kafka');
  });

  it('takes pseudo-classes over the matched list in depth-first order', () => {
    expect(select('span[tracetest.span.type="http"]:first')).toEqual([1]);
    expect(select('span[tracetest.span.type="http"]:last')).toEqual([9]);
    expect(select('span[tracetest.span.type="http"]:nth_child(3)')).toEqual([4]);
    expect(select('span[tracetest.span.type="http"]:nth_child(7)')).toEqual([]);
  });
});

describe('operators', () => {
  const trace = buildTrace([
    { name: 'ok', attributes: { code: 200, text: 'alpha beta', id: '0042', flag: true, ratio: 0.5 } },
    { name: 'redirect', attributes: { code: 302, text: 'beta', flag: false, ratio: 1.5 } },
    { name: 'failed', attributes: { code: '500', text: 'gamma' } },
    { name: 'bare' },
  ]);
  const sel = (selector: string): string[] => spanNames(selectSpans(trace, selector));

  it('= compares loosely: a numeric string equals a number and a quoted number equals a numeric attribute', () => {
    expect(sel('span[code=200]')).toEqual(['ok']);
    expect(sel('span[code="200"]')).toEqual(['ok']);
    expect(sel('span[code=500]')).toEqual(['failed']);
    expect(sel('span[id=42]')).toEqual(['ok']);
    expect(sel('span[id="42"]')).toEqual([]);
    expect(sel('span[ratio=0.5]')).toEqual(['ok']);
  });

  it('= compares booleans with booleans and their text', () => {
    expect(sel('span[flag=true]')).toEqual(['ok']);
    expect(sel('span[flag=false]')).toEqual(['redirect']);
    expect(sel('span[flag="true"]')).toEqual(['ok']);
  });

  it('!= matches different values and absent attributes', () => {
    expect(sel('span[code!=200]')).toEqual(['redirect', 'failed', 'bare']);
  });

  it('<, >, <=, >= compare numerically, numeric strings included, and never match non-numbers', () => {
    expect(sel('span[code<302]')).toEqual(['ok']);
    expect(sel('span[code<=302]')).toEqual(['ok', 'redirect']);
    expect(sel('span[code>302]')).toEqual(['failed']);
    expect(sel('span[code>=302]')).toEqual(['redirect', 'failed']);
    expect(sel('span[code >= "302"]')).toEqual(['redirect', 'failed']);
    expect(sel('span[ratio > 1]')).toEqual(['redirect']);
    expect(sel('span[text > 0]')).toEqual([]);
    expect(sel('span[ratio > -1]')).toEqual(['ok', 'redirect']);
  });

  it('contains and not-contains compare text; not-contains matches absent attributes', () => {
    expect(sel('span[text contains "beta"]')).toEqual(['ok', 'redirect']);
    expect(sel('span[text not-contains "beta"]')).toEqual(['failed', 'bare']);
    expect(sel('span[code contains 0]')).toEqual(['ok', 'redirect', 'failed']);
  });

  it('=~ searches with a regular expression, unanchored', () => {
    expect(sel('span[text=~"^(alpha|gamma)"]')).toEqual(['ok', 'failed']);
    expect(sel('span[code=~"^[23]\\\\d\\\\d$"]')).toEqual(['ok', 'redirect']);
    expect(sel(String.raw`span[code=~"^[23]\d\d$"]`)).toEqual(['ok', 'redirect']);
    expect(sel('span[name=~"e"]')).toEqual(['redirect', 'failed', 'bare']);
  });

  it('an absent attribute matches no positive operator', () => {
    for (const op of ['=', '<', '>', '<=', '>=', 'contains', '=~']) {
      expect(sel(`span[missing ${op} "1"]`)).toEqual([]);
    }
    expect(sel('span[missing=""]')).toEqual([]);
  });

  it('reads string escapes', () => {
    const quoted = buildTrace([{ name: 'say "hi"\\\n\t☃' }]);
    expect(spanNames(selectSpans(quoted, 'span[name="say \\"hi\\"\\\\\\n\\t\\u2603"]'))).toEqual(['say "hi"\\\n\t☃']);
  });

  it('compares array and byte attributes by their text', () => {
    const arrays = buildTrace([
      { name: 'list', attributes: { accept: ['text/html', 'application/json'] } },
      { name: 'bytes', attributes: { raw: new Uint8Array([104, 105]) } },
    ]);
    expect(spanNames(selectSpans(arrays, 'span[accept contains "json"]'))).toEqual(['list']);
    expect(spanNames(selectSpans(arrays, 'span[raw="aGk="]'))).toEqual(['bytes']);
  });
});

describe('descendant chains', () => {
  const trace = buildTrace(`
gateway GET /checkout
  checkout POST /orders
    checkout validate
      inventory reserve
        db UPDATE stock
    payments charge
      db INSERT payment
  db SELECT session
`);
  const sel = (selector: string): string[] => spanNames(selectSpans(trace, selector));

  it('reaches descendants at any depth, not only children', () => {
    expect(sel('span[service.name="checkout"] span[service.name="db"]')).toEqual(['UPDATE stock', 'INSERT payment']);
    expect(sel('span[name="GET /checkout"] span[service.name="db"]')).toEqual(['UPDATE stock', 'INSERT payment', 'SELECT session']);
  });

  it('does not select the ancestor itself when it matches both steps', () => {
    expect(sel('span[service.name="checkout"] span[service.name="checkout"]')).toEqual(['validate']);
  });

  it('follows chains of any length', () => {
    expect(sel('span[service.name="gateway"] span[service.name="checkout"] span[service.name="inventory"] span[]')).toEqual([
      'UPDATE stock',
    ]);
    expect(sel('span[service.name="payments"] span[service.name="checkout"]')).toEqual([]);
  });

  it('selects every descendant with span[] as the last step', () => {
    expect(sel('span[name="validate"] span[]')).toEqual(['reserve', 'UPDATE stock']);
  });

  it('accepts steps written without whitespace between them and newlines as whitespace', () => {
    expect(sel('span[name="validate"]span[]')).toEqual(['reserve', 'UPDATE stock']);
    expect(sel('span[name="validate"]\n  span[]')).toEqual(['reserve', 'UPDATE stock']);
  });

  it('combines chains with OR', () => {
    expect(sel('span[name="validate"] span[service.name="db"], span[name="charge"] span[]')).toEqual(['UPDATE stock', 'INSERT payment']);
  });
});

describe('pseudo-classes', () => {
  // Children are listed out of start order: b (start 30) before a (start 20).
  const trace = buildTrace([
    {
      name: 'root',
      service: 'api',
      start: 0,
      duration: 100,
      children: [
        {
          name: 'b',
          service: 'api',
          start: 30,
          children: [{ name: 'b-query', service: 'db', start: 31 }],
        },
        {
          name: 'a',
          service: 'api',
          start: 20,
          children: [
            { name: 'a-query-2', service: 'db', start: 25 },
            { name: 'a-query-1', service: 'db', start: 21 },
          ],
        },
        { name: 'c', service: 'api', start: 40 },
      ],
    },
  ]);
  const sel = (selector: string): string[] => spanNames(selectSpans(trace, selector));

  it('order siblings by start time', () => {
    expect(sel('span[service.name="db"]')).toEqual(['a-query-1', 'a-query-2', 'b-query']);
    expect(sel('span[service.name="db"]:first')).toEqual(['a-query-1']);
    expect(sel('span[service.name="db"]:last')).toEqual(['b-query']);
    expect(sel('span[service.name="db"]:nth_child(2)')).toEqual(['a-query-2']);
    expect(sel('span[service.name="api"]:nth_child(2)')).toEqual(['a']);
  });

  it('pick from the whole matched list, not among a span’s siblings', () => {
    expect(sel('span[service.name="api"]:first')).toEqual(['root']);
    expect(sel('span[service.name="db"]:nth_child(3)')).toEqual(['b-query']);
  });

  it('after a descendant step, pick within the subtree of each selected ancestor', () => {
    expect(sel('span[name=~"^[ab]$"] span[service.name="db"]:first')).toEqual(['a-query-1', 'b-query']);
    expect(sel('span[name=~"^[ab]$"] span[service.name="db"]:last')).toEqual(['a-query-2', 'b-query']);
    expect(sel('span[name="root"] span[service.name="db"]:last')).toEqual(['b-query']);
    expect(sel('span[name=~"^[ab]$"] span[service.name="db"]:nth_child(2)')).toEqual(['a-query-2']);
  });

  it('on an earlier step, restrict which spans the next step descends from', () => {
    expect(sel('span[service.name="api" name!="root"]:last span[]')).toEqual([]);
    expect(sel('span[service.name="api" name!="root"]:first span[]')).toEqual(['a-query-1', 'a-query-2']);
  });

  it('exclude the ancestor itself before picking', () => {
    expect(sel('span[service.name="api"]:first span[service.name="api"]:first')).toEqual(['a']);
  });

  it('return nothing when nothing matched', () => {
    expect(sel('span[service.name="nope"]:first')).toEqual([]);
    expect(sel('span[service.name="nope"]:last')).toEqual([]);
  });
});

describe('fields and meta attributes', () => {
  const trace = buildTrace([
    {
      name: 'GET /users/:id',
      service: 'users',
      kind: 'server',
      status: 'error',
      statusMessage: 'boom',
      spanId: 'aaaaaaaaaaaaaaaa',
      start: 0,
      duration: 12.5,
      attributes: { 'http.request.method': 'GET', 'http.response.status_code': 500 },
      resource: { 'service.name': 'users', 'deployment.environment.name': 'test', 'host.name': 'node-1' },
      children: [
        {
          name: 'SELECT users',
          service: 'users',
          kind: 'client',
          status: 'ok',
          spanId: 'bbbbbbbbbbbbbbbb',
          start: 1,
          duration: 3,
          attributes: { 'db.system.name': 'postgresql', 'url.full': 'ignored: db wins', 'host.name': 'db-1' },
          resource: { 'service.name': 'users', 'deployment.environment.name': 'test', 'host.name': 'node-1' },
        },
        { name: 'rpc', service: 'users', start: 2, attributes: { 'rpc.system': 'grpc' } },
        { name: 'publish', service: 'users', start: 3, attributes: { 'messaging.system': 'kafka' } },
        { name: 'handler', service: 'users', start: 4, attributes: { 'faas.trigger': 'http', 'http.route': '/' } },
        { name: 'fetch', service: 'users', start: 5, attributes: { 'url.full': 'https://example.com' } },
        { name: 'crash', service: 'users', start: 6, attributes: { 'exception.type': 'Error' } },
        { name: 'compute', service: 'users', start: 7 },
      ],
    },
  ]);
  const sel = (selector: string): string[] => spanNames(selectSpans(trace, selector));

  it('name, kind, status and service.name read the span', () => {
    expect(sel('span[name="SELECT users"]')).toEqual(['SELECT users']);
    expect(sel('span[kind="server"]')).toEqual(['GET /users/:id']);
    expect(sel('span[status="error"]')).toEqual(['GET /users/:id']);
    expect(sel('span[status="unset"]')).toHaveLength(6);
    expect(sel('span[service.name="users"]')).toHaveLength(8);
  });

  it('tracetest.span.type follows semantic-convention namespaces, most specific first', () => {
    const typeOf = (type: string): string[] => sel(`span[tracetest.span.type="${type}"]`);
    expect(typeOf('http')).toEqual(['GET /users/:id', 'fetch']);
    expect(typeOf('database')).toEqual(['SELECT users']);
    expect(typeOf('rpc')).toEqual(['rpc']);
    expect(typeOf('messaging')).toEqual(['publish']);
    expect(typeOf('faas')).toEqual(['handler']);
    expect(typeOf('exception')).toEqual(['crash']);
    expect(typeOf('general')).toEqual(['compute']);
  });

  it('tracetest.span.duration is in nanoseconds and accepts duration units', () => {
    expect(sel('span[tracetest.span.duration=12500000]')).toEqual(['GET /users/:id']);
    expect(sel('span[tracetest.span.duration > 10ms]')).toEqual(['GET /users/:id']);
    expect(sel('span[tracetest.span.duration < 5ms]')).toEqual(['SELECT users']);
    expect(sel('span[tracetest.span.duration >= 12.5ms tracetest.span.duration <= 12500us]')).toEqual(['GET /users/:id']);
    expect(sel('span[tracetest.span.duration < 1s]')).toHaveLength(8);
  });

  it('tracetest.span.start_time and end_time compare exactly as nanoseconds since the epoch', () => {
    const rootStart = TRACE_START.toString();
    expect(sel(`span[tracetest.span.start_time=${rootStart}]`)).toEqual(['GET /users/:id']);
    expect(sel(`span[tracetest.span.start_time > ${rootStart}]`)).toHaveLength(7);
    expect(sel(`span[tracetest.span.end_time = "${(TRACE_START + 4_000_000n).toString()}"]`)).toEqual(['SELECT users']);
  });

  it('tracetest.span.name, id, parent_id, kind, status_code and status_description', () => {
    expect(sel('span[tracetest.span.name="SELECT users"]')).toEqual(['SELECT users']);
    expect(sel('span[tracetest.span.id="bbbbbbbbbbbbbbbb"]')).toEqual(['SELECT users']);
    expect(sel('span[tracetest.span.parent_id="aaaaaaaaaaaaaaaa"]')).toHaveLength(7);
    expect(sel('span[tracetest.span.kind="client"]')).toEqual(['SELECT users']);
    expect(sel('span[tracetest.span.status_code="STATUS_CODE_ERROR"]')).toEqual(['GET /users/:id']);
    expect(sel('span[tracetest.span.status_code="STATUS_CODE_OK"]')).toEqual(['SELECT users']);
    expect(sel('span[tracetest.span.status_description="boom"]')).toEqual(['GET /users/:id']);
  });

  it('falls back to resource attributes, span attributes first', () => {
    expect(sel('span[deployment.environment.name="test"]')).toEqual(['GET /users/:id', 'SELECT users']);
    expect(sel('span[host.name="node-1"]')).toEqual(['GET /users/:id']);
    expect(sel('span[host.name="db-1"]')).toEqual(['SELECT users']);
  });

  it('reads attribute names with dots, underscores and dashes', () => {
    const dashed = buildTrace([{ name: 'h', attributes: { 'http.request.header.x-request-id': ['abc'], some_key: 1 } }]);
    expect(spanNames(selectSpans(dashed, 'span[http.request.header.x-request-id contains "abc" some_key=1]'))).toEqual(['h']);
  });

  it('does not read inherited object properties as attributes', () => {
    expect(sel('span[constructor contains "Object"]')).toEqual([]);
  });
});
