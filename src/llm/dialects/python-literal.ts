// A small reader for the Python that models write as tool calls: literals (strings in any quotes,
// numbers, True/False/None, lists, tuples, dicts) and calls `name(a=1, "pos")`, alone or in a list.
// Anything else (expressions, names, f-strings) is not a call: the reader gives up.

export interface PyCall {
  name: string;
  kwargs: Record<string, unknown>;
  positional: unknown[];
}

class Fail extends Error {}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0', b: '\b', f: '\f', '\n': '' };
const IDENT = /[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*/y;
const NUMBER = /-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const KEYWORD = /\s*([A-Za-z_]\w*)\s*=(?!=)/y;
const PREFIXED = /[rRbBuU]['"]/y;
const CONSTANTS: Record<string, unknown> = { True: true, False: false, None: null, true: true, false: false, null: null };

class Reader {
  i = 0;
  constructor(readonly s: string) {}

  ws(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i] as string)) this.i++;
  }
  peek(): string {
    this.ws();
    return this.s[this.i] ?? '';
  }
  eat(ch: string): boolean {
    if (this.peek() !== ch) return false;
    this.i++;
    return true;
  }
  expect(ch: string): void {
    if (!this.eat(ch)) throw new Fail(`expected ${ch}`);
  }
  done(): boolean {
    return this.peek() === '';
  }

  /** The match of a sticky pattern at the cursor (moved past it), or null. */
  match(pattern: RegExp): RegExpExecArray | null {
    pattern.lastIndex = this.i;
    const m = pattern.exec(this.s);
    if (m !== null) this.i += m[0].length;
    return m;
  }

  ident(): string {
    this.ws();
    const m = this.match(IDENT);
    if (m === null) throw new Fail('expected a name');
    return m[0];
  }

  string(): string {
    this.ws();
    let raw = false;
    PREFIXED.lastIndex = this.i;
    if (PREFIXED.test(this.s)) raw = /[rR]/.test(this.s[this.i] as string), this.i++;
    const q = this.s[this.i] as string;
    const triple = this.s.startsWith(q.repeat(3), this.i);
    const close = triple ? q.repeat(3) : q;
    this.i += close.length;
    let out = '';
    while (this.i < this.s.length) {
      if (this.s.startsWith(close, this.i)) {
        this.i += close.length;
        return out;
      }
      const ch = this.s[this.i++] as string;
      if (ch === '\\' && !raw) out += this.escape();
      else out += ch;
    }
    throw new Fail('unclosed string');
  }

  escape(): string {
    const ch = this.s[this.i++] ?? '';
    if (ch in ESCAPES) return ESCAPES[ch] as string;
    const hex = ch === 'x' ? 2 : ch === 'u' ? 4 : ch === 'U' ? 8 : 0;
    if (hex === 0) return `\\${ch}`;
    const code = Number.parseInt(this.s.slice(this.i, this.i + hex), 16);
    this.i += hex;
    if (Number.isNaN(code)) throw new Fail('bad escape');
    return String.fromCodePoint(code);
  }

  sequence<T>(close: string, item: () => T): T[] {
    const items: T[] = [];
    while (!this.eat(close)) {
      items.push(item());
      if (!this.eat(',')) {
        this.expect(close);
        break;
      }
    }
    return items;
  }

  value(): unknown {
    const ch = this.peek();
    PREFIXED.lastIndex = this.i;
    if (ch === '"' || ch === "'" || PREFIXED.test(this.s)) return this.string();
    if (ch === '[') return this.i++, this.sequence(']', () => this.value());
    if (ch === '(') return this.i++, this.sequence(')', () => this.value());
    if (ch === '{') return this.i++, Object.fromEntries(this.sequence('}', () => this.pair()));
    const num = this.match(NUMBER);
    if (num !== null) return Number(num[0]);
    const name = this.ident();
    if (name in CONSTANTS) return CONSTANTS[name];
    throw new Fail(`not a literal: ${name}`);
  }

  pair(): [string, unknown] {
    const key = this.value();
    if (typeof key !== 'string' && typeof key !== 'number') throw new Fail('dict key');
    this.expect(':');
    return [String(key), this.value()];
  }

  call(): PyCall {
    const name = this.ident();
    this.expect('(');
    const call: PyCall = { name, kwargs: {}, positional: [] };
    this.sequence(')', () => {
      const m = this.match(KEYWORD);
      if (m === null) return void call.positional.push(this.value());
      call.kwargs[m[1] as string] = this.value();
    });
    return call;
  }
}

function attempt<T>(text: string, read: (r: Reader) => T): T | undefined {
  const reader = new Reader(text);
  try {
    const out = read(reader);
    return reader.done() ? out : undefined;
  } catch (error) {
    if (error instanceof Fail) return undefined;
    throw error;
  }
}

/** One Python literal (the whole text); undefined when it is not one. */
export function parsePythonValue(text: string): unknown {
  return attempt(text, (r) => r.value());
}

/** `[f(a=1), g()]`, or calls without the brackets separated by commas or newlines; null when not only calls. */
export function parsePythonCalls(text: string): PyCall[] | null {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) return attempt(trimmed, (r) => (r.expect('['), r.sequence(']', () => r.call()))) ?? null;
  const calls = attempt(trimmed, (r) => {
    const found: PyCall[] = [];
    do {
      found.push(r.call());
      if (!r.eat(',')) r.eat(';');
    } while (!r.done());
    return found;
  });
  return calls ?? null;
}
