import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// One package, zero runtime dependencies: every library is bundled. `dist/cli.mjs` is the tiny
// bin (argv, help, version); each command's code sits in chunks beside it that the bin imports
// only when that command runs, so `--help` never compiles undici. undici is CommonJS: the banner
// gives every chunk a `require` for its internal requires. The metafile lets a test check which
// libraries each chunk holds.
export default defineConfig({
  entry: { cli: 'src/cli.ts' },
  format: ['esm'],
  outExtension: () => ({ js: '.mjs' }),
  platform: 'node',
  target: 'node20',
  bundle: true,
  splitting: true,
  noExternal: [/.*/],
  minify: true,
  sourcemap: false,
  clean: ['!tasks.tar.gz'], // stale hashed chunks must never ship
  shims: false,
  metafile: true,
  define: { __CAB_VERSION__: JSON.stringify(pkg.version) },
  banner: {
    js: "import { createRequire as __cabCreateRequire } from 'node:module';\nconst require = __cabCreateRequire(import.meta.url);",
  },
});
