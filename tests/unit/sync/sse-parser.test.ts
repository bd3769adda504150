import { describe, expect, it } from 'vitest';
import { createSseParser, type ServerSentEvent } from '../../../src-main/sync/sse-parser';

function parseAll(chunks: string[]): ServerSentEvent[] {
  const events: ServerSentEvent[] = [];
  const parser = createSseParser((event) => events.push(event));
  for (const chunk of chunks) parser.feed(chunk);
  return events;
}

describe('server-sent events parser (poke channel)', () => {
  const stream = ': heartbeat\n\nevent: head\ndata: {"head": 7}\n\n:\n\nevent: head\r\ndata: {"head": 9}\r\n\r\n';

  it('yields each head event and skips heartbeats', () => {
    expect(parseAll([stream])).toEqual([
      { event: 'head', data: '{"head": 7}' },
      { event: 'head', data: '{"head": 9}' },
    ]);
  });

  it('gives the same events however the network splits the bytes', () => {
    const whole = parseAll([stream]);
    for (let size = 1; size <= 7; size++) {
      const chunks: string[] = [];
      for (let i = 0; i < stream.length; i += size) chunks.push(stream.slice(i, i + size));
      expect(parseAll(chunks), `chunks of ${size}`).toEqual(whole);
    }
  });

  it('does not emit an event until its blank line arrives, and joins multi-line data', () => {
    const events: ServerSentEvent[] = [];
    const parser = createSseParser((event) => events.push(event));
    parser.feed('data: a\ndata: b\n');
    expect(events).toEqual([]);
    parser.feed('\n');
    expect(events).toEqual([{ event: 'message', data: 'a\nb' }]);
  });
});
