/**
 * What an operation will do to the pot, previewed in its dialog from the figures already on screen.
 * Display only: the server recomputes at the value date (and every later date) and decides.
 */
import type { Entry, PotFigures } from '../../api/savings';
import type { DecimalString } from '../../api/types';
import { addAmounts, compareAmounts, isAmount, minAmount, negateAmount, subtractAmounts } from './amounts';

/** Changes to the pot's figures; `available` follows from cash − reserved. */
export interface PotDelta {
  cash?: DecimalString;
  reserved?: DecimalString;
  outstandingAdvances?: DecimalString;
  membersSavings?: DecimalString;
  unallocated?: DecimalString;
}

/** The pot after a change. */
export function potAfter(pot: PotFigures, delta: PotDelta): PotFigures {
  const cash = addAmounts(pot.cash, delta.cash ?? '0');
  const reserved = addAmounts(pot.reserved, delta.reserved ?? '0');
  return {
    on: pot.on,
    cash,
    reserved,
    available: subtractAmounts(cash, reserved),
    outstandingAdvances: addAmounts(pot.outstandingAdvances, delta.outstandingAdvances ?? '0'),
    membersSavings: addAmounts(pot.membersSavings, delta.membersSavings ?? '0'),
    unallocated: addAmounts(pot.unallocated, delta.unallocated ?? '0'),
  };
}

/** The pot figures shown in effect previews, in this order. */
export const POT_FIGURES = ['cash', 'reserved', 'available', 'outstandingAdvances', 'membersSavings', 'unallocated'] as const;
export type PotFigure = (typeof POT_FIGURES)[number];

/** The figures that change, plus `available` whenever cash or reservations move. */
export function changedFigures(before: PotFigures, after: PotFigures): PotFigure[] {
  return POT_FIGURES.filter((key) => before[key] !== after[key] || (key === 'available' && (before.cash !== after.cash || before.reserved !== after.reserved)));
}

/** A typed amount as a decimal string when it can be previewed, else null. */
export function previewAmount(normalised: string): DecimalString | null {
  return isAmount(normalised) && compareAmounts(normalised, '0') > 0 ? normalised : null;
}

/** A group deposit: cash and the members' savings grow. */
export function depositDelta(amount: DecimalString): PotDelta {
  return { cash: amount, membersSavings: amount };
}

/** An advance approved (reserves cash) or paid now (cash leaves, lent out grows). */
export function advanceDelta(amount: DecimalString, status: 'approved' | 'paid'): PotDelta {
  return status === 'approved' ? { reserved: amount } : { cash: negateAmount(amount), outstandingAdvances: amount };
}

/** Paying an approved advance: its reservation becomes a payment. */
export function payAdvanceDelta(amount: DecimalString): PotDelta {
  return { cash: negateAmount(amount), reserved: negateAmount(amount), outstandingAdvances: amount };
}

/** Cancelling an approved advance frees its reservation. */
export function cancelAdvanceDelta(amount: DecimalString): PotDelta {
  return { reserved: negateAmount(amount) };
}

/** A repayment: cash comes back, lent out shrinks. */
export function repaymentDelta(amount: DecimalString): PotDelta {
  return { cash: amount, outstandingAdvances: negateAmount(amount) };
}

/** A dividend enters the pot and is shared among the members (any rounding remainder stays unallocated). */
export function dividendDelta(amount: DecimalString): PotDelta {
  return { cash: amount, membersSavings: amount };
}

/** What a refund pays out, under the group's policy, from the member's figures today. */
export interface RefundPreview {
  savings: DecimalString;
  settledAdvance: DecimalString;
  costs: DecimalString;
  paidOut: DecimalString;
  /** The advance owed exceeds the savings: the server refuses until it is repaid. */
  blocked: boolean;
}

/** The refund's split: savings first settle the advance, then exit costs (refund_minus_costs, group not ended), then paid out. */
export function refundPreview(savings: DecimalString, owed: DecimalString, exitCost: DecimalString | null): RefundPreview {
  if (compareAmounts(owed, savings) > 0) return { savings, settledAdvance: owed, costs: '0.00', paidOut: '0.00', blocked: true };
  const rest = subtractAmounts(savings, owed);
  const costs = exitCost === null ? '0.00' : minAmount(exitCost, rest);
  return { savings, settledAdvance: owed, costs, paidOut: subtractAmounts(rest, costs), blocked: false };
}

/** A refund: cash paid out, the advance settled, the savings gone, costs kept by the group. */
export function refundDelta(p: RefundPreview): PotDelta {
  return { cash: negateAmount(p.paidOut), outstandingAdvances: negateAmount(p.settledAdvance), membersSavings: negateAmount(p.savings), unallocated: p.costs };
}

/** A reversal undoes its entry's effects on the pot. */
export function reversalDelta(entry: Entry): PotDelta {
  const e = entry.effects;
  return {
    cash: e.potCash ? negateAmount(e.potCash) : undefined,
    outstandingAdvances: e.advance ? negateAmount(e.advance) : undefined,
    membersSavings: e.groupSavings ? negateAmount(e.groupSavings) : undefined,
    unallocated: e.unallocated ? negateAmount(e.unallocated) : undefined,
  };
}
