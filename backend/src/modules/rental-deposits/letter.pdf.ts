/**
 * The repayment letter of a rental-deposit advance (A4 PDF), in the household's language, drawn from
 * plain data (RepaymentLetterData): no database. It tells the family, in plain words, that the fund
 * placed their rental guarantee, how much they repay each month and until when, how to pay (IBAN and
 * the advance's own structured communication, always the same), whom to talk to when a month cannot be
 * paid, and what happens to the blocked money at the end of the lease; then the full schedule, one row
 * per instalment, whose table repeats its header on every page it runs over. Every page ends with the
 * household's reference, the communication and "page x / y".
 */
import { formatDate, formatMoney, type Language } from '../../lib/locale.ts';
import { Money, formatAmount } from '../../lib/money.ts';
import { createPdf, FONTS, pdfToBuffer, PALETTE } from '../../lib/pdf.ts';
import { formatIban } from '../../lib/iban.ts';
import { formatCommunication } from '../../lib/structured-communication.ts';
import { fill } from '../statements/statement.texts.ts';
import { letterTexts, type RepaymentLetterTexts } from './letter.texts.ts';

/** Everything the repayment letter says. Amounts are decimal strings ("1600.00"), dates 'YYYY-MM-DD'. */
export interface RepaymentLetterData {
  language: Language;
  organisationName: string;
  /** The letter's date. */
  issuedOn: string;
  household: { displayName: string; reference: string };
  /** The rented home's address, as printed. */
  address: string;
  landlordName: string;
  /** The day the guarantee was placed. */
  openedOn: string;
  /** The guarantee placed, which the household repays. */
  amount: string;
  monthlyRent: string;
  /** The instalments, in order; they add up to `amount` (the rounding remainder on the last one). */
  schedule: Array<{ number: number; dueOn: string; amount: string }>;
  /** The fund's account; null when none is recorded yet (the letter says the coordinator will give it). */
  fundIban: string | null;
  /** The advance's structured communication, 12 digits. */
  structuredCommunication: string;
}

type Doc = PDFKit.PDFDocument;

const COLOR = PALETTE;

const SIZE = { org: 16, subject: 14, body: 10, heading: 11.5, label: 8.5, code: 13, table: 10, small: 8.5, footer: 7.5 } as const;
const GAP = 8;
/** Space kept at the foot of every page for the footer line. */
const FOOTER_SPACE = 24;
const PAD = 5;
const BOX_PAD = 10;

/** Draws the repayment letter and returns the PDF's bytes. */
export async function renderRepaymentLetterPdf(data: RepaymentLetterData): Promise<Buffer> {
  const doc = createPdf({
    title: `${letterTexts[data.language].documentTitle} — ${data.household.reference}`,
    language: data.language,
    author: data.organisationName,
    // The letter's date (Brussels noon) keeps the bytes of one letter the same on every run.
    now: new Date(`${data.issuedOn}T12:00:00Z`),
    bufferPages: true,
  });
  new LetterDrawing(doc, data).draw();
  return pdfToBuffer(doc);
}

interface Column {
  x: number;
  width: number;
  align: 'left' | 'right';
}

class LetterDrawing {
  private readonly t: RepaymentLetterTexts;
  private readonly lang: Language;
  private readonly left: number;
  private readonly width: number;
  private readonly bottom: number;
  private readonly top: number;
  private y: number;

  constructor(
    private readonly doc: Doc,
    private readonly data: RepaymentLetterData,
  ) {
    this.lang = data.language;
    this.t = letterTexts[data.language];
    this.left = doc.page.margins.left;
    this.width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    this.top = doc.page.margins.top;
    this.bottom = doc.page.height - doc.page.margins.bottom - FOOTER_SPACE;
    this.y = this.top;
  }

  draw(): void {
    this.header();
    this.intro();
    this.facts();
    this.plan();
    this.payment();
    this.problem();
    this.end();
    this.closing();
    this.schedule();
    this.footers();
  }

  private money(amount: string): string {
    return formatMoney(amount, this.lang);
  }

  private date(date: string): string {
    return formatDate(date, this.lang);
  }

  // ——— drawing helpers ———

