import { lazy, Suspense } from 'react';
import type { QbrBlock, QbrDocument } from '../../src-shared/qbr/qbr-document';

// chart.js comes with the first chart, not with the app.
const LineChart = lazy(() => import('./LineChart').then((m) => ({ default: m.LineChart })));

function Block({ block }: { block: QbrBlock }) {
  switch (block.kind) {
    case 'facts':
      return (
        <dl className="facts qbr-facts">
          {block.items.map((item) => (
            <div key={item.label}>
              <dt>{item.label}</dt>
              <dd>{item.value}</dd>
            </div>
          ))}
        </dl>
      );
    case 'table':
      return (
        <table className="qbr-table">
          <thead>
            <tr>{block.head.map((h) => <th key={h} scope="col">{h}</th>)}</tr>
          </thead>
          <tbody>
            {block.rows.map((row) => (
              <tr key={row[0]}>
                <th scope="row">{row[0]}</th>
                {row.slice(1).map((cell, i) => <td key={i}>{cell}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'list':
      return <ul>{block.items.map((item, i) => <li key={i}>{item}</li>)}</ul>;
    case 'chart':
      return (
        <figure className="chart-figure qbr-chart">
          <figcaption>{block.caption}</figcaption>
          <Suspense fallback={<div className="chart-placeholder" aria-busy="true" />}>
            <LineChart summary={block.summary} labels={block.labels} series={[{ label: block.caption, values: block.values, color: '#2563eb' }]} yLeft={{ min: block.min, max: block.max }} />
          </Suspense>
          <details className="chart-table">
            <summary>{block.tableLabel}</summary>
            <table className="qbr-table">
              <tbody>
                {block.labels.map((label, i) => (
                  <tr key={label}>
                    <th scope="row">{label}</th>
                    <td>{block.values[i] ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </figure>
      );
    case 'subheading':
      return <h4>{block.text}</h4>;
    case 'text':
      return <p className="qbr-text">{block.text}</p>;
  }
}

/** A QBR document on screen: the same sections, words and figures as its PDF and HTML files. */
export function QbrDocumentView({ doc }: { doc: QbrDocument }) {
  return (
    <div className="qbr-sections">
      {doc.sections.map((section) => (
        <section key={section.id} className={`panel-section qbr-section qbr-${section.id}`} aria-labelledby={`qbr-${section.id}-title`}>
          <h3 id={`qbr-${section.id}-title`}>{section.heading}</h3>
          {section.blocks.map((block, i) => <Block key={i} block={block} />)}
        </section>
      ))}
    </div>
  );
}
