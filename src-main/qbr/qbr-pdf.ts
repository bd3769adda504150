import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { QbrBlock, QbrDocument } from '../../src-shared/qbr/qbr-document';

// DejaVu covers every character our two languages and the figures use (→, ≥, –, ·, accents); the
// PDF's standard fonts do not. The subset embedded carries a Unicode map, so the text is searchable.
const fontPath = (file: string) => createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${file}`);

const PAGE = { margin: 50, width: 595.28, height: 841.89 };
const INK = '#111827';
const MUTED = '#4b5563';
const LINE = '#d1d5db';
const ACCENT = '#2563eb';

type Pdf = PDFKit.PDFDocument;

const contentWidth = () => PAGE.width - 2 * PAGE.margin;
const bottom = () => PAGE.height - PAGE.margin;

/** Starts a new page when `height` more points would not fit on this one. */
function ensureRoom(pdf: Pdf, height: number): void {
  if (pdf.y + height > bottom()) pdf.addPage();
}

function drawTable(pdf: Pdf, head: string[], rows: string[][]): void {
  const width = contentWidth();
  const firstWidth = width * 0.4;
  const otherWidth = head.length > 1 ? (width - firstWidth) / (head.length - 1) : 0;
  const columnX = (i: number) => PAGE.margin + (i === 0 ? 0 : firstWidth + (i - 1) * otherWidth);
  const columnW = (i: number) => (i === 0 ? firstWidth : otherWidth) - 6;
  const drawRow = (cells: string[], font: 'Body' | 'Bold', size: number, color: string) => {
    pdf.font(font).fontSize(size);
    const height = Math.max(...cells.map((c, i) => pdf.heightOfString(c, { width: columnW(i) }))) + 6;
    ensureRoom(pdf, height);
    const y = pdf.y;
    cells.forEach((cell, i) => pdf.fillColor(color).text(cell, columnX(i), y + 3, { width: columnW(i), lineBreak: true }));
    pdf.moveTo(PAGE.margin, y + height).lineTo(PAGE.margin + width, y + height).strokeColor(LINE).lineWidth(0.5).stroke();
    pdf.x = PAGE.margin;
    pdf.y = y + height;
  };
  drawRow(head, 'Bold', 8, MUTED);
  for (const row of rows) drawRow(row, 'Body', 10, INK);
  pdf.moveDown(0.5);
}

function drawChart(pdf: Pdf, block: Extract<QbrBlock, { kind: 'chart' }>): void {
  const height = 150;
  ensureRoom(pdf, height + 30);
  pdf.font('Bold').fontSize(8).fillColor(MUTED).text(block.caption.toUpperCase(), PAGE.margin, pdf.y);
  const top = pdf.y + 4;
  const left = PAGE.margin + 24;
  const plotW = contentWidth() - 24;
  const plotH = height - 24;
  const y = (v: number) => top + plotH - ((v - block.min) / (block.max - block.min)) * plotH;
  const n = block.values.length;
  const x = (i: number) => left + (n <= 1 ? plotW / 2 : (i * plotW) / (n - 1));
  pdf.font('Body').fontSize(7).fillColor(MUTED);
  for (const f of [0, 0.25, 0.5, 0.75, 1]) {
    const value = block.min + f * (block.max - block.min);
    pdf.moveTo(left, y(value)).lineTo(left + plotW, y(value)).strokeColor(LINE).lineWidth(0.4).stroke();
    pdf.text(String(value), PAGE.margin, y(value) - 3, { width: 20, align: 'right', lineBreak: false });
  }
  const step = Math.max(1, Math.ceil(n / 6));
  block.labels.forEach((label, i) => {
    if (!(i % step === 0 || i === n - 1)) return;
    // The first and last labels hang inward, so neither runs off the plot.
    const [from, align] = i === 0 ? [x(i), 'left' as const] : i === n - 1 ? [x(i) - 60, 'right' as const] : [x(i) - 30, 'center' as const];
    pdf.text(label, from, top + plotH + 4, { width: 60, align, lineBreak: false });
  });
  let drawing = false;
  block.values.forEach((v, i) => {
    if (v === null) return;
    if (drawing) pdf.lineTo(x(i), y(v));
    else pdf.moveTo(x(i), y(v));
    drawing = true;
  });
  if (drawing) pdf.strokeColor(ACCENT).lineWidth(1.5).stroke();
  block.values.forEach((v, i) => {
    if (v !== null) pdf.circle(x(i), y(v), 1.8).fillColor(ACCENT).fill();
  });
  pdf.x = PAGE.margin;
  pdf.y = top + height;
  pdf.font('Body').fontSize(9).fillColor(MUTED).text(block.summary, PAGE.margin, pdf.y - 10, { width: contentWidth() });
  pdf.moveDown(0.5);
}

function drawBlock(pdf: Pdf, block: QbrBlock): void {
  const width = contentWidth();
  switch (block.kind) {
    case 'facts': {
      ensureRoom(pdf, 30);
      const y = pdf.y;
      const cell = width / Math.max(1, block.items.length);
      block.items.forEach((item, i) => {
        pdf.font('Bold').fontSize(7).fillColor(MUTED).text(item.label.toUpperCase(), PAGE.margin + i * cell, y, { width: cell - 8 });
        pdf.font('Bold').fontSize(13).fillColor(INK).text(item.value, PAGE.margin + i * cell, y + 10, { width: cell - 8 });
      });
      pdf.x = PAGE.margin;
      pdf.y = y + 32;
      return;
    }
    case 'table':
      drawTable(pdf, block.head, block.rows);
      return;
    case 'list':
      pdf.font('Body').fontSize(10).fillColor(INK);
      for (const item of block.items) {
        ensureRoom(pdf, pdf.heightOfString(item, { width: width - 12 }) + 2);
        pdf.text(`•  ${item}`, PAGE.margin, pdf.y, { width, indent: 0 });
      }
      pdf.moveDown(0.4);
      return;
    case 'chart':
      drawChart(pdf, block);
      return;
    case 'subheading':
      ensureRoom(pdf, 30);
      pdf.font('Bold').fontSize(10).fillColor(INK).text(block.text, PAGE.margin, pdf.y + 4, { width });
      return;
    case 'text':
      pdf.font('Body').fontSize(10).fillColor(INK).text(block.text, PAGE.margin, pdf.y, { width });
      pdf.moveDown(0.4);
  }
}

/**
 * A QBR as a PDF with real (searchable) text and vector charts, drawn from the same document as the
 * preview and the HTML file. The data timestamp is in the header and the file's creation date, so the
 * same figures always give the same file.
 */
export function renderQbrPdf(doc: QbrDocument, asOf: string): Buffer {
  const pdf = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    bufferPages: true,
    lang: doc.locale,
    displayTitle: true,
    info: { Title: doc.title, Subject: doc.subtitle, Creator: 'CSM Workstation', CreationDate: new Date(asOf), ModDate: new Date(asOf) },
  });
  pdf.registerFont('Body', fontPath('DejaVuSans.ttf'));
  pdf.registerFont('Bold', fontPath('DejaVuSans-Bold.ttf'));

  pdf.font('Bold').fontSize(18).fillColor(INK).text(doc.title, { width: contentWidth() });
  pdf.font('Body').fontSize(10).fillColor(MUTED).text(doc.subtitle).text(doc.dataAsOf);
  pdf.moveDown(0.6);
  for (const section of doc.sections) {
    ensureRoom(pdf, 60);
    pdf.font('Bold').fontSize(13).fillColor(INK).text(section.heading, PAGE.margin, pdf.y + 6, { width: contentWidth() });
    pdf.moveTo(PAGE.margin, pdf.y + 1).lineTo(PAGE.width - PAGE.margin, pdf.y + 1).strokeColor(LINE).lineWidth(0.5).stroke();
    pdf.moveDown(0.4);
    for (const block of section.blocks) drawBlock(pdf, block);
  }
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    pdf.switchToPage(i);
    // Writing in the bottom margin must not start a new page.
    const margin = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf.font('Body').fontSize(8).fillColor(MUTED).text(`${doc.title} · ${i + 1}/${range.count}`, PAGE.margin, PAGE.height - 32, { width: contentWidth(), align: 'center', lineBreak: false });
    pdf.page.margins.bottom = margin;
  }
  pdf.end();
  // PDFKit pushes the whole file into its stream while end() runs: read it back at once, so the
  // export is one synchronous operation like every other of the contract.
  const chunks: Buffer[] = [];
  for (let chunk = pdf.read() as Buffer | null; chunk !== null; chunk = pdf.read() as Buffer | null) chunks.push(chunk);
  return Buffer.concat(chunks);
}