  /** Plain text at (x, this.y); moves this.y under it. */
  private text(value: string, x: number, width: number, opts: { font?: string; size?: number; color?: string; align?: 'left' | 'right' | 'center' } = {}): void {
    this.doc
      .font(opts.font ?? FONTS.body)
      .fontSize(opts.size ?? SIZE.body)
      .fillColor(opts.color ?? COLOR.text)
      .text(value, x, this.y, { width, align: opts.align ?? 'left', lineGap: 2 });
    this.y = this.doc.y;
  }

  /** A template in the body font with its placeholder values in bold, as one paragraph; moves this.y under it. */
  private rich(template: string, values: Record<string, string>, x = this.left, width = this.width, size: number = SIZE.body): void {
    const parts = template.split(/(\{\w+\})/).filter((part) => part !== '');
    this.doc.fontSize(size).fillColor(COLOR.text);
    parts.forEach((part, index) => {
      const key = /^\{(\w+)\}$/.exec(part)?.[1];
      const value = key === undefined ? part : (values[key] ?? part);
      const options = { width, lineGap: 2, continued: index < parts.length - 1 };
      this.doc.font(key === undefined ? FONTS.body : FONTS.bold);
      if (index === 0) this.doc.text(value, x, this.y, options);
      else this.doc.text(value, options);
    });
    this.y = this.doc.y;
  }

  /**
   * Draws `block` where it fits: measured first by a dry run (nothing reaches the page), then drawn on
   * this page, or on the next one when it would cross the bottom. A block is never split.
   */
  private keep(block: () => void, extra = 0): void {
    const height = this.measure(block);
    this.ensure(height + extra);
    block();
  }

  /** The height `draw` takes, without writing anything (text and shapes reach the page only through page.write). */
  private measure(draw: () => void): number {
    const page = this.doc.page;
    const write = page.write;
    const saved = this.y;
    page.write = () => undefined;
    try {
      // Wrapping does not depend on the height on the page: measured from the top, nothing overflows.
      this.y = this.top;
      draw();
      return this.y - this.top;
    } finally {
      page.write = write;
      this.y = saved;
    }
  }

  /** Starts a new page when `needed` points do not fit; returns true when it did. */
  private ensure(needed: number): boolean {
    if (this.y + needed <= this.bottom) return false;
    this.doc.addPage();
    this.y = this.top;
    return true;
  }

  private rule(y: number, color: string, lineWidth: number): void {
    this.doc.moveTo(this.left, y).lineTo(this.left + this.width, y).lineWidth(lineWidth).strokeColor(color).stroke();
  }

  /** A tinted box with a coloured bar on the left around `content` (drawn at this.y, with the inner x and width). */
  private box(bar: string, background: string, content: (x: number, width: number) => void): void {
    const x = this.left + BOX_PAD + 4;
    const width = this.width - 2 * BOX_PAD - 4;
    const inner = this.measure(() => content(x, width));
    const height = inner + 2 * BOX_PAD;
    const top = this.y;
    this.doc.rect(this.left, top, this.width, height).fill(background);
    this.doc.rect(this.left, top, 4, height).fill(bar);
    this.y = top + BOX_PAD;
    content(x, width);
    this.y = top + height;
  }

  private heading(title: string, x = this.left, width = this.width, color: string = COLOR.accent): void {
    this.text(title, x, width, { font: FONTS.bold, size: SIZE.heading, color });
    this.y += 2;
  }

  /** A small label above its value. */
  private field(label: string, value: string, x: number, width: number, font: string = FONTS.bold, size: number = SIZE.body): void {
    this.text(label, x, width, { size: SIZE.label, color: COLOR.muted });
    this.text(value, x, width, { font, size });
    this.y += 4;
  }

  // ——— the letter ———

  private header(): void {
    const { t, data, left, width } = this;
    this.text(data.organisationName, left, width, { font: FONTS.bold, size: SIZE.org, color: COLOR.accent });
    this.rule(this.y + 4, COLOR.accent, 1.5);
    this.y += 4 + GAP;
    this.text(fill(t.placeAndDate, { date: this.date(data.issuedOn) }), left, width, { size: SIZE.body, color: COLOR.muted, align: 'right' });
    this.y += GAP / 2;
    this.text(data.household.displayName, left, width, { font: FONTS.bold, size: SIZE.heading });
    this.text(fill(t.reference, { reference: data.household.reference }), left, width, { size: SIZE.body, color: COLOR.muted });
    this.y += 1.5 * GAP;
    this.text(t.subject, left, width, { font: FONTS.bold, size: SIZE.subject });
    this.y += GAP;
  }

