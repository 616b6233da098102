// undici is CommonJS. Bundled into its own chunk, its module.exports is that chunk's default
// export and nothing else, so `const { Agent } = await import('undici')` would find nothing;
// from node_modules (tests) the named exports exist as well. This reads either shape.

type Undici = typeof import('undici');

export async function loadUndici(): Promise<Undici> {
  const mod = (await import('undici')) as Undici & { default?: Undici };
  return mod.default?.Agent ? mod.default : mod;
}
