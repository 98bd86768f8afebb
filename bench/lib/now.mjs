/** Epoch milliseconds with sub-millisecond precision, one clock for every measurement. */
export const now = () => performance.timeOrigin + performance.now();

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
