declare const __CAB_VERSION__: string | undefined;

/** Set at build time by tsup's `define`; the dev fallback only shows when running sources. */
export const VERSION: string = typeof __CAB_VERSION__ === 'string' ? __CAB_VERSION__ : '0.0.0-dev';
