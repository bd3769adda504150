import { describe, expect, it } from 'vitest';
import { commitmentsIn } from '../../../src-shared/search/next-steps';

describe('commitments read from a call note', () => {
  it('takes the list under a next-steps heading, in Spanish or English', () => {
    expect(commitmentsIn('## Weekly check-in\n\n**Próximos pasos:**\n- Agendar sesión\n- Reunión con el **sponsor**\n\nGracias')).toEqual(['Agendar sesión', 'Reunión con el sponsor']);
    expect(commitmentsIn('Call went well.\nNext steps:\n1. Send the quote\n2) Book the training\nOther text\n- not a step')).toEqual(['Send the quote', 'Book the training']);
  });

  it('takes open tasks anywhere and leaves done ones out', () => {
    expect(commitmentsIn('- [ ] Send the SOW\n- [x] Share the deck\n* [ ] Call Ana back')).toEqual(['Send the SOW', 'Call Ana back']);
  });

  it('finds nothing in a note without commitments, and stays bounded on huge input', () => {
    expect(commitmentsIn('Just a chat about the weather.')).toEqual([]);
    expect(commitmentsIn('')).toEqual([]);
    const huge = `Next steps:\n${'- '.concat('x'.repeat(10_000), '\n').repeat(50)}`;
    const found = commitmentsIn(huge);
    expect(found).toHaveLength(5);
    expect(found.every((text) => text.length === 200)).toBe(true);
  });
});
