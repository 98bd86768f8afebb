/**
 * @jest-environment <rootDir>/src/runners/jest/environment.ts
 * @jest-environment-options {"traceproof": {"instrument": "./test/runners/jest/support/instrument-http.cjs"}}
 */
import { afterAll, beforeAll, expect } from '@jest/globals';
import { traceTest } from '../../../src/runners/jest/setup';
import { failureMessage } from '../../helpers/failure-message';
import { startServer, type StartedServer } from './support/start-server';

// The second file of the pair (see inprocess-orders.test.ts): same worker, new module registry.
let health: StartedServer;
beforeAll(async () => {
  health = await startServer((req, res) => {
    res.statusCode = req.url === '/health' ? 200 : 404;
    res.end();
  });
});
afterAll(() => health.close());

traceTest(
  'a health check has one server span',
  async ({ http }) => {
    const res = await http.get(`${health.url}/health`);
    expect(res.status).toBe(200);
    await expect(res.trace).toHaveSpan({ kind: 'server', name: 'GET', attributes: { 'url.path': '/health' } }, { count: 1 });
    await expect(res.trace).toMatchTraceShape('* GET');
    await expect(res.trace).not.toHaveErrors();
  },
  10_000,
);

traceTest(
  'a failed trace assertion shows the server span it saw',
  async ({ http }) => {
    const res = await http.get(`${health.url}/nowhere`);
    expect(res.status).toBe(404);
    const message = await failureMessage(() =>
      expect(res.trace).toHaveSpan({ kind: 'server', attributes: { 'http.response.status_code': 200 } }),
    );
    expect(message).toContain('Received: 0 matching spans');
    expect(message).toContain('http.response.status_code: expected 200, got 404');
    expect(message).toMatch(new RegExp(`Trace ${res.traceId} · 1 span · settled`));
  },
  10_000,
);
