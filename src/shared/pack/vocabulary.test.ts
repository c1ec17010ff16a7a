// A pack's licence reads as words a learner understands, and a pack without one keeps its credit as it is.
import { describe, expect, it } from 'vitest';
import { creditWithLicense, licenseWords } from './vocabulary';

describe('licenseWords', () => {
  it('says what a learner may do, then the licence by name', () => {
    expect(licenseWords('CC-BY-2.5')).toBe('Free to share with credit (CC BY 2.5)');
    expect(licenseWords('CC-BY-SA-4.0')).toBe('Free to share with credit, under the same licence (CC BY-SA 4.0)');
    expect(licenseWords('CC-BY-NC-ND-4.0')).toBe('Free to share with credit, not for sale, unchanged (CC BY-NC-ND 4.0)');
    expect(licenseWords('public-domain')).toBe('Public domain');
    expect(licenseWords('CC0-1.0')).toBe('Public domain (CC0 1.0)');
  });

  it('gives another licence by its id, and nothing for a pack without one', () => {
    expect(licenseWords('OGL-UK-3.0')).toBe('OGL-UK-3.0');
    expect(licenseWords(undefined)).toBeUndefined();
  });
});

describe('creditWithLicense', () => {
  it('adds the licence after the credit line, or leaves the credit alone', () => {
    expect(creditWithLicense({ credit: 'By Wikinews.', license: 'CC-BY-2.5' })).toBe(
      'By Wikinews. Licence: Free to share with credit (CC BY 2.5).',
    );
    expect(creditWithLicense({ credit: 'Reproduced for classroom use.' })).toBe('Reproduced for classroom use.');
  });
});
