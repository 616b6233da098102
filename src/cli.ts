#!/usr/bin/env node
// The bin (dist/cli.cjs). CommonJS on purpose: Node starts a CommonJS entry without its ESM
// loader, which here is most of the start-up of `--help`. On Node ≥ 22.1 it first turns on V8's
// compile cache (the import below runs first), so that main and everything it imports later —
// the command's files in dist/lazy/, undici — come from the cache on a warm start.
import './compile-cache-on.js';
import './main.js';
