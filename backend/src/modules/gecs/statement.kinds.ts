/**
 * What a GECS household's savings statement shows (statements module): its group savings, its
 * individual savings and what it owes on a down-payment advance, with their words in fr, nl and en.
 */
import type { StatementAccounts } from '../statements/statement.texts.ts';

/** The savings statement: group savings and individual savings always, the advance when there is one. */
export const SAVINGS_ACCOUNTS: StatementAccounts = {
  // 'savings' codes and hashes keep their form from before statements had kinds (statements.service.ts).
  id: 'savings',
  accounts: [
    { account: 'groupSavings', kind: 'group_savings', always: true },
    { account: 'individualSavings', kind: 'individual_savings', always: true },
    { account: 'advance', kind: 'advance_receivable', always: false },
  ],
  summary: { rows: ['groupSavings', 'individualSavings'], total: true, owed: 'advance' },
  texts: {
    fr: {
      title: 'Relevé d’épargne',
      book: 'Groupe d’épargne',
      bookWithCohort: '{name}, cohorte {cohort}',
      noBook: 'aucun groupe pendant cette période',
      accounts: {
        groupSavings: 'Épargne de groupe (pot commun)',
        individualSavings: 'Épargne individuelle (PEPS, Crédal)',
        advance: 'Avance d’acompte',
      },
      accountNotes: {
        groupSavings: 'Ce que le ménage a épargné dans le pot commun de son groupe et qui lui revient.',
        individualSavings: 'Ce que le ménage a épargné à son nom chez Crédal.',
        advance: 'Ce que le ménage doit encore au pot commun pour l’avance de son acompte.',
      },
      totalIn: { groupSavings: 'Total des entrées', individualSavings: 'Total des entrées', advance: 'Total avancé' },
      totalOut: { groupSavings: 'Total des sorties', individualSavings: 'Total des sorties', advance: 'Total remboursé' },
      summaryTotal: 'Total de l’épargne',
      owed: { some: 'Avance d’acompte restant due au {date} : {amount}', none: 'Aucune avance d’acompte due au {date}.' },
      movement: {
        deposit_group: 'Versement à l’épargne de groupe',
        deposit_individual: 'Versement à l’épargne individuelle (PEPS)',
        advance_payment: 'Avance d’acompte versée',
        advance_repayment: 'Remboursement de l’avance',
        refund: 'Remboursement de l’épargne',
        dividend: 'Part de dividende (Crédal)',
      },
      // A refund that settles what the household still owed on its advance (seen from the advance).
      movementOn: { advance: { refund: 'Avance soldée par le remboursement de l’épargne' } },
    },
    nl: {
      title: 'Spaaroverzicht',
      book: 'Spaargroep',
      bookWithCohort: '{name}, cohorte {cohort}',
      noBook: 'geen groep in deze periode',
      accounts: {
        groupSavings: 'Groepsspaargeld (gemeenschappelijke pot)',
        individualSavings: 'Individueel spaargeld (PEPS, Crédal)',
        advance: 'Voorfinanciering van het voorschot (compromis)',
      },
      accountNotes: {
        groupSavings: 'Wat het gezin in de gemeenschappelijke pot van zijn groep heeft gespaard en dat het toekomt.',
        individualSavings: 'Wat het gezin op eigen naam bij Crédal heeft gespaard.',
        advance: 'Wat het gezin nog aan de gemeenschappelijke pot verschuldigd is voor de voorfinanciering van zijn voorschot.',
      },
      totalIn: { groupSavings: 'Totaal bij', individualSavings: 'Totaal bij', advance: 'Totaal voorgefinancierd' },
      totalOut: { groupSavings: 'Totaal af', individualSavings: 'Totaal af', advance: 'Totaal terugbetaald' },
      summaryTotal: 'Totaal spaargeld',
      owed: { some: 'Nog verschuldigde voorfinanciering op {date}: {amount}', none: 'Geen verschuldigde voorfinanciering op {date}.' },
      movement: {
        deposit_group: 'Storting op het groepsspaargeld',
        deposit_individual: 'Storting op het individueel spaargeld (PEPS)',
        advance_payment: 'Voorfinanciering van het voorschot uitbetaald',
        advance_repayment: 'Terugbetaling van de voorfinanciering',
        refund: 'Terugbetaling van het spaargeld',
        dividend: 'Aandeel in het dividend (Crédal)',
      },
      movementOn: { advance: { refund: 'Voorfinanciering verrekend met de terugbetaling van het spaargeld' } },
    },
    en: {
      title: 'Savings statement',
      book: 'Savings group',
      bookWithCohort: '{name}, cohort {cohort}',
      noBook: 'no group during this period',
      accounts: {
        groupSavings: 'Group savings (common pot)',
        individualSavings: 'Individual savings (PEPS, Crédal)',
        advance: 'Down-payment advance',
      },
      accountNotes: {
        groupSavings: 'What the household has saved in its group’s common pot and is owed back.',
        individualSavings: 'What the household has saved in its own name at Crédal.',
        advance: 'What the household still owes the common pot for the advance of its down payment.',
      },
      totalIn: { groupSavings: 'Total in', individualSavings: 'Total in', advance: 'Total advanced' },
      totalOut: { groupSavings: 'Total out', individualSavings: 'Total out', advance: 'Total repaid' },
      summaryTotal: 'Total savings',
      owed: { some: 'Down-payment advance still owed on {date}: {amount}', none: 'No down-payment advance owed on {date}.' },
      movement: {
        deposit_group: 'Deposit to group savings',
        deposit_individual: 'Deposit to individual savings (PEPS)',
        advance_payment: 'Down-payment advance paid',
        advance_repayment: 'Advance repayment',
        refund: 'Savings refund',
        dividend: 'Dividend share (Crédal)',
      },
      movementOn: { advance: { refund: 'Advance settled from the savings refund' } },
    },
  },
};
