import {
  DISPUTE_CATEGORIES,
  DISPUTE_CATEGORY_LABELS,
  DISPUTE_REFUSAL_MESSAGES,
  DISPUTE_STATES,
  DISPUTE_STATE_LABELS,
  type DisputeState,
  ESCALATION_REFUSAL_MESSAGES,
  ESCALATION_STATES,
  type EscalationState,
  VISIT_PURPOSES,
  VISIT_PURPOSE_LABELS,
  checkDisputeTransition,
  checkEscalationTransition,
  isDisputeOpen,
  isEscalationOpen,
  losesAwardEligibility,
} from './field-work.js';

describe('dispute state machine (open → mediating → resolved | escalated)', () => {
  const allowed = new Set(['OPEN>MEDIATING', 'MEDIATING>RESOLVED', 'MEDIATING>ESCALATED']);
  const final = new Set<DisputeState>(['RESOLVED', 'ESCALATED']);
  const cases = DISPUTE_STATES.flatMap((from) => DISPUTE_STATES.map((to) => [from, to] as const));
  it.each(cases)('%s → %s', (from, to) => {
    const expected = final.has(from)
      ? { ok: false, reason: 'FINAL' }
      : from === to
        ? { ok: false, reason: 'SAME' }
        : allowed.has(`${from}>${to}`)
          ? { ok: true }
          : { ok: false, reason: 'NOT_NEXT' };
    expect(checkDisputeTransition(from, to)).toEqual(expected);
  });

  it.each([
    ['OPEN', true],
    ['MEDIATING', true],
    ['RESOLVED', false],
    ['ESCALATED', false],
  ] as const)('%s is open: %s', (state, open) => {
    expect(isDisputeOpen(state)).toBe(open);
  });
});

describe('escalation state machine (raised → triaged → decided → closed)', () => {
  const order: EscalationState[] = ['RAISED', 'TRIAGED', 'DECIDED', 'CLOSED'];
  const cases = ESCALATION_STATES.flatMap((from) => ESCALATION_STATES.map((to) => [from, to] as const));
  it.each(cases)('%s → %s', (from, to) => {
    const expected =
      from === 'CLOSED'
        ? { ok: false, reason: 'FINAL' }
        : from === to
          ? { ok: false, reason: 'SAME' }
          : order.indexOf(to) === order.indexOf(from) + 1
            ? { ok: true }
            : { ok: false, reason: 'NOT_NEXT' };
    expect(checkEscalationTransition(from, to)).toEqual(expected);
  });

  it('only CLOSED is not open', () => {
    expect(order.filter(isEscalationOpen)).toEqual(['RAISED', 'TRIAGED', 'DECIDED']);
  });
});

describe('labels and messages are bilingual and complete', () => {
  it.each([
    ['visit purposes', VISIT_PURPOSES, VISIT_PURPOSE_LABELS],
    ['dispute categories', DISPUTE_CATEGORIES, DISPUTE_CATEGORY_LABELS],
    ['dispute states', DISPUTE_STATES, DISPUTE_STATE_LABELS],
  ] as const)('%s', (_name, values, labels) => {
    expect(Object.keys(labels).sort()).toEqual([...values].sort());
    for (const v of values) {
      const label = (labels as Record<string, { zh: string; en: string }>)[v]!;
      expect(label.zh).toMatch(/\p{Script=Han}/u);
      expect(label.en).toMatch(/^[A-Z]/);
    }
  });

  it.each([DISPUTE_REFUSAL_MESSAGES, ESCALATION_REFUSAL_MESSAGES])(
    'refusals in both languages',
    (messages) => {
      for (const m of Object.values(messages)) {
        expect(m.zh).toMatch(/\p{Script=Han}/u);
        expect(m.en.length).toBeGreaterThan(10);
      }
    },
  );
});

describe('losesAwardEligibility', () => {
  it.each([
    [0, 3, false],
    [2, 3, false],
    [3, 3, true],
    [5, 3, true],
    [1, 1, true],
  ])('last %i times, threshold %i → %s', (count, threshold, expected) => {
    expect(losesAwardEligibility(count, threshold)).toBe(expected);
  });

  it.each([0, -1, 1.5])('refuses threshold %d', (threshold) => {
    expect(() => losesAwardEligibility(3, threshold)).toThrow(RangeError);
  });
});
