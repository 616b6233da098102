// `node --import ./test/helpers/record-loads.mjs dist/cli.cjs …` appends the path or URL of every
// file the process loads to $CAB_LOAD_LOG: CommonJS files (the bin, main.cjs) through require's
// loader, ES modules (dist/lazy/) through a module hook — which files a command really pulls in.
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';

const log = (what) => {
  if (process.env.CAB_LOAD_LOG) appendFileSync(process.env.CAB_LOAD_LOG, `${what}\n`);
};

const extensions = Module._extensions;
const loadCjs = extensions['.cjs'] ?? extensions['.js'];
extensions['.cjs'] = function recordCjs(module, filename) {
  log(`file://${filename}`);
  return loadCjs.call(this, module, filename);
};

const hooks = `
import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  if (process.env.CAB_LOAD_LOG && url.startsWith('file:')) appendFileSync(process.env.CAB_LOAD_LOG, url + '\\n');
  return next(url, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
