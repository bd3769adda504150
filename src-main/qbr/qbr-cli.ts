/**
 * `npm run qbr -- --data-dir D --quarter 2026-Q4 --out DIR [--account ID] [--locale en|es] [--format pdf|html|both]`
 * Builds the QBR packs of a book's data folder: every QBR still due that quarter, or one account's.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { IpcResponse } from '../../src-shared/ipc/contract';
import type { IpcResult } from '../../src-shared/ipc/ipc-error';
import { isQuarterKey } from '../../src-shared/schedule/utc-date';
import { openApp, type OpenApp } from '../app/open-app';
import { STORE_FILE_NAME } from '../db/open-store';

const USAGE = 'Usage: npm run qbr -- --data-dir DIR --quarter YYYY-Qn --out DIR [--account ID] [--locale en|es] [--format pdf|html|both]';

class UsageError extends Error {}

export interface QbrCliOptions {
  dataDir: string;
  quarter: string;
  out: string;
  accountId: string | null;
  locale: 'en' | 'es';
  formats: Array<'pdf' | 'html'>;
}

export function parseQbrArgs(argv: readonly string[]): QbrCliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        'data-dir': { type: 'string' },
        quarter: { type: 'string' },
        out: { type: 'string' },
        account: { type: 'string' },
        locale: { type: 'string', default: 'en' },
        format: { type: 'string', default: 'pdf' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) throw new UsageError('');
  const missing = (['data-dir', 'quarter', 'out'] as const).filter((name) => !values[name]?.trim());
  if (missing.length) throw new UsageError(`${missing.map((name) => `--${name}`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} needed`);
  const quarter = values.quarter!.trim();
  if (!isQuarterKey(quarter)) throw new UsageError(`--quarter "${quarter}" is not a quarter like 2026-Q4`);
  if (values.locale !== 'en' && values.locale !== 'es') throw new UsageError(`--locale "${values.locale}" is not en or es`);
  const format = values.format;
  const formats: Array<'pdf' | 'html'> | null = format === 'both' ? ['pdf', 'html'] : format === 'pdf' || format === 'html' ? [format] : null;
  if (!formats) throw new UsageError(`--format "${format}" is not pdf, html or both`);
  return {
    dataDir: resolve(values['data-dir']!),
    quarter,
    out: resolve(values.out!),
    accountId: values.account?.trim() || null,
    locale: values.locale,
    formats,
  };
}

/** The answer of a contract operation, or an error that says what went wrong. */
function answer<T>(result: IpcResult<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.message}${result.error.field ? ` (${result.error.field})` : ''}`);
  return result.data as T;
}

/** Writes the packs; returns the files written. Progress goes to `progress` ("3/75 Acme"). */
export function writeQbrPacks(app: Pick<OpenApp, 'dispatch'>, options: QbrCliOptions, progress: (line: string) => void): string[] {
  const accounts = options.accountId
    ? [{ id: options.accountId, name: options.accountId }]
    : answer<IpcResponse<'qbr.due'>>(app.dispatch('qbr.due', { quarter: options.quarter })).accounts;
  mkdirSync(options.out, { recursive: true });
  const written: string[] = [];
  accounts.forEach((account, index) => {
    for (const format of options.formats) {
      const file = answer<IpcResponse<'qbr.export'>>(app.dispatch('qbr.export', { accountId: account.id, quarter: options.quarter, locale: options.locale, format }));
      const path = join(options.out, file.fileName);
      writeFileSync(path, Buffer.from(file.base64, 'base64'));
      written.push(path);
    }
    progress(`${index + 1}/${accounts.length} ${account.name}`);
  });
  return written;
}

export function runQbrCli(argv: readonly string[]): number {
  let options: QbrCliOptions;
  try {
    options = parseQbrArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (error.message) process.stderr.write(`qbr: ${error.message}\n`);
    process.stderr.write(`${USAGE}\n`);
    return error.message ? 2 : 0;
  }
  const storeFile = join(options.dataDir, STORE_FILE_NAME);
  if (!statSync(storeFile, { throwIfNoEntry: false })?.size) {
    process.stderr.write(`qbr: there is no book in ${options.dataDir} (no ${STORE_FILE_NAME}); nothing to prepare\n`);
    return 1;
  }
  let app: OpenApp | undefined;
  try {
    app = openApp({ dataDir: options.dataDir, create: false, onProgress: (message) => process.stderr.write(`${message}\n`) });
    const written = writeQbrPacks(app, options, (line) => process.stderr.write(`Preparing QBRs ${options.quarter}: ${line}\n`));
    for (const path of written) process.stdout.write(`${path}\n`);
    if (written.length === 0) process.stderr.write(`qbr: no QBR is due in ${options.quarter}; nothing written\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`qbr: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    app?.close();
  }
}

// Only when run as a script, so tests can import the parser without touching a store.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = runQbrCli(process.argv.slice(2));
}
