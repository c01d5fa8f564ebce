/**
 * What the statement of one rental-deposit advance shows (statements module): what the tenant still
 * owes the fund on it, with every movement, in fr, nl and en. Issued with `subject` = the advance's id,
 * so that a household with two advances gets one statement per advance.
 */
import type { StatementAccounts } from '../statements/statement.texts.ts';

/** The advance's statement: one account, what is still owed to the fund (docs/rental-deposits.md). */
export const RENTAL_ACCOUNTS: StatementAccounts = {
  id: 'rental-deposit',
  accounts: [{ account: 'owed', kind: 'deposit_receivable', always: true }],
  summary: { rows: ['owed'], total: false, owed: 'owed' },
  texts: {
    fr: {
      title: 'Relevé d’avance de garantie locative',
      book: 'Fonds',
      bookWithCohort: '{name} ({cohort})',
      noBook: 'aucun fonds',
      subject: 'Logement',
      accounts: { owed: 'Ce que vous devez encore au fonds' },
      accountNotes: { owed: 'La garantie locative que le fonds a placée pour vous, moins ce qui a déjà été remboursé.' },
      totalIn: { owed: 'Total ajouté à ce que vous devez' },
      totalOut: { owed: 'Total déduit de ce que vous devez' },
      owed: { some: 'Reste dû au fonds au {date} : {amount}', none: 'Plus rien n’est dû au fonds au {date}.' },
      movement: {
        deposit_opening: 'Garantie locative placée',
        deposit_repayment: 'Remboursement',
        deposit_release: 'Part de la garantie libérée',
        deposit_write_off: 'Montant abandonné par le fonds',
      },
    },
    nl: {
      title: 'Overzicht van de voorfinanciering van de huurwaarborg',
      book: 'Fonds',
      bookWithCohort: '{name} ({cohort})',
      noBook: 'geen fonds',
      subject: 'Woning',
      accounts: { owed: 'Wat u nog aan het fonds verschuldigd bent' },
      accountNotes: { owed: 'De huurwaarborg die het fonds voor u heeft gestort, min wat al is terugbetaald.' },
      totalIn: { owed: 'Totaal bijgeteld bij wat u verschuldigd bent' },
      totalOut: { owed: 'Totaal afgetrokken van wat u verschuldigd bent' },
      owed: { some: 'Nog verschuldigd aan het fonds op {date}: {amount}', none: 'Niets meer verschuldigd aan het fonds op {date}.' },
      movement: {
        deposit_opening: 'Huurwaarborg gestort',
        deposit_repayment: 'Terugbetaling',
        deposit_release: 'Deel van de vrijgegeven huurwaarborg',
        deposit_write_off: 'Bedrag kwijtgescholden door het fonds',
      },
    },
    en: {
      title: 'Rental guarantee advance statement',
      book: 'Fund',
      bookWithCohort: '{name} ({cohort})',
      noBook: 'no fund',
      subject: 'Home',
      accounts: { owed: 'What you still owe the fund' },
      accountNotes: { owed: 'The rental guarantee the fund placed for you, minus what has already been repaid.' },
      totalIn: { owed: 'Total added to what you owe' },
      totalOut: { owed: 'Total taken off what you owe' },
      owed: { some: 'Still owed to the fund on {date}: {amount}', none: 'Nothing is owed to the fund on {date}.' },
      movement: {
        deposit_opening: 'Rental guarantee placed',
        deposit_repayment: 'Repayment',
        deposit_release: 'Part of the released guarantee',
        deposit_write_off: 'Amount written off by the fund',
      },
    },
  },
};
