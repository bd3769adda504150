/**
 * Schemes a link in a note may open in the system browser or mail client; anything else (relative,
 * javascript:, file:, data:, app schemes) is shown as text and never handed to the OS.
 */
const EXTERNAL_SCHEMES = new Set(['https:', 'http:', 'mailto:']);

/** True when `url` parses and uses a scheme that is safe to hand to the operating system. */
export function isExternalLink(url: string): boolean {
  try {
    return EXTERNAL_SCHEMES.has(new URL(url).protocol);
  } catch {
    return false;
  }
}
