/**
 * Draws an owner's statement (A4 PDF) from plain, already computed figures: no database, no arithmetic
 * beyond layout. statements.service.ts loads and computes the data (StatementData); the benchmark times
 * renderStatementPdf alone against bare pdfkit. Which accounts it shows and their words come with the
 * data (a StatementAccounts: GECS savings, a rental-deposit advance, …).
 *
 * Layout, for a family and for a lender: a header with who, which period, which statement; a summary
 * of the accounts (opening, in, out, closing; for savings, their total) and of what is still owed; then
 * one table per account (an optional one only when it was used) with every movement and a running
 * balance; the verification code at the end and, with the number and "page x / y", at the foot of every
 * page. Tables that run over a page repeat their header.
 */
import { formatDate, formatMoney, localeOf, type Language } from '../../lib/locale.ts';
import { formatAmount, Money } from '../../lib/money.ts';
import { createPdf, FONTS, pdfToBuffer, PALETTE } from '../../lib/pdf.ts';
import { formatCommunication } from '../../lib/structured-communication.ts';
import { addDays } from '../../lib/dates.ts';
import { fill, REVERSAL_KIND, statementTexts, type StatementAccounts, type StatementKindTexts, type StatementTexts } from './statement.texts.ts';

/** One movement of one account, as printed. Amounts are decimal strings ("125.00", "-40.00"). */
export interface StatementMovement {
  entryNumber: number;
  /** 'YYYY-MM-DD'. */
  valueDate: string;
  /** The ledger's entry kind. */
  kind: string;
  /** The effect on this account in its normal direction: + grows the savings (or, for an advance, what is owed). */
  amount: string;
  /** The account's balance after this movement. */
  balance: string;
  memo: string | null;
  bankReference: string | null;
  /** A reversal's mandatory reason (or another entry's, such as a write-off's). */
  reason: string | null;
  /** For a reversal: the entry it cancels. */
  reverses: { number: number; valueDate: string; kind: string } | null;
  /** The number of the reversal that cancels this entry, when that reversal is on the same statement. */
  reversedBy: number | null;
}

/** One account of the owner over the period. */
export interface StatementSection {
  /** Balance at the end of the day before the period. */
  opening: string;
  /** Balance at the end of the period's last day. */
  closing: string;
  /** Sum of the positive movements (≥ 0). */
  totalIn: string;
  /** Sum of the negative movements, as a negative amount (≤ 0). */
  totalOut: string;
  movements: StatementMovement[];
}

/**
 * Everything renderStatementPdf draws. Built by statements.service.ts from a few queries;
 * amounts are decimal strings, dates 'YYYY-MM-DD'.
 */
export interface StatementData {
  language: Language;
  organisationName: string;
  /** As printed: "RE-2026-000123". */
  number: string;
  /** As printed: "8F3A-91C2-0B7D-44E1". */
  verificationCode: string;
  generatedAt: Date;
  household: { displayName: string; reference: string; /** 12 digits */ structuredCommunication: string };
  /** The books (GECS groups, the fund) the owner belonged to during the period (usually one). */
  groups: Array<{ name: string; cohort: string | null }>;
  /** What the statement is about when it is about one subject (an advance's home address), as printed. */
  subject?: string | null;
  from: string;
  to: string;
  /** The accounts shown and their words. */
  accounts: StatementAccounts;
  /** One per account of `accounts`, by its name. */
  sections: Record<string, StatementSection>;
}

type Doc = PDFKit.PDFDocument;

const COLOR = PALETTE;

const SIZE = { title: 18, org: 11, name: 13, label: 7.5, value: 9.5, table: 8.5, small: 7.5, section: 11, footer: 7.5 } as const;
/** Space kept at the foot of every page for the footer line. */
const FOOTER_SPACE = 24;
const PAD = 4;

const shortDates = new Map<Language, Intl.DateTimeFormat>();

