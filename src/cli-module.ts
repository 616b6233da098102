#!/usr/bin/env node
// dist/cli.mjs: the same CLI for `node dist/cli.mjs …`, the path earlier versions and scripts use.
// An ES module entry costs Node's ESM loader (about 7 ms here, a twentieth of `--help`), so
// package.json's bin is dist/cli.cjs; this file only hands over to it.
import { createRequire } from 'node:module';

createRequire(import.meta.url)('./cli.cjs');
