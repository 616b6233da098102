import { defineConfig } from 'tsup';

// One ESM file with every runtime library inside it, so `npx` installs exactly one package.
// undici is CommonJS: the banner gives the bundle a `require` for its internal requires.
export default defineConfig({
  entry: { cli: 'src/cli.ts' },
  format: ['esm'],
  outExtension: () => ({ js: '.mjs' }),
  platform: 'node',
  target: 'node20',
  bundle: true,
  splitting: false,
  noExternal: [/.*/],
  minify: true,
  sourcemap: false,
  clean: false,
  shims: false,
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __cabCreateRequire } from 'node:module';\nconst require = __cabCreateRequire(import.meta.url);",
  },
});
