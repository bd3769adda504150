import type { QbrBlock, QbrDocument } from '../../src-shared/qbr/qbr-document';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

const CHART = { width: 720, height: 200, left: 34, right: 12, top: 10, bottom: 26 };

/** The trend as an inline SVG line (no script, no network), with its axis and labels. */
export function trendSvg(block: Extract<QbrBlock, { kind: 'chart' }>): string {
  const { width, height, left, right, top, bottom } = CHART;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const n = block.values.length;
  const x = (i: number) => left + (n <= 1 ? plotW / 2 : (i * plotW) / (n - 1));
  const y = (v: number) => top + plotH - ((v - block.min) / (block.max - block.min)) * plotH;
  const grid = [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const value = block.min + f * (block.max - block.min);
    return `<line x1="${left}" x2="${width - right}" y1="${y(value)}" y2="${y(value)}" stroke="#e5e7eb"/><text x="${left - 6}" y="${y(value) + 4}" text-anchor="end">${value}</text>`;
  });
  const points = block.values.map((v, i) => (v === null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`)).filter((p): p is string => p !== null);
  const step = Math.max(1, Math.ceil(n / 7));
  // The first and last labels hang inward, so neither is cut at the edge.
  const anchor = (i: number) => (i === 0 ? 'start' : i === n - 1 ? 'end' : 'middle');
  const labels = block.labels.map((label, i) => (i % step === 0 || i === n - 1 ? `<text x="${x(i)}" y="${height - 8}" text-anchor="${anchor(i)}">${escape(label)}</text>` : '')).join('');
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escape(block.summary)}" xmlns="http://www.w3.org/2000/svg">`
    + `<g font-size="10" fill="#4b5563">${grid.join('')}${labels}</g>`
    + `<polyline fill="none" stroke="#2563eb" stroke-width="2" points="${points.join(' ')}"/>`
    + points.map((p) => `<circle cx="${p.split(',')[0]}" cy="${p.split(',')[1]}" r="2.5" fill="#2563eb"/>`).join('')
    + '</svg>';
}

function blockHtml(block: QbrBlock): string {
  switch (block.kind) {
    case 'facts':
      return `<dl class="facts">${block.items.map((i) => `<div><dt>${escape(i.label)}</dt><dd>${escape(i.value)}</dd></div>`).join('')}</dl>`;
    case 'table':
      return `<table><thead><tr>${block.head.map((h) => `<th scope="col">${escape(h)}</th>`).join('')}</tr></thead><tbody>${block.rows
        .map((row) => `<tr><th scope="row">${escape(row[0] ?? '')}</th>${row.slice(1).map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
    case 'list':
      return `<ul>${block.items.map((i) => `<li>${escape(i)}</li>`).join('')}</ul>`;
    case 'chart':
      return `<figure><figcaption>${escape(block.caption)}</figcaption>${trendSvg(block)}<details><summary>${escape(block.tableLabel)}</summary><table class="figures"><tbody>${block.labels
        .map((label, i) => `<tr><th scope="row">${escape(label)}</th><td>${block.values[i] ?? '—'}</td></tr>`)
        .join('')}</tbody></table></details></figure>`;
    case 'subheading':
      return `<h3>${escape(block.text)}</h3>`;
    case 'text':
      return `<p>${escape(block.text)}</p>`;
  }
}

const STYLE = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #111827; max-width: 860px; margin: 32px auto; padding: 0 20px; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 24px 0 6px; border-bottom: 1px solid #e5e7eb; padding-bottom: 4px; } h3 { font-size: 14px; margin: 12px 0 4px; }
.meta { color: #4b5563; margin: 0; } .facts { display: flex; gap: 28px; margin: 8px 0; } .facts dt { color: #6b7280; font-size: 11px; text-transform: uppercase; } .facts dd { margin: 0; font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin: 6px 0; } th, td { text-align: left; padding: 4px 8px 4px 0; border-bottom: 1px solid #e5e7eb; } thead th { color: #6b7280; font-size: 11px; text-transform: uppercase; }
figure { margin: 8px 0; } figcaption { color: #6b7280; font-size: 11px; text-transform: uppercase; } .chart { width: 100%; height: auto; } .figures { font-size: 12px; }
p { white-space: pre-wrap; }
summary { color: #2563eb; cursor: pointer; font-size: 12px; } @media print { details { display: none; } }`;

/** A QBR as one self-contained HTML file: inline style and SVG, no script, nothing fetched. */
export function renderQbrHtml(doc: QbrDocument): string {
  return `<!doctype html>
<html lang="${doc.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escape(doc.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${escape(doc.title)}</h1><p class="meta">${escape(doc.subtitle)}</p><p class="meta">${escape(doc.dataAsOf)}</p></header>
${doc.sections.map((s) => `<section id="${escape(s.id)}"><h2>${escape(s.heading)}</h2>${s.blocks.map(blockHtml).join('')}</section>`).join('\n')}
</body>
</html>
`;
}
