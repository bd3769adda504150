import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { externalHref, NoteBody } from '../../../src-renderer/components/NoteBody';
import { boundaryBodies, fullSizeBodies } from '../../bench/note-render-bench';

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

describe('links in a note open outside the app', () => {
  it('opens http(s) and mailto links in a new window, without opener or referrer', () => {
    const html = render('[site](https://example.com/a?b=1) <http://example.org> [mail](mailto:ana@example.com)');
    expect(html).toContain('<a href="https://example.com/a?b=1" target="_blank" rel="noopener noreferrer">site</a>');
    expect(html).toContain('<a href="http://example.org" target="_blank" rel="noopener noreferrer">http://example.org</a>');
    expect(html).toContain('<a href="mailto:ana@example.com" target="_blank" rel="noopener noreferrer">mail</a>');
  });

  it('shows any other link as text: it would navigate the app itself', () => {
    const html = render('[a](javascript:alert(1)) [b](/portfolio) [c](#token=x) [d](file:///etc/passwd) [e](data:text/html,hi)');
    expect(html).not.toContain('<a ');
    expect(html).toContain('<span class="note-link-text">a</span>');
    expect(html).toContain('<span class="note-link-text">d</span>');
  });

  it('accepts only absolute http, https and mailto addresses', () => {
    expect(externalHref('https://example.com')).toBe('https://example.com');
    expect(externalHref('MAILTO:x@y.z')).toBe('MAILTO:x@y.z');
    expect(externalHref('ftp://example.com')).toBeNull();
    expect(externalHref('//example.com')).toBeNull();
    expect(externalHref('')).toBeNull();
    expect(externalHref(undefined)).toBeNull();
  });
});

describe('notes past the markdown bounds', () => {
  it('are shown as their plain text, with a short explanation', () => {
    const body = `${'>'.repeat(5000)} the customer said *no*`;
    const html = render(body);
    expect(html).toContain('class="note-body note-body-plain"');
    expect(html).toContain(body.replaceAll('>', '&gt;'));
    expect(html).toContain('Shown as plain text');
  });

  it('render without throwing, adversarial bodies at full size and at the bound alike', () => {
    for (const { name, body } of [...fullSizeBodies(), ...boundaryBodies()]) {
      expect(() => render(body), name).not.toThrow();
    }
  });
});