/** A numeric date for table rows, in the language's order: "05/03/2025". */
function shortDate(date: string, lang: Language): string {
  let format = shortDates.get(lang);
  if (!format) {
    // Formatting the UTC midnight of the day in UTC gives back exactly that day, in any process TZ.
    format = new Intl.DateTimeFormat(localeOf(lang), { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
    shortDates.set(lang, format);
  }
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return format.format(new Date(Date.UTC(y, m - 1, d)));
}

/** An amount with its sign always shown (+ in, − out), in the language's conventions. */
function signedMoney(amount: string, lang: Language): string {
  if (/^-/.test(amount)) return formatMoney(amount, lang);
  if (/^0+(\.0+)?$/.test(amount)) return formatMoney(amount, lang);
  // Intl places the sign where the language puts it ("+1 234,50 €", "€ +1.234,50", "+€1,234.50").
  return formatMoney(`-${amount}`, lang).replace('-', '+');
}

function isZero(amount: string): boolean {
  return /^-?0+(\.0+)?$/.test(amount);
}

/** What a movement line says: its label and the smaller lines under it. */
function describe(m: StatementMovement, account: string, t: StatementTexts, k: StatementKindTexts, lang: Language): { label: string; notes: string[] } {
  const notes: string[] = [];
  let label: string;
  if (m.kind === REVERSAL_KIND && m.reverses) {
    const original = m.reverses.kind === REVERSAL_KIND ? '' : originalLabel(m.reverses.kind, account, k);
    label = fill(t.reversal, { number: m.reverses.number, date: shortDate(m.reverses.valueDate, lang), kind: original });
    if (m.reason) notes.push(fill(t.reason, { reason: m.reason }));
  } else {
    label = originalLabel(m.kind, account, k);
    // A reversal's memo is the ledger's own note in English; its line above says the same in the reader's language.
    if (m.memo) notes.push(m.memo);
    // Other entries with a reason (a write-off) print it too.
    if (m.reason) notes.push(fill(t.reason, { reason: m.reason }));
  }
  if (m.bankReference) notes.push(fill(t.bankReference, { reference: m.bankReference }));
  if (m.reversedBy !== null) notes.push(fill(t.reversedBy, { number: m.reversedBy }));
  return { label, notes };
}

/** What an entry kind is called seen from an account; a kind without words prints as the ledger names it. */
function originalLabel(kind: string, account: string, k: StatementKindTexts): string {
  if (kind === REVERSAL_KIND) return '';
  return k.movementOn?.[account]?.[kind] ?? k.movement[kind] ?? kind;
}

/** Something drawn at this.y, measured first so that page breaks fall between blocks. */
interface Block {
  height: number;
  draw: () => void;
}

interface Column {
  x: number;
  width: number;
  align: 'left' | 'right';
  /** One line whatever the value: a value too wide for the column (a huge amount) is set smaller, never wrapped. */
  fit?: boolean;
}

/** Draws the statement and returns the PDF's bytes. */
export async function renderStatementPdf(data: StatementData): Promise<Buffer> {
  const doc = createPdf({
    title: `${data.accounts.texts[data.language].title} ${data.number} — ${data.household.reference}`,
    language: data.language,
    author: data.organisationName,
    now: data.generatedAt,
    bufferPages: true,
  });
  new StatementDrawing(doc, data).draw();
  return pdfToBuffer(doc);
}

class StatementDrawing {
  private readonly t: StatementTexts;
  /** The words of this kind of statement (its accounts and movements). */
  private readonly k: StatementKindTexts;
  private readonly lang: Language;
  private readonly left: number;
  private readonly width: number;
  private readonly bottom: number;
  private y: number;

  constructor(
    private readonly doc: Doc,
    private readonly data: StatementData,
  ) {
    this.lang = data.language;
    this.t = statementTexts[data.language];
    this.k = data.accounts.texts[data.language];
    this.left = doc.page.margins.left;
    this.width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    this.bottom = doc.page.height - doc.page.margins.bottom - FOOTER_SPACE;
    this.y = doc.page.margins.top;
  }

  draw(): void {
    this.header();
    this.summary();
    for (const { account, always } of this.data.accounts.accounts) {
      const s = this.data.sections[account]!;
      if (always || s.movements.length > 0 || !isZero(s.opening) || !isZero(s.closing)) this.section(account);
    }
    this.verification();
    this.footers();
  }

  // ——— text helpers ———

  private text(
    value: string,
    x: number,
    y: number,
    width: number,
    opts: { font?: string; size?: number; color?: string; align?: 'left' | 'right' | 'center'; fit?: boolean } = {},
  ): number {
    const { doc } = this;
    const size = opts.size ?? SIZE.table;
    doc
      .font(opts.font ?? FONTS.body)
      .fontSize(size)
      .fillColor(opts.color ?? COLOR.text);
    if (opts.fit) {
      const natural = doc.widthOfString(value);
      const fitted = natural > width ? (size * width) / natural : size;
      // A smaller value keeps its baseline level with its neighbours.
      doc.fontSize(fitted).text(value, x, y + (size - fitted) * 0.8, { width, align: opts.align ?? 'left', lineBreak: false });
      return y + this.height('0', width, opts.font ?? FONTS.body, size);
    }
    doc.text(value, x, y, { width, align: opts.align ?? 'left', lineGap: 1 });
    return doc.y;
  }

  /** Height of one cell's value in its column. */
  private cellHeight(value: string, col: Column, font: string, size: number): number {
    return this.height(col.fit ? '0' : value, col.width - 2 * PAD, font, size);
  }

  private height(value: string, width: number, font: string, size: number): number {
    this.doc.font(font).fontSize(size);
    return this.doc.heightOfString(value, { width, lineGap: 1 });
  }

  /** Starts a new page when `needed` points do not fit; returns true when it did. */
  private ensure(needed: number): boolean {
    if (this.y + needed <= this.bottom) return false;
    this.doc.addPage();
    this.y = this.doc.page.margins.top;
    this.continuationHeader();
    return true;
  }

  // ——— header ———

  private header(): void {
    const { t, k, data, left, width, lang } = this;
    this.y = this.text(data.organisationName, left, this.y, width, { font: FONTS.bold, size: SIZE.org, color: COLOR.accent });
    this.y = this.text(k.title, left, this.y + 2, width, { font: FONTS.bold, size: SIZE.title });
    this.rule(this.y + 4, COLOR.accent, 1.5);
    const top = this.y + 14;

    const gap = 18;
    const leftWidth = Math.round(width * 0.55);
    const rightX = left + leftWidth + gap;
    const rightWidth = width - leftWidth - gap;

    let y = this.text(data.household.displayName, left, top, leftWidth, { font: FONTS.bold, size: SIZE.name });
    y = this.field(left, y + 6, leftWidth, t.reference, data.household.reference, FONTS.mono);
    y = this.field(left, y, leftWidth, t.communication, formatCommunication(data.household.structuredCommunication), FONTS.mono);
    const groups = data.groups.length === 0 ? k.noBook : data.groups.map((g) => (g.cohort ? fill(k.bookWithCohort, { name: g.name, cohort: g.cohort }) : g.name)).join('\n');
    y = this.field(left, y, leftWidth, k.book, groups, data.groups.length === 0 ? FONTS.body : FONTS.bold);
    if (data.subject && k.subject) y = this.field(left, y, leftWidth, k.subject, data.subject, FONTS.bold);

    let ry = this.field(rightX, top, rightWidth, t.number, data.number, FONTS.mono);
    ry = this.field(rightX, ry, rightWidth, t.period, fill(t.periodValue, { from: formatDate(data.from, lang), to: formatDate(data.to, lang) }), FONTS.bold);
    ry = this.field(rightX, ry, rightWidth, t.issuedAt, formatDate(data.generatedAt, lang, { withTime: true }), FONTS.body);
    ry = this.field(rightX, ry, rightWidth, t.verificationCode, data.verificationCode, FONTS.mono);

    this.y = Math.max(y, ry) + 8;
  }

  /** A small label above its value; returns the y under it. */
  private field(x: number, y: number, width: number, label: string, value: string, font: string): number {
    const after = this.text(label, x, y, width, { size: SIZE.label, color: COLOR.muted });
    return this.text(value, x, after, width, { font, size: SIZE.value }) + 5;
  }

  private continuationHeader(): void {
    const { t, k, data, left, width } = this;
    const line = `${k.title} ${data.number} — ${data.household.displayName} (${data.household.reference}) — ${t.continued}`;
    this.y = this.text(line, left, this.y, width, { size: SIZE.small, color: COLOR.muted });
    this.rule(this.y + 3, COLOR.rule, 0.75);
    this.y += 12;
  }

  private rule(y: number, color: string, lineWidth: number, x = this.left, width = this.width): void {
    this.doc.moveTo(x, y).lineTo(x + width, y).lineWidth(lineWidth).strokeColor(color).stroke();
  }

  // ——— summary ———

  private summary(): void {
    const { t, k, data, left, width, lang } = this;
    const { summary } = data.accounts;
    const opening = addDays(data.from, -1);
    this.sectionTitle(t.summary);
    const amountWidth = 76;
    const labelWidth = width - 4 * amountWidth;
    const cols: Column[] = [
      { x: left, width: labelWidth, align: 'left' },
      ...[0, 1, 2, 3].map((i) => ({ x: left + labelWidth + i * amountWidth, width: amountWidth, align: 'right' as const, fit: true })),
    ];
    const headers = ['', fill(t.balanceOn, { date: shortDate(opening, lang) }), t.moneyIn, t.moneyOut, fill(t.balanceOn, { date: shortDate(data.to, lang) })];
    this.tableHeader(cols, headers);

    const sections = summary.rows.map((account) => data.sections[account]!);
    sections.forEach((s, index) => {
      const cells = [k.accounts[summary.rows[index]!]!, formatMoney(s.opening, lang), signedMoney(s.totalIn, lang), signedMoney(s.totalOut, lang), formatMoney(s.closing, lang)];
      this.row(cols, cells, { stripe: index % 2 === 1 }).draw();
    });
    if (summary.total) {
      const add = (pick: (s: StatementSection) => string) => sections.map(pick).reduce(addAmounts);
      const total = [add((s) => s.opening), add((s) => s.totalIn), add((s) => s.totalOut), add((s) => s.closing)];
      this.row(cols, [k.summaryTotal ?? '', formatMoney(total[0]!, lang), signedMoney(total[1]!, lang), signedMoney(total[2]!, lang), formatMoney(total[3]!, lang)], { bold: true, rule: true }).draw();
    }

    // What is still owed (an advance): a lender looks for it first.
    if (summary.owed && k.owed) this.owed(data.sections[summary.owed]!.closing, k.owed);
    this.y += 6;
  }

  /** The box under the summary saying what is still owed at the end of the period, or a muted line when nothing is. */
  private owed(amount: string, texts: { some: string; none: string }): void {
    const { data, left, width, lang } = this;
    this.y += 8;
    if (isZero(amount)) {
      this.y = this.text(fill(texts.none, { date: formatDate(data.to, lang) }), left, this.y, width, { size: SIZE.table, color: COLOR.muted });
    } else {
      const message = fill(texts.some, { date: formatDate(data.to, lang), amount: formatMoney(amount, lang) });
      const h = this.height(message, width - 2 * 8 - 4, FONTS.bold, SIZE.value) + 2 * 6;
      this.doc.rect(left, this.y, width, h).fill(COLOR.warningLight);
      this.doc.rect(left, this.y, 3, h).fill(COLOR.warning);
      this.text(message, left + 12, this.y + 6, width - 2 * 8 - 4, { font: FONTS.bold, size: SIZE.value, color: COLOR.warning });
      this.y += h;
    }
  }

  private sectionTitleHeight(title: string, note?: string): number {
    return 10 + this.height(title, this.width, FONTS.bold, SIZE.section) + (note ? this.height(note, this.width, FONTS.body, SIZE.small) + 1 : 0) + 4;
  }

  /** A section title (and its note); keeps it with at least `keep` points of what follows. */
  private sectionTitle(title: string, note?: string, keep = 70): void {
    this.ensure(this.sectionTitleHeight(title, note) + keep);
    this.y += 10;
    this.y = this.text(title, this.left, this.y, this.width, { font: FONTS.bold, size: SIZE.section, color: COLOR.accent });
    if (note) this.y = this.text(note, this.left, this.y + 1, this.width, { size: SIZE.small, color: COLOR.muted });
    this.y += 4;
  }

  private tableHeaderHeight(cols: Column[], headers: string[]): number {
    return Math.max(...headers.map((value, i) => this.height(value, cols[i]!.width - 2 * PAD, FONTS.bold, SIZE.small))) + 2 * PAD;
  }

  private tableHeader(cols: Column[], headers: string[]): void {
    const h = this.tableHeaderHeight(cols, headers);
    this.doc.rect(this.left, this.y, this.width, h).fill(COLOR.accentLight);
    headers.forEach((value, i) => {
      const c = cols[i]!;
      this.text(value, c.x + PAD, this.y + PAD, c.width - 2 * PAD, { font: FONTS.bold, size: SIZE.small, color: COLOR.accent, align: c.align });
    });
    this.y += h;
  }

  /**
   * A table row of single values, measured before it is drawn. Amounts do not wrap in practice (the
   * columns hold "+999 999 999,99 €"); larger ones wrap inside their cell rather than overflow it.
   */
  private row(cols: Column[], cells: string[], opts: { bold?: boolean; stripe?: boolean; rule?: boolean } = {}): Block {
    const font = opts.bold ? FONTS.bold : FONTS.body;
    const height = Math.max(...cells.map((value, i) => this.cellHeight(value, cols[i]!, font, SIZE.table))) + 2 * PAD;
    return {
      height,
      draw: () => {
        if (opts.stripe) this.doc.rect(this.left, this.y, this.width, height).fill(COLOR.stripe);
        if (opts.rule) this.rule(this.y, COLOR.text, 0.75);
        cells.forEach((value, i) => {
          const c = cols[i]!;
          this.text(value, c.x + PAD, this.y + PAD, c.width - 2 * PAD, { font, size: SIZE.table, align: c.align, fit: c.fit });
        });
        this.y += height;
      },
    };
  }

  /** Draws blocks one under the other; a block that does not fit goes to a new page, after `header`. */
  private flow(blocks: Block[], header?: () => void): void {
    for (const block of blocks) {
      if (this.ensure(block.height) && header) header();
      block.draw();
    }
  }

  // ——— one account's movements ———

  private section(account: string): void {
    const { t, k, data, left, width, lang } = this;
    const s = data.sections[account]!;
    const widths = { date: 58, number: 42, amount: 80, balance: 80 };
    const descriptionWidth = width - widths.date - widths.number - widths.amount - widths.balance;
    const cols: Column[] = [
      { x: left, width: widths.date, align: 'left', fit: true },
      { x: left + widths.date, width: widths.number, align: 'right', fit: true },
      { x: left + widths.date + widths.number, width: descriptionWidth, align: 'left' },
      { x: left + widths.date + widths.number + descriptionWidth, width: widths.amount, align: 'right', fit: true },
      { x: left + width - widths.balance, width: widths.balance, align: 'right', fit: true },
    ];
    const c = t.columns;
    const headers = [c.date, c.number, c.description, c.amount, c.balance];
    const header = () => this.tableHeader(cols, headers);

    const opening = this.row(cols, ['', '', fill(t.openingBalance, { date: formatDate(addDays(data.from, -1), lang) }), '', formatMoney(s.opening, lang)], { bold: true });
    const body = s.movements.length === 0 ? [this.row(cols, ['', '', t.noMovements, '', ''])] : s.movements.map((m, index) => this.movement(cols, m, account, index % 2 === 0));
    const closing = [
      this.row(cols, ['', '', k.totalIn[account]!, signedMoney(s.totalIn, lang), ''], { rule: true }),
      this.row(cols, ['', '', k.totalOut[account]!, signedMoney(s.totalOut, lang), '']),
      this.row(cols, ['', '', fill(t.closingBalance, { date: formatDate(data.to, lang) }), '', formatMoney(s.closing, lang)], { bold: true }),
    ];
    // The totals and the closing balance stay together, with the last movement.
    const last = body.pop()!;
    const ending: Block = {
      height: last.height + closing.reduce((sum, b) => sum + b.height, 0),
      draw: () => [last, ...closing].forEach((b) => b.draw()),
    };

    // A section short enough to fit on one page is not split across two.
    const titleHeight = this.sectionTitleHeight(k.accounts[account]!, k.accountNotes[account]);
    const headerHeight = this.tableHeaderHeight(cols, headers);
    const whole = titleHeight + headerHeight + [opening, ...body, ending].reduce((sum, b) => sum + b.height, 0);
    const pageRoom = this.bottom - this.doc.page.margins.top - 30;
    const keep = whole <= pageRoom ? whole - titleHeight : headerHeight + opening.height + (body[0] ?? ending).height;
    this.sectionTitle(k.accounts[account]!, k.accountNotes[account], keep);
    header();
    this.flow([opening, ...body, ending], header);
  }

  private movement(cols: Column[], m: StatementMovement, account: string, stripe: boolean): Block {
    const { lang } = this;
    const { label, notes } = describe(m, account, this.t, this.k, lang);
    const descWidth = cols[2]!.width - 2 * PAD;
    const note = notes.join('\n');
    const labelFont = m.kind === REVERSAL_KIND ? FONTS.bold : FONTS.body;
    const height = this.height(label, descWidth, labelFont, SIZE.table) + (note ? this.height(note, descWidth, FONTS.body, SIZE.small) + 1 : 0) + 2 * PAD;
    return {
      height,
      draw: () => {
        const y = this.y;
        if (stripe) this.doc.rect(this.left, y, this.width, height).fill(COLOR.stripe);
        const cell = (i: number, value: string, font: string = FONTS.body) =>
          this.text(value, cols[i]!.x + PAD, y + PAD, cols[i]!.width - 2 * PAD, { font, size: SIZE.table, align: cols[i]!.align, fit: cols[i]!.fit });
        cell(0, shortDate(m.valueDate, lang));
        cell(1, String(m.entryNumber));
        const after = cell(2, label, labelFont);
        if (note) this.text(note, cols[2]!.x + PAD, after + 1, descWidth, { size: SIZE.small, color: COLOR.muted });
        cell(3, signedMoney(m.amount, lang));
        cell(4, formatMoney(m.balance, lang));
        this.y = y + height;
      },
    };
  }

  // ——— verification and footers ———

  private verification(): void {
    const { t, data, left, width } = this;
    const note = fill(t.verifyNote, { organisation: data.organisationName });
    const inner = width - 24;
    const h = this.height(t.verificationCode, inner, FONTS.bold, SIZE.value) + this.height(data.verificationCode, inner, FONTS.mono, 14) + this.height(note, inner, FONTS.body, SIZE.small) + 24;
    this.ensure(h + 16);
    this.y += 16;
    this.doc.rect(left, this.y, width, h).fill(COLOR.accentLight);
    let y = this.text(t.verificationCode, left + 12, this.y + 8, inner, { font: FONTS.bold, size: SIZE.value, color: COLOR.accent });
    y = this.text(data.verificationCode, left + 12, y + 2, inner, { font: FONTS.mono, size: 14 });
    this.text(note, left + 12, y + 4, inner, { size: SIZE.small, color: COLOR.muted });
    this.y += h;
  }

  /** "Statement no. … · Verification code … · page x / y" at the foot of every page. */
  private footers(): void {
    const { doc, t, data, left, width } = this;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const margins = doc.page.margins;
      const savedBottom = margins.bottom;
      // Writing under the bottom margin would make pdfkit open a new page.
      margins.bottom = 0;
      const y = doc.page.height - savedBottom - FOOTER_SPACE + 10;
      this.rule(y - 4, COLOR.rule, 0.5);
      const line = fill(t.footer, { number: data.number, code: data.verificationCode, page: i - range.start + 1, pages: range.count });
      this.text(line, left, y, width, { size: SIZE.footer, color: COLOR.muted, align: 'center' });
      margins.bottom = savedBottom;
    }
  }
}

/** Adds two decimal strings exactly. */
function addAmounts(a: string, b: string): string {
  return formatAmount(new Money(a).plus(b));
}
