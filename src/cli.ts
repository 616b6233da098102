#!/usr/bin/env node
// The bin. On Node ≥ 22.1 it first turns on V8's compile cache, so that everything after it —
// main.ts, the command's chunks, undici — is read from the cache on a warm start; then main.ts.
import { enableCompileCache } from './compile-cache.js';

enableCompileCache(process.env);
await import('./main.js');
