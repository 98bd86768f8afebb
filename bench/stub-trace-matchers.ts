// For the bench's "without trace assertions" run: every trace matcher passes at once, so the
// suite's wall time without them can be compared with the real one.
import { expect } from 'vitest';

function pass(this: { isNot: boolean }) {
  return { pass: !this.isNot, message: () => 'trace assertions are switched off for this measurement' };
}

expect.extend({
  toHaveSpan: pass,
  toHaveSpanCount: pass,
  toHaveErrors: pass,
  toHaveChildSpan: pass,
  toHaveSpanBefore: pass,
  toMatchTraceShape: pass,
});
