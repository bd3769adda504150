/** One server-sent event: its `event:` name ('message' when none) and its joined `data:` lines. */
export interface ServerSentEvent {
  event: string;
  data: string;
}

/**
 * A streaming parser of the server-sent events format (WHATWG HTML §9.2): feed it text chunks as
 * they arrive, split anywhere, and it calls `onEvent` for each complete event. Comment lines (`:`,
 * the server's heartbeats) and fields other than event/data are ignored.
 */
export function createSseParser(onEvent: (event: ServerSentEvent) => void): { feed(chunk: string): void } {
  let buffer = '';
  let eventName = '';
  let data: string[] = [];

  const dispatch = (): void => {
    if (data.length) onEvent({ event: eventName || 'message', data: data.join('\n') });
    eventName = '';
    data = [];
  };

  const line = (text: string): void => {
    if (text === '') return dispatch();
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') eventName = value;
    else if (field === 'data') data.push(value);
  };

  return {
    feed(chunk: string): void {
      buffer += chunk;
      // Lines end in \n, \r\n or \r; a trailing \r may be the first half of \r\n, so wait for more.
      for (;;) {
        const match = /\r\n|\n|\r(?!$)/.exec(buffer);
        if (!match) break;
        line(buffer.slice(0, match.index));
        buffer = buffer.slice(match.index + match[0].length);
      }
    },
  };
}