  private intro(): void {
    const { t, data } = this;
    this.keep(() => {
      this.rich(t.greeting, { name: data.household.displayName });
      this.y += GAP / 2;
      this.rich(t.placed, { openedOn: this.date(data.openedOn), amount: this.money(data.amount), address: data.address });
      this.y += GAP / 2;
      this.text(t.blocked, this.left, this.width);
      this.y += GAP;
    });
  }

  private facts(): void {
    const { t, data } = this;
    const f = t.facts;
    this.keep(() =>
      this.box(COLOR.accent, COLOR.accentLight, (x, width) => {
        this.heading(t.factsTitle, x, width);
        const labelWidth = Math.round(width * 0.36);
        const rows: Array<[string, string]> = [
          [f.home, data.address],
          [f.landlord, data.landlordName],
          [f.rent, fill(f.rentValue, { rent: this.money(data.monthlyRent) })],
          [f.amount, fill(f.amountValue, { amount: this.money(data.amount), date: this.date(data.openedOn) })],
        ];
        for (const [label, value] of rows) {
          const top = this.y;
          this.text(label, x, labelWidth - 8, { color: COLOR.muted });
          const afterLabel = this.y;
          this.y = top;
          this.text(value, x + labelWidth, width - labelWidth, { font: FONTS.bold });
          this.y = Math.max(this.y, afterLabel) + 2;
        }
      }),
    );
    this.y += GAP;
  }

  private plan(): void {
    const { t, data } = this;
    const { schedule } = data;
    this.keep(() => {
      this.heading(t.planTitle);
      if (schedule.length === 0) {
        this.text(t.noSchedule, this.left, this.width);
      } else {
        const first = schedule[0]!;
        const last = schedule[schedule.length - 1]!;
        const same = schedule.every((s) => new Money(s.amount).equals(first.amount));
        const template = schedule.length === 1 ? t.planOne : same ? t.planSame : t.planLast;
        this.rich(template, { amount: this.money(data.amount), count: String(schedule.length), instalment: this.money(first.amount), last: this.money(last.amount) });
        this.y += GAP / 3;
        this.rich(t.planDates, { first: this.date(first.dueOn), last: this.date(last.dueOn) });
        this.y += GAP / 3;
        this.text(t.planTable, this.left, this.width);
      }
      this.y += GAP;
    });
  }

  private payment(): void {
    const { t, data } = this;
    const communication = formatCommunication(data.structuredCommunication);
    this.keep(() =>
      this.box(COLOR.accent, COLOR.accentLight, (x, width) => {
        this.heading(t.payTitle, x, width);
        this.text(t.payIntro, x, width);
        this.y += GAP / 2;
        if (data.fundIban) this.field(t.pay.iban, formatIban(data.fundIban), x, width, FONTS.mono, SIZE.code);
        else this.field(t.pay.iban, t.payNoIban, x, width, FONTS.bold, SIZE.body);
        this.field(t.pay.beneficiary, data.organisationName, x, width);
        this.field(t.pay.communication, communication, x, width, FONTS.mono, SIZE.code);
        this.y += GAP / 3;
        this.text(t.payAlways, x, width, { font: FONTS.bold });
      }),
    );
    this.y += GAP;
  }

  private problem(): void {
    const { t } = this;
    this.keep(() =>
      this.box(COLOR.warning, COLOR.warningLight, (x, width) => {
        this.heading(t.problemTitle, x, width, COLOR.warning);
        this.text(t.problem, x, width);
      }),
    );
    this.y += GAP;
  }

  private end(): void {
    const { t } = this;
    this.keep(() => {
      this.heading(t.endTitle);
      this.text(t.end, this.left, this.width);
      this.y += GAP;
    });
  }

  private closing(): void {
    const { t, data } = this;
    this.keep(() => {
      this.text(t.closing, this.left, this.width);
      this.y += GAP / 3;
      this.text(data.organisationName, this.left, this.width, { font: FONTS.bold });
    });
  }

  // ——— the schedule ———

