export function parseQuantity(text) {
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (Number.isNaN(n) || n < 0) throw new Error(`bad quantity: ${text}`);
  return n;
}

export function sameQuantity(a, b) {
  return typeof a === 'number' && a === b;
}
