// Medians, spreads and formatting for both benches.

/** Count, median, min and max of the finite values. */
export function summarize(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return { n: 0, median: NaN, min: NaN, max: NaN };
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { n: sorted.length, median, min: sorted[0], max: sorted[sorted.length - 1] };
}

export const median = (values) => summarize(values).median;

/** The `q`-quantile (0 < q ≤ 1) of the finite values, nearest rank: p90 of 10 values is the 9th smallest. */
export function quantile(values, q) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length))) - 1];
}

export const ms = (value) => {
  if (!Number.isFinite(value)) return 'n/a';
  return Math.abs(value) < 10 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`;
};

/** `value / base` as "12.3×" (whole above 100); n/a when `base` is not above zero. */
export const ratio = (value, base) => {
  if (!Number.isFinite(value) || !Number.isFinite(base) || base <= 0) return 'n/a';
  const r = value / base;
  return `${r >= 100 ? Math.round(r) : r.toFixed(1)}×`;
};
