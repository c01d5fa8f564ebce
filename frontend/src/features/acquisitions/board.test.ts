import { describe, expect, it } from 'vitest';
import type { ProjectCandidacy } from '../../api/acquisitions';
import { BOARD_COLUMNS, boardColumns } from './board';

const candidacy = (id: string, currentStage: ProjectCandidacy['currentStage']): ProjectCandidacy => ({
  id, householdId: `h-${id}`, household: { displayName: id, reference: id }, currentStage, since: '2025-01-10', unitId: null,
});

describe('boardColumns', () => {
  it('gives every column in order with its cards, and names the empty stages in the same order', () => {
    const { columns, empty } = boardColumns([candidacy('a', 'compromis'), candidacy('b', 'interested'), candidacy('c', 'compromis'), candidacy('d', 'withdrawn')]);
    expect(columns.map((c) => c.stage)).toEqual(BOARD_COLUMNS);
    expect(columns.find((c) => c.stage === 'compromis')?.cards.map((c) => c.id)).toEqual(['a', 'c']);
    expect(empty).toEqual(['candidate', 'selected', 'unit_allocated', 'credit_approved', 'deed', 'moved_in']);
  });

  it('lists all nine stages as empty when there is no candidacy', () => {
    expect(boardColumns([]).empty).toEqual(BOARD_COLUMNS);
    expect(BOARD_COLUMNS).toHaveLength(9);
  });
});