  private schedule(): void {
    const { t, data, left, width } = this;
    if (data.schedule.length === 0) return;
    const widths = { number: 36, amount: 110, remaining: 150 };
    // A wider gap after the right-aligned number keeps "10" apart from "5 November 2026".
    const numberGap = 12;
    const dueWidth = width - widths.number - numberGap - widths.amount - widths.remaining;
    const cols: Column[] = [
      { x: left, width: widths.number, align: 'right' },
      { x: left + widths.number + numberGap, width: dueWidth, align: 'left' },
      { x: left + widths.number + dueWidth, width: widths.amount, align: 'right' },
      { x: left + width - widths.remaining, width: widths.remaining, align: 'right' },
    ];
    const c = t.columns;
    const headers = [c.number, c.dueOn, c.amount, c.remaining];

    let remaining = new Money(data.amount);
    const rows = data.schedule.map((s) => {
      remaining = remaining.minus(s.amount);
      return [String(s.number), this.date(s.dueOn), this.money(s.amount), this.money(formatAmount(remaining))];
    });
    const total = formatAmount(data.schedule.reduce((sum, s) => sum.plus(s.amount), new Money(0)));
    const rowHeight = this.measure(() => this.row(cols, rows[0]!, false));
    const headerHeight = this.measure(() => this.tableHeader(cols, headers));

    // The schedule starts on this page when its title, header and a few rows fit; else on the next.
    this.y += 1.5 * GAP;
    const titleHeight = this.measure(() => this.scheduleTitle(false));
    this.ensure(titleHeight + headerHeight + 4 * rowHeight);
    this.scheduleTitle(false);
    this.tableHeader(cols, headers);
    rows.forEach((cells, index) => {
      if (this.ensure(rowHeight)) {
        this.scheduleTitle(true);
        this.tableHeader(cols, headers);
      }
      this.row(cols, cells, index % 2 === 1);
    });
    this.ensure(rowHeight);
    this.rule(this.y, COLOR.text, 0.75);
    this.row(cols, ['', t.total, this.money(total), ''], false, FONTS.bold);
  }

  private scheduleTitle(continued: boolean): void {
    const { t } = this;
    if (continued) {
      this.text(`${t.scheduleTitle} (${t.continued})`, this.left, this.width, { font: FONTS.bold, size: SIZE.body, color: COLOR.accent });
      this.y += 4;
      return;
    }
    this.heading(t.scheduleTitle);
    this.text(t.scheduleNote, this.left, this.width, { size: SIZE.small, color: COLOR.muted });
    this.y += 4;
  }

  private tableHeader(cols: Column[], headers: string[]): void {
    const height =
      Math.max(
        ...headers.map((value, i) => {
          this.doc.font(FONTS.bold).fontSize(SIZE.small);
          return this.doc.heightOfString(value, { width: cols[i]!.width - 2 * PAD, lineGap: 1 });
        }),
      ) +
      2 * PAD;
    const top = this.y;
    this.doc.rect(this.left, top, this.width, height).fill(COLOR.accentLight);
    headers.forEach((value, i) => {
      const col = cols[i]!;
      this.doc
        .font(FONTS.bold)
        .fontSize(SIZE.small)
        .fillColor(COLOR.accent)
        .text(value, col.x + PAD, top + PAD, { width: col.width - 2 * PAD, align: col.align, lineGap: 1 });
    });
    this.y = top + height;
  }

  private row(cols: Column[], cells: string[], stripe: boolean, font: string = FONTS.body): void {
    this.doc.font(font).fontSize(SIZE.table);
    const height = Math.max(...cells.map((value, i) => this.doc.heightOfString(value || '0', { width: cols[i]!.width - 2 * PAD, lineGap: 1 }))) + 2 * PAD - 2;
    const top = this.y;
    if (stripe) this.doc.rect(this.left, top, this.width, height).fill(COLOR.stripe);
    cells.forEach((value, i) => {
      const col = cols[i]!;
      this.doc
        .font(font)
        .fontSize(SIZE.table)
        .fillColor(COLOR.text)
        .text(value, col.x + PAD, top + PAD - 1, { width: col.width - 2 * PAD, align: col.align, lineGap: 1 });
    });
    this.y = top + height;
  }

  // ——— footers ———

  /** The household's reference, the communication and "page x / y" at the foot of every page. */
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
      doc.moveTo(left, y - 4).lineTo(left + width, y - 4).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
      const line = fill(t.footer, {
        organisation: data.organisationName,
        reference: data.household.reference,
        communication: formatCommunication(data.structuredCommunication),
        page: i - range.start + 1,
        pages: range.count,
      });
      doc.font(FONTS.body).fontSize(SIZE.footer).fillColor(COLOR.muted).text(line, left, y, { width, align: 'center' });
      margins.bottom = savedBottom;
    }
  }
}
