import { describe, expect, it } from 'vitest';
import { parseSse } from '../../src/llm/sse.js';
import type { SseEvent } from '../../src/llm/sse.js';

async function* bytes(parts: Array<string | Uint8Array>): AsyncGenerator<Uint8Array> {
  for (const p of parts) yield typeof p === 'string' ? Buffer.from(p, 'utf8') : p;
}

async function collect(parts: Array<string | Uint8Array>): Promise<SseEvent[]> {
  const out: SseEvent[] = [];
  for await (const e of parseSse(bytes(parts))) out.push(e);
  return out;
}

const data = (events: SseEvent[]): string[] => events.map((e) => e.data);

/** Splits a buffer into pieces of n bytes (cuts through multi-byte characters). */
function splitBytes(text: string, n: number): Uint8Array[] {
  const buf = Buffer.from(text, 'utf8');
  const out: Uint8Array[] = [];
  for (let i = 0; i < buf.length; i += n) out.push(buf.subarray(i, i + n));
  return out;
}

describe('parseSse', () => {
  const table: Array<{ name: string; parts: Array<string | Uint8Array>; want: string[] }> = [
    { name: 'LF', parts: ['data: a\n\ndata: b\n\n'], want: ['a', 'b'] },
    { name: 'CRLF', parts: ['data: a\r\n\r\ndata: b\r\n\r\n'], want: ['a', 'b'] },
    { name: 'bare CR', parts: ['data: a\r\rdata: b\r\r'], want: ['a', 'b'] },
    { name: 'CRLF split between chunks', parts: ['data: a\r', '\n\r', '\ndata: b\r\n\r\n'], want: ['a', 'b'] },
    { name: 'comment lines ignored', parts: [': keep-alive\n\n: OPENROUTER PROCESSING\ndata: x\n\n'], want: ['x'] },
    { name: 'data: without space', parts: ['data:{"a":1}\n\n'], want: ['{"a":1}'] },
    { name: 'only one leading space removed', parts: ['data:  two\n\n'], want: [' two'] },
    { name: 'multi-line data joined by LF', parts: ['data: line1\ndata: line2\n\n'], want: ['line1\nline2'] },
    { name: 'missing final blank line still delivered', parts: ['data: a\n\ndata: last'], want: ['a', 'last'] },
    { name: 'missing [DONE] is simply the end', parts: ['data: {"x":1}\n\n'], want: ['{"x":1}'] },
    { name: 'blank lines without data dispatch nothing', parts: ['\n\n\n\ndata: a\n\n\n\n'], want: ['a'] },
    { name: 'line split across chunks', parts: ['da', 'ta: he', 'llo\n', '\n'], want: ['hello'] },
    { name: 'UTF-8 split inside a character', parts: splitBytes('data: héllo wörld — 日本語 🎉\n\n', 1), want: ['héllo wörld — 日本語 🎉'] },
    { name: 'UTF-8 split every 3 bytes', parts: splitBytes('data: 🎉🎉\r\n\r\ndata: ü\r\n\r\n', 3), want: ['🎉🎉', 'ü'] },
    { name: 'BOM at start ignored', parts: ['\uFEFFdata: a\n\n'], want: ['a'] },
    { name: 'unknown fields and retry ignored', parts: ['retry: 100\nfoo: bar\ndata: a\n\n'], want: ['a'] },
    { name: 'retry alone dispatches nothing', parts: ['retry: 3000\n\ndata: a\n\n'], want: ['a'] },
    { name: 'BOM split across byte chunks', parts: [Uint8Array.of(0xef), Uint8Array.of(0xbb, 0xbf, 0x64), 'ata: a\n\n'], want: ['a'] },
    { name: 'a BOM later in the stream is data', parts: ['data: a\n\ndata: \uFEFFb\n\n'], want: ['a', '\uFEFFb'] },
    { name: 'CR-only line ends split across chunks', parts: ['data: a\r', '\rdata: b\r', '\r'], want: ['a', 'b'] },
    { name: 'CR-only multi-line data', parts: ['data: 1\rdata: 2\r\r'], want: ['1\n2'] },
    { name: 'CRLF split after the CR, next event in the same chunk', parts: ['data: a\r\n\r', '\ndata: b\r\n\r\n'], want: ['a', 'b'] },
    { name: 'CRLF split at every byte', parts: splitBytes('data: a\r\n\r\ndata: b\r\n\r\n', 1), want: ['a', 'b'] },
  ];
  for (const row of table) {
    it(row.name, async () => {
      expect(data(await collect(row.parts))).toEqual(row.want);
    });
  }

  it('a BOM in a first string chunk is dropped too', async () => {
    async function* strings(): AsyncGenerator<string> {
      yield '\uFEFFdata: a\n\n';
    }
    const out: SseEvent[] = [];
    for await (const e of parseSse(strings())) out.push(e);
    expect(data(out)).toEqual(['a']);
  });

  it('id: sticks to later events, an empty id clears it, an id with NUL is ignored', async () => {
    const events = await collect(['id: 1\ndata: a\n\ndata: b\n\nid: 2\0x\ndata: c\n\nid\ndata: d\n\n']);
    expect(events.map((e) => [e.data, e.id])).toEqual([['a', '1'], ['b', '1'], ['c', '1'], ['d', '']]);
  });

  it('keeps event names and ids', async () => {
    const events = await collect(['event: error\nid: 7\ndata: {"message":"boom"}\n\ndata: plain\n\n']);
    expect(events).toEqual([
      { event: 'error', data: '{"message":"boom"}', id: '7' },
      { event: 'message', data: 'plain', id: '7' },
    ]);
  });
});
