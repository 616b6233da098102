// A Server-Sent Events parser over a byte stream (WHATWG rules, lenient where real servers are
// sloppy): LF, CR and CRLF line ends (also split across chunks), UTF-8 split across chunks, a BOM,
// comment lines (": keep-alive"), "data:" with or without the space, multi-line data, and a last
// event the server forgot to end with a blank line.
//
// Why ours and not `eventsource-parser`: the spec drops an event that lacks its final blank
// line, but OpenAI-compatible servers do end streams that way and the last chunk carries the
// usage; we must deliver it. We also read undici's byte stream directly (UTF-8 split across
// chunks included) and need none of `retry` or reconnection. ~100 lines, tested line-end by
// line-end in test/llm/sse.test.ts.

export interface SseEvent {
  event: string; // "message" unless the server named it
  data: string; // data lines joined with "\n"
  id?: string;
}

/** Splits decoded text into lines; remembers a CR at a chunk end so a following LF is not a new line. */
class LineSplitter {
  private rest = '';
  private skipLf = false;

  push(text: string): string[] {
    if (text === '') return [];
    const lines: string[] = [];
    let start = 0;
    if (this.skipLf && text.charCodeAt(0) === 10) start = 1;
    this.skipLf = false;
    for (let i = start; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      lines.push(this.rest + text.slice(start, i));
      this.rest = '';
      if (c === 13) {
        if (i + 1 === text.length) this.skipLf = true;
        else if (text.charCodeAt(i + 1) === 10) i++;
      }
      start = i + 1;
    }
    this.rest += text.slice(start);
    return lines;
  }

  flush(): string | null {
    const last = this.rest;
    this.rest = '';
    return last === '' ? null : last;
  }
}

class EventBuilder {
  private data: string[] = [];
  private event = '';
  private id: string | undefined;

  /** Feeds one line; returns an event when the line ends one. */
  line(line: string): SseEvent | null {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return null; // comment / keep-alive
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.event = value;
    else if (field === 'id' && !value.includes('\0')) this.id = value;
    return null; // "retry" and unknown fields are ignored
  }

  dispatch(): SseEvent | null {
    if (this.data.length === 0) {
      this.event = '';
      return null;
    }
    const out: SseEvent = { event: this.event === '' ? 'message' : this.event, data: this.data.join('\n') };
    if (this.id !== undefined) out.id = this.id;
    this.data = [];
    this.event = '';
    return out;
  }
}

/** Parses an SSE byte stream into events. Bytes may be split anywhere, even inside a character. */
export async function* parseSse(body: AsyncIterable<Uint8Array | string>): AsyncGenerator<SseEvent> {
  const decoder = new TextDecoder('utf-8');
  const splitter = new LineSplitter();
  const builder = new EventBuilder();
  let first = true;
  for await (const chunk of body) {
    let text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (first && text !== '') {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // the decoder strips it from bytes, not from strings
    }
    for (const line of splitter.push(text)) {
      const event = builder.line(line);
      if (event !== null) yield event;
    }
  }
  const tail = splitter.push(decoder.decode());
  const last = splitter.flush();
  for (const line of last === null ? tail : [...tail, last]) {
    const event = builder.line(line);
    if (event !== null) yield event;
  }
  const pending = builder.dispatch(); // no final blank line: deliver it anyway
  if (pending !== null) yield pending;
}
