export function changedKeys(before, after) {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => before[key] !== after[key]).sort();
}

export function auditEntries(before, after, user) {
  return changedKeys(before, after).map((key) => ({
    user,
    key,
    from: key in before ? before[key] : null,
    to: key in after ? after[key] : null,
  }));
}
