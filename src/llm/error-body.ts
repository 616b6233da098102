// What a server said, in one line, from whatever error body it sent: OpenAI-style
// {"error":{"message"}}, Ollama {"error":"…"}, vLLM/NIM {"object":"error","message"}, FastAPI
// {"detail":…}, Express/Nest {"error":"Internal Server Error","message":"<the upstream's words>"},
// Portkey {"html-message":"…"} (its upstream unreachable), an HTML error page from a proxy, or plain text.

export interface ServerError {
  message: string; // one line, "" when the body said nothing useful
  code: string | null; // error.code / error.type (e.g. "insufficient_quota"), as text
  type: string | null;
}

const MAX_MESSAGE = 300;

export function oneLine(text: string, max = MAX_MESSAGE): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return null;
}

function detailText(detail: unknown): string | null {
  if (typeof detail === 'string') return detail;
  if (!Array.isArray(detail)) return null;
  const parts = detail.map((item: unknown) => {
    if (typeof item !== 'object' || item === null) return String(item);
    const { msg, loc } = item as { msg?: unknown; loc?: unknown };
    const where = Array.isArray(loc) ? loc.join('.') : '';
    return where === '' ? String(msg) : `${where}: ${String(msg)}`;
  });
  return parts.join('; ');
}

function messageOfValue(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null) return null;
  const obj = value as Record<string, unknown>;
  return text(obj['message']) ?? detailText(obj['detail']) ?? JSON.stringify(value);
}

/** The error object inside a parsed JSON body (a 4xx/5xx body or an error chunk in a stream). */
export function errorFromJson(json: unknown): ServerError | null {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return null;
  const obj = json as Record<string, unknown>;
  const inner = obj['error'];
  if (typeof inner === 'string') {
    // Express/Nest: "error" is the status text, the real cause is the sibling "message"
    const sibling = messageOfValue(obj['message']) ?? detailText(obj['detail']);
    const message = sibling === null || sibling === '' || sibling === inner ? inner : `${inner}: ${sibling}`;
    return { message: oneLine(message), code: text(obj['code']), type: text(obj['type']) };
  }
  if (typeof inner === 'object' && inner !== null) {
    const err = inner as Record<string, unknown>;
    const base = messageOfValue(err) ?? '';
    const raw = (err['metadata'] as { raw?: unknown } | undefined)?.raw; // OpenRouter provider errors
    const extra = typeof raw === 'string' && !base.includes(raw) ? ` (${raw})` : '';
    return { message: oneLine(base + extra), code: text(err['code']), type: text(err['type']) };
  }
  const message = messageOfValue(obj['message']) ?? detailText(obj['detail']) ?? text(obj['title']) ?? text(obj['html-message']); // Portkey: its upstream unreachable
  if (obj['object'] === 'error' || message !== null) {
    return { message: oneLine(message ?? ''), code: text(obj['code']), type: text(obj['type']) };
  }
  return null;
}

/** The first line of a <pre> block: Express's default error page puts the cause there, then its stack. */
function preFirstLine(html: string): string {
  const pre = /<pre[^>]*>([\s\S]*?)<\/pre>/i.exec(html)?.[1] ?? '';
  const first = pre.split(/<br\s*\/?>|\n/i)[0] ?? '';
  return oneLine(decodeEntities(first.replace(/<[^>]+>/g, ' ')), 200);
}

function htmlSummary(html: string): string {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  const cause = preFirstLine(html);
  if (title !== undefined && title.trim() !== '') {
    const head = oneLine(decodeEntities(title), 120);
    if (cause === '' || cause === head) return head;
    return cause.startsWith(head) ? cause : `${head}: ${cause}`;
  }
  const body = html
    .replace(/<(script|style|head)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ');
  return oneLine(decodeEntities(body), 160);
}

function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

/** The server's own words from an error body of any shape. */
export function serverError(bodyText: string): ServerError {
  const trimmed = bodyText.trim();
  if (trimmed === '') return { message: '', code: null, type: null };
  if (trimmed.startsWith('{')) {
    try {
      const found = errorFromJson(JSON.parse(trimmed));
      if (found !== null) return found;
    } catch {
      // not JSON after all: fall through to text
    }
  }
  if (/^<(!doctype|html|head|body|\?xml)/i.test(trimmed) || /<\/(html|body|title)>/i.test(trimmed)) {
    return { message: `HTML page: ${htmlSummary(trimmed)}`, code: null, type: null };
  }
  return { message: oneLine(trimmed), code: null, type: null };
}
