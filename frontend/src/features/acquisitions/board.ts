/** Pure helper of the candidacy board: which stage columns hold cards and which are empty. No React. */
import { FORWARD_STAGES, type CandidacyStage, type ProjectCandidacy } from '../../api/acquisitions';

/** The board's columns in their order (the forward stages, then withdrawn). */
export const BOARD_COLUMNS: readonly CandidacyStage[] = [...FORWARD_STAGES, 'withdrawn'];

/** One column of the board: its stage and the candidacies currently at it. */
export interface BoardColumn {
  stage: CandidacyStage;
  cards: ProjectCandidacy[];
}

/** The board's columns, each with its cards, and the stages with no card (in the board's order), which phones collapse into one line. */
export function boardColumns(candidacies: readonly ProjectCandidacy[]): { columns: BoardColumn[]; empty: CandidacyStage[] } {
  const columns = BOARD_COLUMNS.map((stage) => ({ stage, cards: candidacies.filter((c) => c.currentStage === stage) }));
  return { columns, empty: columns.filter((c) => c.cards.length === 0).map((c) => c.stage) };
}
