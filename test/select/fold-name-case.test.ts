import { describe, expect, it } from 'vitest';
import { Trace } from '../../src/trace/trace';
import { buildTrace } from '../helpers/build-trace';

// As Zipkin stores it: span and service names lower-cased.
const stored = buildTrace('gateway post /orders\n  orders insert orders');
const folded = new Trace(stored.spans, { foldsNameCase: true });

describe('selectors over a store that lower-cases names', () => {
  it('match names and services regardless of case, in both selector forms', () => {
    expect(folded.select({ service: 'Gateway', name: 'POST /orders' })).toHaveLength(1);
    expect(folded.select({ name: /^INSERT/ })).toHaveLength(1);
    expect(folded.select('span[service.name="Orders" name="INSERT orders"]')).toHaveLength(1);
    expect(folded.select('span[name="POST /orders"] span[name =~ "^INSERT"]')).toHaveLength(1);
    expect(folded.select({ parent: { name: 'POST /orders' } })).toHaveLength(1);
  });

  it('leave other attributes and other stores case-sensitive', () => {
    expect(stored.select({ name: 'POST /orders' })).toHaveLength(0);
    expect(stored.select('span[name="POST /orders"]')).toHaveLength(0);
    const withAttribute = new Trace(buildTrace('api get {"http.request.method": "GET"}').spans, { foldsNameCase: true });
    expect(withAttribute.select('span[http.request.method="get"]')).toHaveLength(0);
  });

  it('also match spans that kept their case, as in-process spans merged with such a store do', () => {
    const merged = new Trace(
      [...stored.spans, ...buildTrace([{ service: 'worker', name: 'POST /Jobs', spanId: '00000000000000ff' }]).spans],
      { foldsNameCase: true },
    );
    expect(merged.select({ service: 'worker', name: 'POST /Jobs' })).toHaveLength(1);
    expect(merged.select({ name: 'post /jobs' })).toHaveLength(1);
    expect(merged.select('span[service.name="worker" name="POST /Jobs"]')).toHaveLength(1);
    expect(merged.select('span[name contains "Jobs"]')).toHaveLength(1);
  });
});
