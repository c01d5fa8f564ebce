/**
 * Every word of the savings statement (PDF) and of the entries CSV, in French, Dutch and English:
 * server-side translations kept in one place. `{placeholders}` are filled in by `fill`.
 * Written for families with limited French or Dutch and for lenders who read many statements:
 * plain words, the same term for the same thing everywhere.
 */
import type { Language } from '../../lib/locale.ts';

/**
 * The ledger entry kinds a statement or export has words for (the kinds GECS posts). A feature that
 * posts a new kind adds its words here.
 */
export type EntryKind = 'deposit_group' | 'deposit_individual' | 'advance_payment' | 'advance_repayment' | 'refund' | 'dividend' | 'reversal';

/** What a household's statement shows separately: its two kinds of savings and what it owes on an advance. */
export type StatementAccount = 'groupSavings' | 'individualSavings' | 'advance';

export interface StatementTexts {
  /** Title of the document (also the PDF's title). */
  title: string;
  reference: string;
  communication: string;
  group: string;
  /** "{name}, cohort {cohort}" */
  groupWithCohort: string;
  noGroup: string;
  period: string;
  /** "{from} to {to}" */
  periodValue: string;
  number: string;
  issuedAt: string;
  summary: string;
  /** Column headers of the summary. */
  balanceOn: string;
  moneyIn: string;
  moneyOut: string;
  totalSavings: string;
  accounts: Record<StatementAccount, string>;
  /** A short line under each section title saying what its balance is. */
  accountNotes: Record<StatementAccount, string>;
  columns: { date: string; number: string; description: string; amount: string; balance: string };
  openingBalance: string;
  closingBalance: string;
  totalIn: Record<StatementAccount, string>;
  totalOut: Record<StatementAccount, string>;
  noMovements: string;
  /** The box under the summary when an advance is (or was, during the period) owed. */
  advanceOwed: string;
  advanceNone: string;
  movement: Record<Exclude<EntryKind, 'reversal'>, string>;
  /** A refund that settles what the household still owed on its advance (seen from the advance). */
  refundSettlesAdvance: string;
  reversal: string;
  reason: string;
  reversedBy: string;
  bankReference: string;
  /** Footer of every page. */
  footer: string;
  verificationCode: string;
  verifyNote: string;
  continued: string;
}

