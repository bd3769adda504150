import fc from 'fast-check';
import { validate } from 'uuid';
import { describe, expect, it } from 'vitest';
import { derivedId } from '../../../src-shared/sync/derived-id';

describe('ids the engine derives from another row', () => {
  it('are valid UUIDs, the same for the same source, different for different sources', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uuid(), (a, b) => {
        expect(validate(derivedId(a, 'next-check-in'))).toBe(true);
        expect(derivedId(a, 'next-check-in')).toBe(derivedId(a, 'next-check-in'));
        if (a !== b) expect(derivedId(a, 'next-check-in')).not.toBe(derivedId(b, 'next-check-in'));
      }),
    );
  });

  it('never equal the id they derive from', () => {
    fc.assert(fc.property(fc.uuid(), (id) => derivedId(id, 'next-check-in') !== id));
  });
});
