export function parseQuantity(text) {
  const n = parseInt(text);
  if (Number.isNaN(n) || n < 0) throw new Error(`bad quantity: ${text}`);
  return n;
}

export function sameQuantity(a, b) {
  return a == b;
}