export const statementTexts: Record<Language, StatementTexts> = {
  fr: {
    title: 'Relevé d’épargne',
    reference: 'Référence',
    communication: 'Communication structurée',
    group: 'Groupe d’épargne',
    groupWithCohort: '{name}, cohorte {cohort}',
    noGroup: 'aucun groupe pendant cette période',
    period: 'Période',
    periodValue: 'du {from} au {to}',
    number: 'Relevé n°',
    issuedAt: 'Établi le',
    summary: 'Résumé',
    balanceOn: 'Solde au {date}',
    moneyIn: 'Entrées',
    moneyOut: 'Sorties',
    totalSavings: 'Total de l’épargne',
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
    columns: { date: 'Date', number: 'N°', description: 'Opération', amount: 'Montant', balance: 'Solde' },
    openingBalance: 'Solde au {date}',
    closingBalance: 'Solde au {date}',
    totalIn: { groupSavings: 'Total des entrées', individualSavings: 'Total des entrées', advance: 'Total avancé' },
    totalOut: { groupSavings: 'Total des sorties', individualSavings: 'Total des sorties', advance: 'Total remboursé' },
    noMovements: 'Aucune opération pendant cette période.',
    advanceOwed: 'Avance d’acompte restant due au {date} : {amount}',
    advanceNone: 'Aucune avance d’acompte due au {date}.',
    movement: {
      deposit_group: 'Versement à l’épargne de groupe',
      deposit_individual: 'Versement à l’épargne individuelle (PEPS)',
      advance_payment: 'Avance d’acompte versée',
      advance_repayment: 'Remboursement de l’avance',
      refund: 'Remboursement de l’épargne',
      dividend: 'Part de dividende (Crédal)',
    },
    refundSettlesAdvance: 'Avance soldée par le remboursement de l’épargne',
    reversal: 'Annulation de l’opération n° {number} du {date} ({kind})',
    reason: 'Motif : {reason}',
    reversedBy: 'Annulée par l’opération n° {number}.',
    bankReference: 'Réf. bancaire : {reference}',
    footer: 'Relevé n° {number}  ·  Code de vérification {code}  ·  page {page} / {pages}',
    verificationCode: 'Code de vérification',
    verifyNote:
      'Pour vérifier ce relevé, contactez {organisation} en donnant son numéro et son code de vérification. Le code change si un montant, une date ou une opération change.',
    continued: 'suite',
  },
  nl: {
    title: 'Spaaroverzicht',
    reference: 'Referentie',
    communication: 'Gestructureerde mededeling',
    group: 'Spaargroep',
    groupWithCohort: '{name}, cohorte {cohort}',
    noGroup: 'geen groep in deze periode',
    period: 'Periode',
    periodValue: 'van {from} tot {to}',
    number: 'Overzicht nr.',
    issuedAt: 'Opgemaakt op',
    summary: 'Samenvatting',
    balanceOn: 'Saldo op {date}',
    moneyIn: 'Bij',
    moneyOut: 'Af',
    totalSavings: 'Totaal spaargeld',
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
    columns: { date: 'Datum', number: 'Nr.', description: 'Verrichting', amount: 'Bedrag', balance: 'Saldo' },
    openingBalance: 'Saldo op {date}',
    closingBalance: 'Saldo op {date}',
    totalIn: { groupSavings: 'Totaal bij', individualSavings: 'Totaal bij', advance: 'Totaal voorgefinancierd' },
    totalOut: { groupSavings: 'Totaal af', individualSavings: 'Totaal af', advance: 'Totaal terugbetaald' },
    noMovements: 'Geen verrichtingen in deze periode.',
    advanceOwed: 'Nog verschuldigde voorfinanciering op {date}: {amount}',
    advanceNone: 'Geen verschuldigde voorfinanciering op {date}.',
    movement: {
      deposit_group: 'Storting op het groepsspaargeld',
      deposit_individual: 'Storting op het individueel spaargeld (PEPS)',
      advance_payment: 'Voorfinanciering van het voorschot uitbetaald',
      advance_repayment: 'Terugbetaling van de voorfinanciering',
      refund: 'Terugbetaling van het spaargeld',
      dividend: 'Aandeel in het dividend (Crédal)',
    },
    refundSettlesAdvance: 'Voorfinanciering verrekend met de terugbetaling van het spaargeld',
    reversal: 'Annulering van verrichting nr. {number} van {date} ({kind})',
    reason: 'Reden: {reason}',
    reversedBy: 'Geannuleerd door verrichting nr. {number}.',
    bankReference: 'Bankreferentie: {reference}',
    footer: 'Overzicht nr. {number}  ·  Controlecode {code}  ·  pagina {page} / {pages}',
    verificationCode: 'Controlecode',
    verifyNote:
      'Om dit overzicht te controleren, neem contact op met {organisation} en geef het nummer en de controlecode. De code verandert als een bedrag, een datum of een verrichting verandert.',
    continued: 'vervolg',
  },
  en: {
    title: 'Savings statement',
    reference: 'Reference',
    communication: 'Structured communication',
    group: 'Savings group',
    groupWithCohort: '{name}, cohort {cohort}',
    noGroup: 'no group during this period',
    period: 'Period',
    periodValue: '{from} to {to}',
    number: 'Statement no.',
    issuedAt: 'Issued on',
    summary: 'Summary',
    balanceOn: 'Balance on {date}',
    moneyIn: 'In',
    moneyOut: 'Out',
    totalSavings: 'Total savings',
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
    columns: { date: 'Date', number: 'No.', description: 'Transaction', amount: 'Amount', balance: 'Balance' },
    openingBalance: 'Balance on {date}',
    closingBalance: 'Balance on {date}',
    totalIn: { groupSavings: 'Total in', individualSavings: 'Total in', advance: 'Total advanced' },
    totalOut: { groupSavings: 'Total out', individualSavings: 'Total out', advance: 'Total repaid' },
    noMovements: 'No transactions during this period.',
    advanceOwed: 'Down-payment advance still owed on {date}: {amount}',
    advanceNone: 'No down-payment advance owed on {date}.',
    movement: {
      deposit_group: 'Deposit to group savings',
      deposit_individual: 'Deposit to individual savings (PEPS)',
      advance_payment: 'Down-payment advance paid',
      advance_repayment: 'Advance repayment',
      refund: 'Savings refund',
      dividend: 'Dividend share (Crédal)',
    },
    refundSettlesAdvance: 'Advance settled from the savings refund',
    reversal: 'Reversal of transaction no. {number} of {date} ({kind})',
    reason: 'Reason: {reason}',
    reversedBy: 'Reversed by transaction no. {number}.',
    bankReference: 'Bank reference: {reference}',
    footer: 'Statement no. {number}  ·  Verification code {code}  ·  page {page} / {pages}',
    verificationCode: 'Verification code',
    verifyNote:
      'To check this statement, contact {organisation} with its number and verification code. The code changes if any amount, date or transaction changes.',
    continued: 'continued',
  },
};

