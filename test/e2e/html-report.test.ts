// `report --html` in a real browser: headless chromium renders the page from disk, the test reads
// the table values from the rendered DOM and keeps a screenshot (test-artifacts/, a CI artifact);
// then the page is served on loopback with every host name mapped there: it asks for nothing else.

import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, CHROMIUM, HAS_CHROMIUM } from '../helpers/chromium.js';
import { runCli } from '../helpers/cli.js';
import { TASKS, oracleSet, regressedCopy } from './saved-sets.js';
import { tempDir } from '../helpers/temp.js';

const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts');
const SKIP = !HAS_CHROMIUM && !process.env.CI; // in CI a missing chromium fails the tests
const COMPARATOR = TASKS[1] as string;
let root = '';
let page = '';

const text = (html: string): string => html.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').trim();

function rows(dom: string, table: string): string[][] {
  const body = new RegExp(`<table id="${table}">([\\s\\S]*?)</table>`).exec(dom)?.[1] ?? '';
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => [...(m[1] ?? '').matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => text(c[1] ?? '')));
}

beforeAll(async () => {
  if (SKIP) return;
  root = await tempDir('cab-html-');
  const before = await oracleSet(root, 'before', 4);
  const after = await regressedCopy(before, join(root, 'after'), (task) => task === COMPARATOR);
  const transcript = [
    { role: 'system', content: 'You fix bugs.' },
    { role: 'user', content: 'Fix the comparator. My key is sk-abcdefghijklmnop1234, do not leak it.' },
    { role: 'assistant', content: 'Reading the code.', tool_calls: [{ id: 'c1', name: 'read_file', arguments: '{"path":"app.py"}' }] },
  ];
  await writeFile(join(after, ...COMPARATOR.split('/'), 'run1', 'transcript.json'), JSON.stringify(transcript));
  page = join(root, 'report.html');
  const result = await runCli(['report', '--compare', before, after, '--html', page], { cwd: root });
  if (result.code !== 0) throw new Error(`report --html failed: ${result.stderr}`);
}, 180_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe.skipIf(SKIP)(`report --html in headless chromium${SKIP ? ` (skipped: no ${CHROMIUM}; install the chromium package)` : ''}`, () => {
  it('renders the run table, the comparison and the cells from disk; screenshot kept in test-artifacts/', async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    const shot = join(ARTIFACTS, 'html-report.png');
    const dom = await chromium({ url: `file://${page}`, dumpDom: true });
    expect(dom.code).toBe(0);
    const runs = rows(dom.stdout, 'runs');
    expect(runs[0]).toEqual(['task', 'run', 'pass', 'composite', 'blast', 'integrity', 'L15', 'wall', 'tokens', 'stop']);
    expect(runs.slice(1)).toHaveLength(12);
    for (const row of runs.slice(1)) {
      const failed = row[0] === COMPARATOR;
      expect(row.slice(2, 4)).toEqual(failed ? ['FAIL', expect.stringMatching(/^0\.\d{3}$/)] : ['pass', expect.stringMatching(/^(1\.000|0\.99\d)$/)]);
      expect(row[5]).toBe(failed ? '0.000' : '1.000');
    }
    const comparison = rows(dom.stdout, 'comparison');
    expect(comparison).toContainEqual([COMPARATOR, 'pass', '1.000', '0.000', '−1.000', 'WORSE (p=0.029)']);
    expect(comparison.filter((r) => r[5]?.startsWith('WORSE')).every((r) => r[0] === COMPARATOR)).toBe(true);
    expect(dom.stdout).toContain(`4 significant regressions on 1 scope: ${COMPARATOR} (pass, composite, partial, integrity)`);
    expect(dom.stdout).toContain('exit-tamper'); // why integrity failed (optional findings)
    expect(dom.stdout).toContain('sys.exit(0) added');
    expect(dom.stdout).toContain('read_file({"path":"app.py"})'); // the transcript
    expect(dom.stdout).not.toContain('sk-abcdefghijklmnop1234'); // redacted like every other output
    expect(dom.stdout).toMatch(/<span class="add">\+/); // coloured diff lines
    const snap = await chromium({ url: `file://${page}`, screenshot: shot, size: '1200,1400' });
    expect(snap.code).toBe(0);
    expect((await stat(shot)).size).toBeGreaterThan(20_000);
  });

  it('makes no network request: no URL in the page, a CSP that forbids fetches, and nothing asked of the network', async () => {
    const html = await readFile(page, 'utf8');
    expect(html).not.toMatch(/https?:\/\/|\bsrc=|\burl\(|@import|<script|<link|<img|<iframe/i);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    // Chromium's own background calls (updates, clock) land here too; the page's have its host or referer.
    const requests: string[] = [];
    const server: Server = createServer((req, res) => {
      const fromPage = req.headers.host === 'report.test' || String(req.headers.referer ?? '').includes('report.test');
      if (fromPage) requests.push(`${req.headers.host ?? ''}${req.url ?? ''}`);
      if (req.url === '/report.html') res.writeHead(200, { 'content-type': 'text/html' }).end(html);
      else if (req.url === '/control.html') res.writeHead(200, { 'content-type': 'text/html' }).end('<img src="http://elsewhere.test/pixel.png">');
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      // control: a page that does load something is seen doing it
      await chromium({ url: `http://report.test/control.html`, dumpDom: true, resolveAllTo: port });
      expect(requests).toContain('elsewhere.test/pixel.png');
      requests.length = 0;
      const dom = await chromium({ url: `http://report.test/report.html`, dumpDom: true, resolveAllTo: port });
      expect(dom.stdout).toContain('<table id="runs">');
    } finally {
      server.close();
    }
    expect(requests.filter((r) => !r.endsWith('/favicon.ico'))).toEqual(['report.test/report.html']);
  });
});
