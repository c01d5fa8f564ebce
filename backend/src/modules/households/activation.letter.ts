import { formatDate, type Language } from '../../lib/locale.ts';
import { createPdf, FONTS, pdfToBuffer, PALETTE } from '../../lib/pdf.ts';

/**
 * Texts of the activation letter. Written for readers with limited reading skills and little
 * experience of apps: short sentences, everyday words, one action per step.
 * `{placeholders}` are filled in and printed in bold. The button label must match the app's login page.
 */
interface LetterMessages {
  documentTitle: string;
  placeAndDate: string;
  subject: string;
  greeting: string;
  intro: string;
  stepsIntro: string;
  step1: string;
  step2: string;
  step2Button: string;
  step3: string;
  step3After: string;
  step4: string;
  step4After: string;
  validity: string;
  help: string;
  secretTitle: string;
  secret: string;
  closing: string;
}

const messages: Record<Language, LetterMessages> = {
  fr: {
    documentTitle: 'Activer votre compte Pot commun',
    placeAndDate: 'Bruxelles, le {date}',
    subject: 'Votre compte Pot commun : comment l’activer',
    greeting: 'Bonjour {name},',
    intro:
      'Avec Pot commun, vous pouvez voir sur votre téléphone votre épargne, où vous en êtes dans votre projet et vos relevés.',
    stepsIntro: 'Pour commencer, suivez ces 4 étapes :',
    step1: 'Sur votre téléphone, ouvrez cette adresse :',
    step2: 'Appuyez sur ce bouton :',
    step2Button: '« Première fois ? Activer mon compte »',
    step3: 'Tapez ce code :',
    step3After: 'Ensuite, choisissez un mot de passe d’au moins 10 caractères.',
    step4: 'C’est fait ! Les fois suivantes, connectez-vous avec votre référence :',
    step4After: 'et votre mot de passe.',
    validity: 'Le code est valable jusqu’au {date}. Il marche une seule fois.',
    help: 'Le code ne marche plus, ou vous êtes bloqué ? Demandez de l’aide à votre référent logement.',
    secretTitle: 'Votre mot de passe est secret.',
    secret: 'Ne le donnez jamais à personne, même pas à notre personnel. Nous ne vous le demanderons jamais.',
    closing: 'Bien à vous,',
  },
  nl: {
    documentTitle: 'Uw Pot commun-account activeren',
    placeAndDate: 'Brussel, {date}',
    subject: 'Uw Pot commun-account: zo activeert u het',
    greeting: 'Beste {name},',
    intro: 'Met Pot commun ziet u op uw telefoon uw spaargeld, hoe ver u staat met uw project en uw overzichten.',
    stepsIntro: 'Volg deze 4 stappen om te beginnen:',
    step1: 'Open dit adres op uw telefoon:',
    step2: 'Druk op deze knop:',
    step2Button: '“Eerste keer? Mijn account activeren”',
    step3: 'Typ deze code:',
    step3After: 'Kies daarna een wachtwoord van minstens 10 tekens.',
    step4: 'Klaar! De volgende keren logt u in met uw referentie:',
    step4After: 'en uw wachtwoord.',
    validity: 'De code is geldig tot {date}. U kunt hem maar één keer gebruiken.',
    help: 'Werkt de code niet meer, of lukt het niet? Vraag hulp aan uw woonbegeleider.',
    secretTitle: 'Uw wachtwoord is geheim.',
    secret: 'Geef het nooit aan iemand, ook niet aan ons personeel. Wij zullen er nooit om vragen.',
    closing: 'Met vriendelijke groeten,',
  },
  en: {
    documentTitle: 'Activate your Pot commun account',
    placeAndDate: 'Brussels, {date}',
    subject: 'Your Pot commun account: how to activate it',
    greeting: 'Dear {name},',
    intro: 'With Pot commun, you can see your savings, your progress and your statements on your phone.',
    stepsIntro: 'To start, follow these 4 steps:',
    step1: 'On your phone, open this address:',
    step2: 'Press this button:',
    step2Button: '“First time? Activate my account”',
    step3: 'Type this code:',
    step3After: 'Then choose a password with at least 10 characters.',
    step4: 'Done! Next time, log in with your reference:',
    step4After: 'and your password.',
    validity: 'This code works until {date}, and only once.',
    help: 'Is the code too old, or are you stuck? Ask your housing referent for help.',
    secretTitle: 'Keep your password secret.',
    secret: 'Never give it to anybody, not even to our staff. We will never ask you for it.',
    closing: 'Kind regards,',
  },
};

