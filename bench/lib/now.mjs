/** Epoch milliseconds with sub-millisecond precision: one clock for every timestamp of both benches. */
export const now = () => performance.timeOrigin + performance.now();

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
