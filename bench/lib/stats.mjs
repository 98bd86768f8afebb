export function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const ms = (value) => (Number.isFinite(value) ? `${value < 10 && value > -10 ? value.toFixed(1) : Math.round(value)} ms` : 'n/a');
export const ratio = (value, base) => (Number.isFinite(value) && base > 0 ? `${(value / base).toFixed(1)}×` : 'n/a');
