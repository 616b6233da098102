// Timed trace spans of one agent run, relative to its start.

import type { Span } from './types.js';

export class SpanRecorder {
  private readonly origin: number;
  private readonly spans: Span[] = [];
  private next = 0;

  constructor(private readonly now: () => number) {
    this.origin = now();
  }

  /** Starts a span; the returned function ends it with its attributes. */
  start(kind: Span['kind'], name: string): (attrs?: Record<string, unknown>, error?: string) => void {
    const begin = this.now();
    const span_id = `s${(this.next++).toString(16).padStart(4, '0')}`;
    return (attrs = {}, error) => {
      const span: Span = { span_id, parent_id: null, kind, name, start_ms: begin - this.origin, duration_ms: this.now() - begin, attrs };
      if (error !== undefined) span.error = error;
      this.spans.push(span);
    };
  }

  elapsed(): number {
    return this.now() - this.origin;
  }

  list(): Span[] {
    return [...this.spans];
  }
}
