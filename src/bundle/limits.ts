// Caps applied to every tarball we read (SPEC §6: tarballs are untrusted).

export interface ExtractLimits {
  /** Entries of any kind (files and folders) in the whole archive. */
  maxEntries: number;
  /** Size of one file entry. */
  maxEntryBytes: number;
  /** Sum of all entry sizes; the decompressed stream may exceed it only by tar framing. */
  maxTotalBytes: number;
  /** Path segments of one entry (`a/b/c` is 3). */
  maxDepth: number;
  /** Decompressed bytes / compressed bytes, checked once more than 1 MiB came out. */
  maxRatio: number;
}

export const DEFAULT_EXTRACT_LIMITS: Readonly<ExtractLimits> = Object.freeze({
  maxEntries: 5_000,
  maxEntryBytes: 32 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
  maxDepth: 20,
  maxRatio: 200,
});

export function withDefaults(limits: Partial<ExtractLimits> = {}): ExtractLimits {
  const merged = { ...DEFAULT_EXTRACT_LIMITS };
  for (const [key, value] of Object.entries(limits) as [keyof ExtractLimits, number | undefined][]) {
    if (value !== undefined) merged[key] = value;
  }
  return merged;
}
