// Just enough TOML for dependency tables: section bodies, the keys of a section, and the
// strings of an array value (multi-line, brackets inside quotes ignored). Not a TOML parser.

/** Section name → body text (`[a.b]` and `[[a.b]]` alike; repeated sections concatenated). */
export function tomlSections(text: string): Map<string, string> {
  const sections = new Map<string, string>();
  let current = '';
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const header = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$/.exec(line);
    if (header) {
      current = (header[1] ?? '').replace(/\s*\.\s*/g, '.').replace(/"/g, '');
      continue;
    }
    sections.set(current, `${sections.get(current) ?? ''}${line}\n`);
  }
  return sections;
}

/** The top-level keys of a section body (`name = …`, `name.workspace = true` → `name`). */
export function tomlKeys(body: string): string[] {
  const keys: string[] = [];
  for (const m of body.matchAll(/^\s*(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9_-]+))\s*(?:\.[^=\n]*)?=/gm)) {
    keys.push(m[1] ?? m[2] ?? m[3] ?? '');
  }
  return keys;
}

/** The quoted strings of the array assigned to `key` in a section body, or [] when absent. */
export function tomlArrayStrings(body: string, key: string): string[] {
  const start = new RegExp(`^\\s*"?${key.replace(/[.-]/g, '\\$&')}"?\\s*=\\s*\\[`, 'm').exec(body);
  if (!start) return [];
  const strings: string[] = [];
  let depth = 1;
  let quote: string | null = null;
  let value = '';
  for (let i = start.index + start[0].length; i < body.length && depth > 0; i++) {
    const ch = body[i] ?? '';
    if (quote !== null) {
      if (ch === quote) {
        strings.push(value);
        quote = null;
        value = '';
      } else value += ch;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[') depth++;
    else if (ch === ']') depth--;
    else if (ch === '#') i = body.indexOf('\n', i) < 0 ? body.length : body.indexOf('\n', i);
  }
  return strings;
}