/** What the activation letter of one household needs. */
export interface ActivationLetterInput {
  organisationName: string;
  household: { displayName: string; reference: string; preferredLanguage: Language };
  /** The one-time activation code, printed as given (e.g. "ABCD-EFGH-JKLM"). */
  code: string;
  expiresAt: Date;
  loginUrl: string;
  /** The letter's date; also the PDF creation date. */
  now?: Date;
}

const COLOR = PALETTE;

/** Sizes of one rendering; the compact one is the fallback when long names or addresses would need a second page. */
interface Layout {
  body: number;
  /** Base vertical gap in points. */
  gap: number;
}
const LAYOUTS: readonly Layout[] = [
  { body: 12, gap: 12 },
  { body: 11, gap: 6 },
];

/** A one-page A4 letter, in the household's language, explaining how to activate their account. */
export async function renderActivationLetter(input: ActivationLetterInput): Promise<Buffer> {
  for (const [index, layout] of LAYOUTS.entries()) {
    let overflowed = false;
    const doc = createLetterPdf(input);
    doc.on('pageAdded', () => {
      overflowed = true;
    });
    drawLetter(doc, input, layout);
    // The last layout is kept even if it overflows: a second page is better than no letter. The compact
    // layout holds organisation and household names of about 200 characters and a 120-character URL.
    if (!overflowed || index === LAYOUTS.length - 1) return pdfToBuffer(doc);
  }
  throw new Error('no letter layout');
}

function createLetterPdf(input: ActivationLetterInput): Doc {
  const lang = input.household.preferredLanguage;
  return createPdf({
    title: messages[lang].documentTitle,
    language: lang,
    author: input.organisationName,
    now: input.now ?? new Date(),
  });
}

function drawLetter(doc: Doc, input: ActivationLetterInput, layout: Layout): void {
  const { household } = input;
  const lang = household.preferredLanguage;
  const t = messages[lang];
  const now = input.now ?? new Date();
  const { body, gap } = layout;
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const column = { x: left, width };

  // Header: organisation, a rule, place and date.
  doc.font(FONTS.bold).fontSize(16).fillColor(COLOR.accent).text(input.organisationName, left, doc.page.margins.top, {
    width,
  });
  const ruleY = doc.y + 4;
  doc.moveTo(left, ruleY).lineTo(left + width, ruleY).lineWidth(1.5).strokeColor(COLOR.accent).stroke();
  doc.font(FONTS.body).fontSize(body - 1).fillColor(COLOR.muted);
  doc.text(fill(t.placeAndDate, { date: formatDate(now, lang) }), left, ruleY + gap, { width, align: 'right' });

  doc.font(FONTS.bold).fontSize(body + 3).fillColor(COLOR.text).text(t.subject, left, doc.y + 2 * gap, { width });
  doc.y += gap;
  richText(doc, body, t.greeting, { name: household.displayName }, column);
  doc.y += gap / 2;
  doc.font(FONTS.body).fontSize(body).text(t.intro, left, doc.y, { width, lineGap: 2 });
  doc.y += gap;
  doc.font(FONTS.bold).fontSize(body).text(t.stepsIntro, left, doc.y, { width });
  doc.y += gap;

  const steps = { column, body, gap };
  step(doc, steps, 1, t.step1, { text: input.loginUrl, size: body + 3 });
  step(doc, steps, 2, t.step2, { text: t.step2Button, size: body + 2 });
  step(doc, steps, 3, t.step3, { text: input.code, size: body * 2, font: FONTS.mono }, t.step3After);
  step(doc, steps, 4, t.step4, { text: household.reference, size: body + 6, font: FONTS.mono }, t.step4After);

  note(doc, column, COLOR.accent, COLOR.accentLight, () => {
    richText(doc, body, t.validity, { date: formatDate(input.expiresAt, lang, { withTime: true }) }, doc.x);
    doc.y += gap / 3;
    doc.font(FONTS.body).fontSize(body).fillColor(COLOR.text).text(t.help, { lineGap: 2 });
  });
  doc.y += gap;
  note(doc, column, COLOR.warning, COLOR.warningLight, () => {
    doc.font(FONTS.bold).fontSize(body).fillColor(COLOR.text).text(t.secretTitle, { lineGap: 2 });
    doc.font(FONTS.body).text(t.secret, { lineGap: 2 });
  });

  doc.font(FONTS.body).fontSize(body).fillColor(COLOR.text).text(t.closing, left, doc.y + 1.5 * gap, { width });
  doc.y += gap / 3;
  doc.font(FONTS.bold).text(input.organisationName, left, doc.y, { width });
}

