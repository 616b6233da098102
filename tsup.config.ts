import { readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Options } from 'tsup';
import type { Plugin } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
const SRC = fileURLToPath(new URL('./src/', import.meta.url));

// One package, zero runtime dependencies: every library is bundled. Start-up time is mostly Node
// loading modules: its ESM loader, then about 1.5 ms per file. So the commands that must start
// instantly load two CommonJS files:
//   dist/cli.cjs   the bin: turns on V8's compile cache (Node ≥ 22.1), then requires main.cjs
//   (dist/cli.mjs  the same for `node dist/cli.mjs …`: an ES module that requires cli.cjs)
//   dist/main.cjs  argv, help, version and `list`, in one file
//   dist/lazy/     everything else, ESM — one entry per module below, split into shared chunks —
//                  imported only when a command needs it, so `--help` never compiles undici.
// Each module in LAZY exists once, in dist/lazy/; main.cjs imports it from there. The few small
// modules both halves use (errors, args, …) are in both, so CabError is recognised by a brand,
// not its class. A dynamic import main.cjs would reach that is in neither list fails the build.
const LAZY: Record<string, string> = {
  check: 'commands/check.ts',
  show: 'commands/show.ts',
  doctor: 'commands/doctor.ts',
  report: 'commands/report.ts',
  bundle: 'commands/bundle.ts',
  exec: 'workspace/exec.ts', // its registry of running process groups is what Ctrl-C kills
  download: 'bundle/download.ts', // undici
  manifest: 'bundle/manifest.ts', // zlib, the stream machinery
  'task-hash': 'bundle/task-hash.ts', // node:crypto
};
const INLINE = ['commands/list.ts', 'bundle/locate.ts'];

const lazyBySource = new Map(Object.entries(LAZY).map(([name, path]) => [join(SRC, path), name]));

/** cli.cjs requires main.cjs; in main.cjs a dynamic import of a LAZY module becomes an import of dist/lazy/<name>.mjs. */
const lazyImports: Plugin = {
  name: 'lazy-imports',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.importer === join(SRC, 'cli.ts') && args.path === './main.js') return { path: './main.cjs', external: true };
      const source = join(dirname(args.importer), args.path).replace(/\.js$/, '.ts');
      const name = lazyBySource.get(source);
      if (name !== undefined) return { path: `./lazy/${name}.mjs`, external: true };
      if (args.kind === 'dynamic-import' && !INLINE.includes(relative(SRC, source))) {
        return { errors: [{ text: `${basename(args.importer)} imports ${args.path} lazily: add it to LAZY or INLINE in tsup.config.ts` }] };
      }
      return undefined;
    });
  },
};

const common: Options = {
  platform: 'node',
  target: 'node20',
  bundle: true,
  noExternal: [/.*/],
  minify: true,
  sourcemap: false,
  metafile: true, // lets a test check which libraries each file holds
  define: { __CAB_VERSION__: JSON.stringify(pkg.version) },
};

export default defineConfig([
  {
    ...common,
    entry: { cli: 'src/cli-module.ts' }, // dist/cli.mjs: `node dist/cli.mjs …` still works, handing over to cli.cjs
    format: ['esm'],
    outExtension: () => ({ js: '.mjs' }),
    outDir: 'dist',
    splitting: false,
    shims: false,
    clean: false, // the CommonJS build below cleans dist/
  },
  {
    ...common,
    entry: { cli: 'src/cli.ts', main: 'src/main.ts' },
    format: ['cjs'],
    outExtension: () => ({ js: '.cjs' }),
    outDir: 'dist',
    splitting: false,
    shims: true, // import.meta.url (the shipped bundle sits next to main.cjs)
    clean: ['!tasks.tar.gz', '!lazy/**', '!cli.mjs', '!metafile-esm.json'], // stale files must never ship; the other builds own lazy/ and cli.mjs
    esbuildPlugins: [lazyImports],
  },
  {
    ...common,
    entry: Object.fromEntries(Object.entries(LAZY).map(([name, path]) => [name, `src/${path}`])),
    format: ['esm'],
    outExtension: () => ({ js: '.mjs' }),
    outDir: 'dist/lazy',
    splitting: true,
    shims: false,
    clean: true,
    // undici is CommonJS: every file gets a `require` for its internal requires.
    banner: { js: "import { createRequire as __cabCreateRequire } from 'node:module';\nconst require = __cabCreateRequire(import.meta.url);" },
  },
]);
