// Starts the shop's services for the example suite and stops them afterwards. Runs after
// traceproof/vitest/global-setup, which has started the OTLP receiver and set
// OTEL_EXPORTER_OTLP_ENDPOINT; the services export their spans there.
import type { TestProject } from 'vitest/node';
import { startShop } from './lifecycle/start-shop.mjs';
import './provided-context';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Vitest gives the global setup no deadline of its own: the services get the config's hookTimeout.
  const shop = await startShop({ readyTimeoutMs: project.config.hookTimeout, readyTimeoutSource: 'hookTimeout of the Vitest config' });
  if (shop.pythonNotice) console.warn(`\n${shop.pythonNotice}\n`);
  const { stop, ...info } = shop;
  project.provide('shop', info);
  return () => stop();
}
