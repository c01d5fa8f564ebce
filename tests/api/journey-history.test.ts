import { describe, expect, it } from 'vitest';
import { checkAddition, orderPhases, replay, sortEvents, type JourneyEvent } from '../../backend/src/modules/journey/journey.history.ts';

// The pure derivation of a household's phase from its history (no database needed).
const row = (id: string, key: string, position: number, parent_id: string | null = null) => ({ id, key, parent_id, position, name_fr: key, name_nl: key, name_en: key });
const phases = orderPhases([
  row('o', 'owner', 4), row('a', 'action', 3), row('i', 'information', 1), row('p', 'preparation', 2),
  row('c', 'compromis_signed', 1, 'a'), row('d', 'deed_signed', 2, 'a'),
]);
let n = 0;
const move = (phaseId: string, on: string): JourneyEvent => ({ kind: 'transition', id: `t${n++}`, on, phaseId, createdAt: `2026-01-01T00:00:0${n % 10}Z` });
const exit = (on: string): JourneyEvent => ({ kind: 'exit', id: `x${n++}`, on, reasonId: 'r', createdAt: `2026-01-01T00:00:0${n % 10}Z` });

describe('journey history', () => {
  it('orders phases with their sub-steps after them', () => {
    expect(phases.map((p) => `${p.key}:${p.topKey}`)).toEqual([
      'information:information', 'preparation:preparation', 'action:action', 'compromis_signed:action', 'deed_signed:action', 'owner:owner',
    ]);
  });

  it('sorts one day by the phases, then exits, whatever the recording order', () => {
    const events = [exit('2025-01-01'), move('o', '2025-01-01'), move('i', '2025-01-01'), move('c', '2025-01-01')];
    expect(sortEvents(events, phases).map((e) => (e.kind === 'exit' ? 'exit' : e.phaseId))).toEqual(['i', 'c', 'o', 'exit']);
  });

  it('derives the current phase, since when, and re-entries', () => {
    const r = replay([move('p', '2024-09-01'), move('i', '2024-01-10'), exit('2024-12-01'), move('i', '2025-03-01'), move('i', '2025-04-01')], phases);
    expect(r.currentPhaseId).toBe('i');
    expect(r.since).toBe('2025-03-01');
    expect(r.hasExited).toBe(true);
    expect(r.steps.map((s) => s.reEntry)).toEqual([false, false, false, true, false]);
    expect(replay([], phases)).toMatchObject({ currentPhaseId: null, since: null, hasExited: false });
  });

  it('refuses a move into the phase already held, an exit from nothing, and an exit that orphans a later one', () => {
    const history = [move('i', '2025-01-10'), exit('2025-03-01')];
    expect(checkAddition(history, move('i', '2025-02-01'), phases)).toBe('already_in_phase');
    expect(checkAddition(history, exit('2025-01-05'), phases)).toBe('not_in_journey');
    expect(checkAddition(history, exit('2025-02-01'), phases)).toBe('orphan_exit');
    expect(checkAddition(history, move('p', '2025-02-01'), phases)).toBeNull();
    expect(checkAddition(history, move('i', '2025-04-01'), phases)).toBeNull();
  });
});
