// traceproof with the proof of completeness turned off (`configure({ settleOnEvidence: false })`,
// here per session): the same matchers and assertions as bench/strategies/traceproof.mjs, but a
// trace settles only once no new span arrived for the quiet window. Run next to `traceproof` in
// the same run, it shows what settling on evidence saves.
import { getConfig } from 'traceproof';

export { verdicts } from './traceproof.mjs';

export const id = 'traceproof-quiet-window';
export const description =
  'the same matchers with `settleOnEvidence: false`, the default (settled = root ended, parents present, every outgoing call answered, ' +
  `then no new span for the quiet window, ${getConfig().quietWindow}, stretched to 2× the longest gap seen between the trace's exports)`;
/** Overrides for the test session each request of this strategy triggers through. */
export const session = { settleOnEvidence: false };
