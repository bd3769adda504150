import { describe, expect, it } from 'vitest';
import { ipcErrorCodeSchema } from '../../../src-shared/ipc/ipc-error';
import { errorText } from '../../../src-renderer/i18n/error-text';
import { translator } from '../../../src-shared/i18n/translate';

describe('errors are shown in the user language by their code', () => {
  it.each(['en', 'es'] as const)('every IPC error code has its own %s sentence', (locale) => {
    const t = translator(locale);
    const texts = ipcErrorCodeSchema.options.map((code) => errorText({ code, message: 'English detail from main' }, t));
    expect(new Set(texts).size).toBe(ipcErrorCodeSchema.options.length);
    for (const text of texts) expect(text).not.toContain('English detail');
  });

  it('names the refused field', () => {
    const error = { code: 'VALIDATION' as const, message: 'notes.add: body: too long', field: 'body' };
    expect(errorText(error, translator('en'))).toBe('The value of “body” is not accepted.');
    expect(errorText(error, translator('es'))).toBe('El valor de «body» no es válido.');
  });
});