interface Column {
  x: number;
  width: number;
}

type Doc = PDFKit.PDFDocument;

/** Replaces `{key}` placeholders. */
function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? `{${key}}`);
}

/** Writes a template in the body font with its placeholder values in bold, as one flowing paragraph. */
function richText(doc: Doc, size: number, template: string, values: Record<string, string>, column: Column | number): void {
  const parts = template.split(/(\{\w+\})/).filter((part) => part !== '');
  const options = typeof column === 'number' ? { lineGap: 2 } : { width: column.width, lineGap: 2 };
  const x = typeof column === 'number' ? column : column.x;
  doc.fontSize(size).fillColor(COLOR.text);
  parts.forEach((part, index) => {
    const key = /^\{(\w+)\}$/.exec(part)?.[1];
    const text = key === undefined ? part : (values[key] ?? part);
    const continued = index < parts.length - 1;
    doc.font(key === undefined ? FONTS.body : FONTS.bold);
    if (index === 0) doc.text(text, x, doc.y, { ...options, continued });
    else doc.text(text, { ...options, continued });
  });
}

/** A numbered step: a round badge, the instruction, a highlighted value to read or type, and an optional follow-up line. */
function step(
  doc: Doc,
  { column, body, gap }: { column: Column; body: number; gap: number },
  number: number,
  instruction: string,
  value: { text: string; size: number; font?: string },
  after?: string,
): void {
  const indent = 36;
  const x = column.x + indent;
  const width = column.width - indent;
  const top = doc.y;

  const radius = 12;
  doc.circle(column.x + radius, top + 7, radius).fill(COLOR.accent);
  doc.font(FONTS.bold).fontSize(13).fillColor(COLOR.white);
  doc.text(String(number), column.x, top + 7 - doc.currentLineHeight() / 2, { width: radius * 2, align: 'center' });

  doc.font(FONTS.body).fontSize(body).fillColor(COLOR.text).text(instruction, x, top, { width, lineGap: 2 });

  const padX = 12;
  const padY = gap / 2 + 1;
  const valueOptions = { width: width - 2 * padX };
  doc.font(value.font ?? FONTS.bold).fontSize(value.size);
  const boxTop = doc.y + 3;
  const boxHeight = doc.heightOfString(value.text, valueOptions) + 2 * padY;
  doc.roundedRect(x, boxTop, width, boxHeight, 6).fill(COLOR.accentLight);
  doc.fillColor(COLOR.text).text(value.text, x + padX, boxTop + padY + 1, valueOptions);
  doc.y = boxTop + boxHeight;

  if (after !== undefined) {
    doc.font(FONTS.body).fontSize(body).fillColor(COLOR.text).text(after, x, doc.y + 3, { width, lineGap: 2 });
  }
  doc.x = column.x;
  doc.y += gap;
}

/** A box with a coloured left bar around content drawn by `draw` (which writes at doc.x with the box's width). */
function note(doc: Doc, column: Column, bar: string, background: string, draw: () => void): void {
  const pad = 10;
  const top = doc.y;
  const innerX = column.x + pad + 4;
  const innerWidth = column.width - 2 * pad - 4;

  // Draw the content once off the record to measure it, then the background, then the content for real.
  const measured = measure(doc, () => {
    doc.x = innerX;
    doc.y = top + pad;
    withWidth(doc, innerWidth, draw);
  });
  const height = measured - top + pad;
  doc.rect(column.x, top, column.width, height).fill(background);
  doc.rect(column.x, top, 4, height).fill(bar);
  doc.x = innerX;
  doc.y = top + pad;
  withWidth(doc, innerWidth, draw);
  doc.x = column.x;
  doc.y = top + height;
}

/** Runs `draw` with the page's right margin moved so that text wraps at `width` from doc.x. */
function withWidth(doc: Doc, width: number, draw: () => void): void {
  const margins = doc.page.margins;
  const saved = margins.right;
  margins.right = doc.page.width - doc.x - width;
  try {
    draw();
  } finally {
    margins.right = saved;
  }
}

/** Where doc.y ends after `draw`, without writing anything to the page. */
function measure(doc: Doc, draw: () => void): number {
  // Text drawing only reaches the page through page.write: muting it makes a dry run.
  const page = doc.page;
  const write = page.write;
  page.write = () => undefined;
  try {
    draw();
    return doc.y;
  } finally {
    page.write = write;
  }
}
