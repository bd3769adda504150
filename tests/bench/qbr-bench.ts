import type { Database } from 'better-sqlite3';
import PDFDocument from 'pdfkit';
import type { IpcDispatch } from '../../src-main/ipc/ipc-dispatcher';
import { ms, timeRuns, verdict, type FigureRow } from './bench-stats';

const QUARTER = '2026-Q3';

function mustOk(result: ReturnType<IpcDispatch>): unknown {
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

/** A one-page PDF of plain text straight from PDFKit: what any PDF export costs at the least. */
function rawPdf(): void {
  const pdf = new PDFDocument({ size: 'A4' });
  pdf.text('Quarterly business review');
  pdf.end();
  while (pdf.read() !== null);
}

/**
 * DESIGN §5: a QBR pack for an account with three years of data (300 ms) and its PDF export (3 s),
 * beside raw reads of the rows the pack is built from and a bare PDFKit page.
 */
export function benchQbr(db: Database, dispatch: IpcDispatch): FigureRow[] {
  // The oldest account still active: three years of weekly metrics behind it.
  const { id: accountId } = db.prepare("SELECT id FROM accounts WHERE status = 'active' ORDER BY contract_start, id LIMIT 1").get() as { id: string };
  const pack = timeRuns(() => mustOk(dispatch('qbr.pack', { accountId, quarter: QUARTER })), 20);
  const rawReads = [
    db.prepare('SELECT * FROM metrics WHERE account_id = ?'),
    db.prepare('SELECT * FROM touchpoints WHERE account_id = ?'),
    db.prepare('SELECT * FROM surveys WHERE account_id = ?'),
    db.prepare('SELECT * FROM goals WHERE account_id = ?'),
    db.prepare('SELECT * FROM escalations WHERE account_id = ?'),
  ];
  const raw = timeRuns(() => rawReads.forEach((statement) => statement.all(accountId)), 20);
  const metrics = (db.prepare('SELECT COUNT(*) AS n FROM metrics WHERE account_id = ?').get(accountId) as { n: number }).n;

  const exportPdf = timeRuns(() => mustOk(dispatch('qbr.export', { accountId, quarter: QUARTER, locale: 'en', format: 'pdf' })), 5, 1);
  const bare = timeRuns(rawPdf, 5, 1);
  // The exports froze their figures: leave the reference book as it was.
  db.prepare('DELETE FROM qbr_plans WHERE account_id = ?').run(accountId);
  db.prepare("DELETE FROM outbox WHERE entity = 'qbr_plans'").run();
  return [
    {
      figure: `QBR pack of an account with three years of data (${metrics.toLocaleString('en')} metric values), median`,
      measured: ms(pack.median), budget: '< 300 ms', baseline: `${ms(raw.median)} raw SELECT of its metrics, touchpoints, surveys, goals, escalations`, verdict: verdict(pack.median, 300),
    },
    {
      figure: 'its PDF export (pack, document, PDFKit with embedded font and chart), median',
      measured: ms(exportPdf.median), budget: '< 3 s', baseline: `${ms(bare.median)} raw PDFKit one-page text PDF`, verdict: verdict(exportPdf.median, 3000),
    },
  ];
}
