// `node --import ./test/helpers/record-loads.mjs dist/cli.mjs …` appends the URL of every file
// module the process loads to $CAB_LOAD_LOG: which chunks a command really pulls in.
import { register } from 'node:module';

const hooks = `
import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  if (process.env.CAB_LOAD_LOG && url.startsWith('file:')) appendFileSync(process.env.CAB_LOAD_LOG, url + '\\n');
  return next(url, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