/** Column headers and entry kinds of the group's entries CSV. */
export interface EntriesCsvTexts {
  header: {
    number: string;
    valueDate: string;
    kind: string;
    householdReference: string;
    householdName: string;
    householdSavings: string;
    householdAdvance: string;
    potCash: string;
    reverses: string;
    reason: string;
    bankReference: string;
    note: string;
    recordedAt: string;
    recordedBy: string;
  };
  kinds: Record<EntryKind, string>;
}

export const entriesCsvTexts: Record<Language, EntriesCsvTexts> = {
  fr: {
    header: {
      number: 'N° d’opération',
      valueDate: 'Date valeur',
      kind: 'Type',
      householdReference: 'Référence du ménage',
      householdName: 'Ménage',
      householdSavings: 'Épargne de groupe du ménage',
      householdAdvance: 'Avance due par le ménage',
      potCash: 'Caisse du pot',
      reverses: 'Annule l’opération n°',
      reason: 'Motif',
      bankReference: 'Référence bancaire',
      note: 'Note',
      recordedAt: 'Enregistré le',
      recordedBy: 'Enregistré par',
    },
    kinds: {
      deposit_group: 'Versement à l’épargne de groupe',
      deposit_individual: 'Versement à l’épargne individuelle',
      advance_payment: 'Avance d’acompte versée',
      advance_repayment: 'Remboursement d’avance',
      refund: 'Remboursement de l’épargne',
      dividend: 'Dividende',
      reversal: 'Annulation',
    },
  },
  nl: {
    header: {
      number: 'Verrichting nr.',
      valueDate: 'Valutadatum',
      kind: 'Soort',
      householdReference: 'Referentie gezin',
      householdName: 'Gezin',
      householdSavings: 'Groepsspaargeld van het gezin',
      householdAdvance: 'Voorfinanciering verschuldigd door het gezin',
      potCash: 'Kas van de pot',
      reverses: 'Annuleert verrichting nr.',
      reason: 'Reden',
      bankReference: 'Bankreferentie',
      note: 'Notitie',
      recordedAt: 'Geregistreerd op',
      recordedBy: 'Geregistreerd door',
    },
    kinds: {
      deposit_group: 'Storting op groepsspaargeld',
      deposit_individual: 'Storting op individueel spaargeld',
      advance_payment: 'Voorfinanciering uitbetaald',
      advance_repayment: 'Terugbetaling voorfinanciering',
      refund: 'Terugbetaling spaargeld',
      dividend: 'Dividend',
      reversal: 'Annulering',
    },
  },
  en: {
    header: {
      number: 'Transaction no.',
      valueDate: 'Value date',
      kind: 'Kind',
      householdReference: 'Household reference',
      householdName: 'Household',
      householdSavings: 'Household group savings',
      householdAdvance: 'Advance owed by the household',
      potCash: 'Pot cash',
      reverses: 'Reverses transaction no.',
      reason: 'Reason',
      bankReference: 'Bank reference',
      note: 'Note',
      recordedAt: 'Recorded at',
      recordedBy: 'Recorded by',
    },
    kinds: {
      deposit_group: 'Deposit to group savings',
      deposit_individual: 'Deposit to individual savings',
      advance_payment: 'Down-payment advance paid',
      advance_repayment: 'Advance repayment',
      refund: 'Savings refund',
      dividend: 'Dividend',
      reversal: 'Reversal',
    },
  },
};

/** Replaces `{key}` placeholders; an unknown key stays as written. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
