// codex offers its real edit tool, `apply_patch`, only to models in its catalog; for any other
// slug it falls back to editing through the shell, unlike the published codex cells. So each run
// hands codex a one-entry catalog for the user's model: an entry of codex's *own* bundled catalog
// (its base instructions, truncation policy, …: `codex debug models --bundled`, about 0.2 s, no
// network) renamed to the model. codex declares apply_patch as a freeform ("custom") tool; the
// proxy's Responses translation offers it to the chat model as a function taking one string
// `input` and hands the call back to codex as a custom_tool_call.

import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isObj } from './adapter.js';
import type { Obj } from './adapter.js';

const CATALOG_TIMEOUT_MS = 20_000;
const MAX_CATALOG_BYTES = 64 * 1024 * 1024;

function runCatalog(cliPath: string, codexHome: string, home: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const env = { PATH: process.env['PATH'] ?? '', HOME: home, CODEX_HOME: codexHome };
    execFile(cliPath, ['debug', 'models', '--bundled'], { env, timeout: CATALOG_TIMEOUT_MS, maxBuffer: MAX_CATALOG_BYTES }, (err, stdout) => {
      if (err) reject(err);
      else resolve(stdout);
    });
  });
}

/** The bundled entry to start from: one whose tools are the plain direct ones (no code-mode-only
 *  tool surface), the lowest in codex's own priority order, i.e. its most general model. */
export function baseEntry(models: Obj[]): Obj | null {
  const usable = models.filter((m) => typeof m['base_instructions'] === 'string' && m['base_instructions'] !== '');
  const direct = usable.filter((m) => m['tool_mode'] === undefined || m['tool_mode'] === null || m['tool_mode'] === 'direct');
  const pool = direct.length > 0 ? direct : usable;
  const byPriority = [...pool].sort((a, b) => Number(b['priority'] ?? 0) - Number(a['priority'] ?? 0));
  return byPriority[0] ?? null;
}

/** The catalog entry for `model`, from codex's bundled catalog JSON. Null when the JSON has none to start from. */
export function catalogEntry(bundledJson: string, model: string, contextWindow: number): Obj | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bundledJson);
  } catch {
    return null;
  }
  const models = isObj(parsed) && Array.isArray(parsed['models']) ? parsed['models'].filter(isObj) : [];
  const base = baseEntry(models);
  if (base === null) return null;
  return {
    ...base,
    slug: model,
    display_name: model,
    description: 'The model under test (CodingAgentBench).',
    visibility: 'list',
    priority: 0,
    upgrade: null,
    availability_nux: null,
    apply_patch_tool_type: 'freeform', // codex 0.17x accepts no other value
    web_search_tool_type: 'text',
    supports_search_tool: false,
    input_modalities: ['text'],
    service_tiers: [],
    additional_speed_tiers: [],
    context_window: contextWindow,
    max_context_window: contextWindow,
  };
}

/** Writes `<codexHome>/cab-model-catalog.json` for the model and returns its path; null (codex
 *  then runs without a catalog, editing through its shell) when codex cannot print its own. */
export async function writeModelCatalog(cliPath: string, home: string, codexHome: string, model: string, contextWindow: number): Promise<string | null> {
  await mkdir(codexHome, { recursive: true });
  let bundled: string;
  try {
    bundled = await runCatalog(cliPath, codexHome, home);
  } catch {
    return null;
  }
  const entry = catalogEntry(bundled, model, contextWindow);
  if (entry === null) return null;
  const path = join(codexHome, 'cab-model-catalog.json');
  await writeFile(path, `${JSON.stringify({ models: [entry] })}\n`);
  return path;
}
