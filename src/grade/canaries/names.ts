// Canary names look like the task's own tests: one of its test names with a plausible suffix,
// chosen at random per run, so code under test cannot tell a canary from a real test by name.

import { randomInt } from 'node:crypto';

const SUFFIXES = ['again', 'twice', 'edge', 'boundary', 'single', 'large', 'mixed', 'repeated', 'ordering', 'small', 'extra', 'more'];

export type NameStyle = 'snake' | 'camel' | 'words';

function pick<T>(items: readonly T[]): T {
  return items[randomInt(items.length)] as T;
}

function join(base: string, suffix: string, style: NameStyle): string {
  if (style === 'snake') return `${base}_${suffix}`;
  if (style === 'camel') return `${base}${suffix[0]?.toUpperCase() ?? ''}${suffix.slice(1)}`;
  return `${base} ${suffix}`;
}

/** Two fresh names (must-pass, must-fail) built from the existing ones, never equal to any of them. */
export function canaryNames(existing: readonly string[], fallback: string, style: NameStyle): [string, string] {
  const taken = new Set(existing);
  const made: string[] = [];
  for (let tries = 0; made.length < 2 && tries < 200; tries++) {
    const base = existing.length > 0 ? pick(existing) : fallback;
    const name = join(base, pick(SUFFIXES), style);
    if (!taken.has(name)) {
      taken.add(name);
      made.push(name);
    }
  }
  return [made[0] ?? join(fallback, 'a1', style), made[1] ?? join(fallback, 'b2', style)];
}

/** A neutral identifier for helper symbols the canary code needs. */
export function helperName(prefix: string): string {
  return `${prefix}${randomInt(1_000_000, 9_999_999)}`;
}
