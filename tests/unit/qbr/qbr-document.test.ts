import { describe, expect, it } from 'vitest';
import { qbrDocument, type QbrDocument } from '../../../src-shared/qbr/qbr-document';
import { buildQbrPack, qbrSnapshot } from '../../../src-shared/qbr/qbr-pack';
import { risk, sources } from './qbr-fixture';

/** Every word of a document, as a reader would scan it. */
const text = (doc: QbrDocument) =>
  [doc.title, doc.subtitle, doc.dataAsOf, ...doc.sections.flatMap((s) => [s.heading, ...s.blocks.flatMap((b) => {
    switch (b.kind) {
      case 'facts': return b.items.flatMap((i) => [i.label, i.value]);
      case 'table': return [...b.head, ...b.rows.flat()];
      case 'list': return b.items;
      case 'chart': return [b.caption, b.summary];
      default: return [b.text];
    }
  })])].join('\n');
const section = (doc: QbrDocument, id: string) => doc.sections.find((s) => s.id === id)!;

describe('the QBR document every export renders', () => {
  const pack = buildQbrPack(sources());
  const plan = { nextPlan: '- Train the finance team\n\n- Review API limits', commentary: 'Adoption doubled after the SSO rollout.' };

  it('says every section in English, figures formatted, the surveys beside the seed targets', () => {
    const doc = qbrDocument(pack, plan, 'en');
    expect(doc.title).toBe('Quarterly business review: Acme');
    expect(doc.subtitle).toBe('2026-Q3 · Jul 1, 2026 to Sep 30, 2026');
    expect(doc.sections.map((s) => s.id)).toEqual(['health', 'usage', 'goals', 'touchpoints', 'escalations', 'surveys', 'risks', 'expansion', 'comparison', 'plan', 'commentary']);
    expect(section(doc, 'health').blocks[0]).toEqual({ kind: 'facts', items: [
      { label: 'At the start', value: '44 · Critical' }, { label: 'At the end', value: '86 · Stable' }, { label: 'Change', value: '+42' },
    ] });
    expect(section(doc, 'surveys').blocks[0]).toMatchObject({ rows: [['NPS', '25', '70–80', '4'], ['CSAT', '4.5', '≥ 4.5', '2'], ['CES', '2.0', '< 2', '1']] });
    expect(section(doc, 'usage').blocks[0]).toMatchObject({ rows: expect.arrayContaining([['Seats in use', '—', '40 of 50 (80%)'], ['ROI achievement', '50%', '90%']]) });
    expect(section(doc, 'touchpoints').blocks[0]).toEqual({ kind: 'text', text: '3 touchpoints held' });
    expect(section(doc, 'plan').blocks[0]).toEqual({ kind: 'list', items: ['Train the finance team', 'Review API limits'] });
    // Task boxes are dropped as in the commitments the export freezes.
    const tasks = qbrDocument(pack, { nextPlan: '- [ ] Train the finance team\n1. [x] Review API limits', commentary: '' }, 'en');
    expect(section(tasks, 'plan').blocks[0]).toEqual({ kind: 'list', items: ['Train the finance team', 'Review API limits'] });
    expect(text(doc)).toContain('Adoption doubled after the SSO rollout.');
    expect(text(doc)).toContain('No earlier QBR of this account was exported');
  });

  it('says the same in Spanish, with Spanish number formats', () => {
    const doc = qbrDocument(pack, null, 'es');
    expect(doc.title).toBe('Revisión trimestral de negocio: Acme');
    expect(section(doc, 'health').heading).toBe('Salud');
    expect(section(doc, 'surveys').blocks[0]).toMatchObject({ rows: [['NPS', '25', '70–80', '4'], ['CSAT', '4,5', '≥ 4,5', '2'], ['CES', '2,0', '< 2', '1']] });
    expect(section(doc, 'plan').blocks[0]).toEqual({ kind: 'text', text: 'Aún no hay plan.' });
    expect(text(doc)).not.toMatch(/qbr\./); // no message key left untranslated
  });

  it('tells what became of the risks and commitments of the previous QBR', () => {
    const before = qbrSnapshot(buildQbrPack(sources({ quarter: '2026-Q2', end: { ...sources().end, risk: risk(['champion_left']) } })), '- Train the finance team');
    const doc = qbrDocument(buildQbrPack(sources({ previous: before })), plan, 'en');
    const comparison = section(doc, 'comparison');
    expect(comparison.heading).toBe('Since the last QBR (2026-Q2)');
    expect(text(doc)).toContain('Train the finance team');
    expect(comparison.blocks.at(-1)).toEqual({ kind: 'list', items: ['Champion left: no longer firing'] });
  });
});
