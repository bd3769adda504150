import { describe, expect, it } from 'vitest';
import { isExternalLink } from '../../../src-shared/links/external-links';

describe('links in notes handed to the system browser', () => {
  it('opens web and mail links only', () => {
    expect(isExternalLink('https://example.com/qbr')).toBe(true);
    expect(isExternalLink('http://intranet.local/page')).toBe(true);
    expect(isExternalLink('mailto:ana@example.com')).toBe(true);
  });

  it('never hands over scripts, files, app schemes or garbage', () => {
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,hi', 'vbscript:x', 'ms-settings:', 'smb://host/share', 'not a url', '']) {
      expect(isExternalLink(url), url).toBe(false);
    }
  });
});
