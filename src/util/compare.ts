// Plain code-point order for ids. `localeCompare` builds an ICU collator on first use (~15 ms at
// start-up), and task ids are ASCII, where both orders agree except for upper vs lower case.

export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
