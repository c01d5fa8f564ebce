/**
 * The words of every statement (PDF) and of the entries CSV, in French, Dutch and English:
 * server-side translations kept in one place. `{placeholders}` are filled in by `fill`.
 * Written for families with limited French or Dutch and for lenders who read many statements:
 * plain words, the same term for the same thing everywhere.
 *
 * A statement's frame (periods, columns, reversals, verification) is worded here; what its accounts
 * and movements are called belongs to the feature whose accounts they are, which hands them over as a
 * StatementAccounts (gecs/statement.kinds.ts, rental-deposits/statement.kinds.ts): this module knows
 * no feature's vocabulary.
 */
import type { Language } from '../../lib/locale.ts';

/** The kind of a reversal entry, whose words are the frame's (it names the entry it cancels). */
export const REVERSAL_KIND = 'reversal';

/**
 * What one kind of statement calls its accounts and movements, in one language. Account names are
 * the StatementAccounts' own keys; entry kinds are the ledger's.
 */
export interface StatementKindTexts {
  /** Title of the document (also the PDF's title). */
  title: string;
  /** Label of the books the owner belonged to ("Savings group", "Fund"). */
  book: string;
  /** "{name}, cohort {cohort}" */
  bookWithCohort: string;
  /** Printed instead of the books when there is none. */
  noBook: string;
  /** Label of the subject's line in the header (e.g. "Home"), when the statement is about one subject. */
  subject?: string;
  /** Each account's section title. */
  accounts: Record<string, string>;
  /** A short line under each section title saying what its balance is. */
  accountNotes: Record<string, string>;
  totalIn: Record<string, string>;
  totalOut: Record<string, string>;
  /** The summary's total row, when the definition adds its summary rows up. */
  summaryTotal?: string;
  /** The box under the summary about the account `summary.owed`: "{amount}" owed on "{date}", or nothing. */
  owed?: { some: string; none: string };
  /** What a movement of each entry kind is called (reversals are the frame's). */
  movement: Record<string, string>;
  /** Words for an entry kind seen from one account, when they differ from `movement`: account → kind → words. */
  movementOn?: Record<string, Record<string, string>>;
}

/**
 * The accounts a kind of statement shows, the ledger account kind behind each, and their words: given
 * by the feature whose accounts they are. Account names are keys of its own choosing ('advance', 'owed').
 */
export interface StatementAccounts {
  /**
   * Names this kind of statement in its verification code and content hash ('savings', 'rental-deposit'),
   * so that two kinds with the same figures are two statements.
   */
  id: string;
  /** In the order printed. `always`: its section is printed even without a balance or a movement. */
  accounts: ReadonlyArray<{ account: string; kind: string; always: boolean }>;
  summary: {
    /** The accounts listed in the summary table, in order. */
    rows: readonly string[];
    /** Whether the summary rows are added up (texts.summaryTotal). */
    total: boolean;
    /** The account whose closing balance the box under the summary states (texts.owed). */
    owed?: string;
  };
  texts: Record<Language, StatementKindTexts>;
}

/** The frame of every statement: what does not depend on the owner's kind of accounts. */
export interface StatementTexts {
  reference: string;
  communication: string;
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
  columns: { date: string; number: string; description: string; amount: string; balance: string };
  openingBalance: string;
  closingBalance: string;
  noMovements: string;
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
    reference: 'Référence',
    communication: 'Communication structurée',
    period: 'Période',
    periodValue: 'du {from} au {to}',
    number: 'Relevé n°',
    issuedAt: 'Établi le',
    summary: 'Résumé',
    balanceOn: 'Solde au {date}',
    moneyIn: 'Entrées',
    moneyOut: 'Sorties',
    columns: { date: 'Date', number: 'N°', description: 'Opération', amount: 'Montant', balance: 'Solde' },
    openingBalance: 'Solde au {date}',
    closingBalance: 'Solde au {date}',
    noMovements: 'Aucune opération pendant cette période.',
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
    reference: 'Referentie',
    communication: 'Gestructureerde mededeling',
    period: 'Periode',
    periodValue: 'van {from} tot {to}',
    number: 'Overzicht nr.',
    issuedAt: 'Opgemaakt op',
    summary: 'Samenvatting',
    balanceOn: 'Saldo op {date}',
    moneyIn: 'Bij',
    moneyOut: 'Af',
    columns: { date: 'Datum', number: 'Nr.', description: 'Verrichting', amount: 'Bedrag', balance: 'Saldo' },
    openingBalance: 'Saldo op {date}',
    closingBalance: 'Saldo op {date}',
    noMovements: 'Geen verrichtingen in deze periode.',
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
    reference: 'Reference',
    communication: 'Structured communication',
    period: 'Period',
    periodValue: '{from} to {to}',
    number: 'Statement no.',
    issuedAt: 'Issued on',
    summary: 'Summary',
    balanceOn: 'Balance on {date}',
    moneyIn: 'In',
    moneyOut: 'Out',
    columns: { date: 'Date', number: 'No.', description: 'Transaction', amount: 'Amount', balance: 'Balance' },
    openingBalance: 'Balance on {date}',
    closingBalance: 'Balance on {date}',
    noMovements: 'No transactions during this period.',
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

/**
 * The GECS entry kinds the book entries CSV has words for (bookEntriesCsv lists a GECS group's book).
 * An unknown kind is written as the ledger names it.
 */
export type EntryKind = 'deposit_group' | 'deposit_individual' | 'advance_payment' | 'advance_repayment' | 'refund' | 'dividend' | 'reversal';

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
