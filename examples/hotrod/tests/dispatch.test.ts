import { expect } from 'vitest';
import { traceTest } from 'traceproof/vitest';
import { SERVICES, criticalPath, dispatchUrl } from './hotrod';

traceTest('a ride request reaches every HotROD service', async ({ http }) => {
  const res = await http.get(dispatchUrl(123));
  expect(res.status).toBe(200);
  expect(res.json()).toMatchObject({ Driver: expect.stringMatching(/^T7\d{5}C$/), ETA: expect.any(Number) });

  for (const service of SERVICES) await expect(res.trace).toHaveSpan({ service });
  await expect(res.trace).toHaveSpan({ service: 'frontend', name: '/dispatch', kind: 'server' }, { count: 1 });
  await expect(res.trace).toHaveChildSpan({ service: 'customer', name: '/customer' }, { service: 'mysql', name: 'SQL SELECT' });
  await expect(res.trace).toHaveSpan({ service: 'driver', name: 'driver.DriverService/FindNearest', kind: 'server' }, { count: 1 });
});

traceTest('the customer is loaded with one SQL query, for that customer', async ({ http }) => {
  const res = await http.get(dispatchUrl(392));
  expect(res.status).toBe(200);
  await expect(res.trace).toHaveSpan(
    {
      service: 'mysql',
      name: 'SQL SELECT',
      kind: 'client',
      attributes: { 'sql.query': 'SELECT * FROM customer WHERE customer_id=392', 'peer.service': 'mysql' },
    },
    { count: 1, minDuration: '100ms' },
  );
});

traceTest('a route is computed for each of the ten drivers found', async ({ http }) => {
  const res = await http.get(dispatchUrl(731));
  expect(res.status).toBe(200);
  await expect(res.trace).toHaveSpan({ service: 'redis-manual', name: 'FindDriverIDs' }, { count: 1 });
  await expect(res.trace).toHaveSpan({ service: 'route', name: '/route', kind: 'server' }, { count: 10 });
  // Each route call is the frontend's HTTP client span over the route service's server span.
  await expect(res.trace).toHaveChildSpan({ service: 'frontend', name: 'HTTP GET', kind: 'client' }, { service: 'route', name: '/route' });
});

traceTest('a failing Redis call is retried until it succeeds', async ({ http }) => {
  const res = await http.get(dispatchUrl(567));
  expect(res.status).toBe(200);
  const trace = await res.trace.settled();

  // HotROD's Redis fails every fifth GetDriver call, so ten drivers always meet an error.
  const calls = trace.select({ service: 'redis-manual', name: 'GetDriver' });
  const failed = calls.filter((span) => span.status.code === 'error');
  expect(failed.length).toBeGreaterThan(0);
  expect(calls).toHaveLength(10 + failed.length);
  for (const failure of failed) {
    expect(failure.status.message).toBe('An error occurred');
    expect(failure.events.map((e) => e.name)).toContain('exception');
    const driverId = failure.attributes['param.driverID'];
    const retry = calls.find((c) => c.attributes['param.driverID'] === driverId && c.startTimeUnixNano >= failure.endTimeUnixNano);
    expect(retry, `no retry of GetDriver ${String(driverId)}`).toBeDefined();
  }
  // Every driver ends with one successful lookup.
  const succeeded = new Set(calls.filter((c) => c.status.code !== 'error').map((c) => c.attributes['param.driverID']));
  expect(succeeded.size).toBe(10);
  // The driver service logs each retry on its server span.
  const findNearest = trace.find({ service: 'driver', name: 'driver.DriverService/FindNearest', kind: 'server' });
  expect(findNearest?.events.filter((e) => e.name === 'Retrying GetDriver after error')).toHaveLength(failed.length);
});

traceTest('the critical path: the SQL query is the largest part of a dispatch', async ({ http }) => {
  const res = await http.get(dispatchUrl(123));
  expect(res.status).toBe(200);
  const trace = await res.trace.settled();
  const root = trace.find({ service: 'frontend', name: '/dispatch' });
  expect(root).toBeDefined();

  const path = criticalPath(trace, root!);
  const total = path.reduce((sum, step) => sum + step.selfMs, 0);
  expect(total).toBeCloseTo(root!.durationMs, 3);

  const byService = new Map<string, number>();
  for (const step of path) byService.set(step.span.service, (byService.get(step.span.service) ?? 0) + step.selfMs);
  // Customer lookup, then the nearest drivers, then their routes: all on the path, in turn.
  for (const service of ['mysql', 'redis-manual', 'route']) expect(byService.get(service) ?? 0, service).toBeGreaterThan(0);
  const [slowest] = [...byService.entries()].sort((a, b) => b[1] - a[1]);
  expect(slowest?.[0]).toBe('mysql');
  expect(total).toBeLessThan(5000);
});
