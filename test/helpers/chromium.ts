// Headless Debian chromium for the HTML report tests: load a page, read the rendered DOM, take a
// screenshot. Every host name resolves to a loopback server of the test's choosing, so any
// request the page made would be seen there.

import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isExecutableFile } from '../../src/util/executable.js';
import { tempDir } from './temp.js';

export const CHROMIUM = process.env.CAB_CHROMIUM ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = isExecutableFile(CHROMIUM);

interface RunOptions {
  url: string;
  dumpDom?: boolean;
  screenshot?: string; // png path
  size?: string; // "1200,1600"
  resolveAllTo?: number; // a loopback port every host name maps to
}

export async function chromium(options: RunOptions): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const profile = await tempDir('cab-chromium-');
  const args = [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--hide-scrollbars', `--user-data-dir=${profile}`, `--window-size=${options.size ?? '1200,1600'}`,
    ...(options.resolveAllTo ? [`--host-resolver-rules=MAP * 127.0.0.1:${options.resolveAllTo}`] : []),
    ...(options.dumpDom ? ['--dump-dom'] : []),
    ...(options.screenshot ? [`--screenshot=${options.screenshot}`] : []),
    options.url,
  ];
  try {
    return await new Promise((resolve, reject) => {
      const child = spawn(CHROMIUM, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
    });
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}
