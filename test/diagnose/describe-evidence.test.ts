import { describe, expect, it } from 'vitest';
import { describeEvidence } from '../../src/diagnose/describe-evidence';

describe('describeEvidence', () => {
  it('lists the findings, then the details, under one heading', () => {
    expect(
      describeEvidence({ findings: ['service a exports 2.0 s after a span ends: …'], details: ['Searched x.', 'Not checked: y.'] }),
    ).toEqual(['What the backend saw:', '  - service a exports 2.0 s after a span ends: …', '  Searched x.', '  Not checked: y.']);
  });

  it('shows only what was searched when nothing it saw points at a cause (the waiting reasons already say what is missing)', () => {
    expect(describeEvidence({ findings: [], details: ['Searched x.'] })).toEqual(['What the backend saw:', '  Searched x.']);
  });
});
