import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { NoteBody } from '../../../src-renderer/components/NoteBody';

const render = (markdown: string): string => renderToStaticMarkup(createElement(NoteBody, { markdown }));

describe('a call note is shown as formatted markdown, safely', () => {
  it('formats headings, emphasis and lists', () => {
    const html = render('## Weekly check-in\n\n**Próximos pasos:**\n- Agendar sesión\n- Reunión con el sponsor');
    expect(html).toContain('<strong>Weekly check-in</strong>');
    expect(html).toContain('<strong>Próximos pasos:</strong>');
    expect(html).toContain('<li>Agendar sesión</li>');
    expect(html).not.toContain('##');
  });

  it('never turns text in a note into live HTML or fetched images', () => {
    const html = render('<script>alert(1)</script> <img src="http://x/y.png" onerror="alert(2)"> ![logo](http://x/logo.png)');
    expect(html).not.toMatch(/<script|<img|onerror=/);
  });
});
