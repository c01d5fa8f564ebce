import { describe, expect, it } from 'vitest';
import type { GroupFacts } from '../../api/savings';
import { editGroupBody, groupToEditValues } from './groupForm';

const group: GroupFacts = {
  id: 'g1',
  name: 'GECS Anderlecht 2026',
  cohort: '2025-2026',
  startsOn: '2026-01-01',
  endsOn: null,
  exitPolicy: 'refund_minus_costs',
  exitCost: '1250.00',
};

describe('editGroupBody', () => {
  it('sends nothing when nothing changed, whatever the language the exit cost is written in', () => {
    for (const language of ['fr', 'nl', 'en'] as const) expect(editGroupBody(group, groupToEditValues(group, language))).toEqual({});
    expect(editGroupBody(group, { ...groupToEditValues(group, 'fr'), name: ' GECS Anderlecht 2026 ', exitCost: '1250' })).toEqual({});
  });

  it('sends only the changed fields, trimmed, with the exit cost as a decimal string', () => {
    const values = { ...groupToEditValues(group, 'fr'), cohort: ' 2026-2027 ', endsOn: '2027-06-30', exitCost: '1 300,5' };
    expect(editGroupBody(group, values)).toEqual({ cohort: '2026-2027', endsOn: '2027-06-30', exitCost: '1300.50' });
  });

  it('sends null to remove an end date, and leaves an unset one alone', () => {
    const ending = { ...group, endsOn: '2027-06-30' };
    expect(editGroupBody(ending, { ...groupToEditValues(ending, 'en'), endsOn: '' })).toEqual({ endsOn: null });
    expect(editGroupBody(group, { ...groupToEditValues(group, 'en'), endsOn: '  ' })).toEqual({});
  });

  it('never sends an exit cost for a group whose policy has none', () => {
    const refundNow = { ...group, exitPolicy: 'refund_now' as const, exitCost: '0.00' };
    expect(editGroupBody(refundNow, { ...groupToEditValues(refundNow, 'fr'), exitCost: '99' })).toEqual({});
  });

  it('sends what it cannot read as typed, for the API to refuse on the field', () => {
    expect(editGroupBody(group, { ...groupToEditValues(group, 'fr'), name: '  ', exitCost: 'beaucoup' })).toEqual({ name: '', exitCost: 'beaucoup' });
  });
});
