import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { localeOf, type Language } from './locale.ts';

// Resolved through the package (not import.meta.url) so it works the same from tsx, vitest and compiled code.
const FONT_DIR = path.join(
  path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')),
  'ttf',
);

/**
 * Names of the embedded fonts registered on every document. Never use pdfkit's standard Helvetica:
 * it prints garbage for Cyrillic and for the narrow no-break space in fr-BE amounts.
 */
export const FONTS = { body: 'Body', bold: 'Bold', mono: 'MonoBold' } as const;

const FONT_FILES = {
  [FONTS.body]: path.join(FONT_DIR, 'DejaVuSans.ttf'),
  [FONTS.bold]: path.join(FONT_DIR, 'DejaVuSans-Bold.ttf'),
  // Codes and references: every character its own width, no kerning, so they read (and copy) exactly.
  [FONTS.mono]: path.join(FONT_DIR, 'DejaVuSansMono-Bold.ttf'),
};

/** A4 in PDF points (1/72 inch). */
export const A4 = { width: 595.28, height: 841.89 } as const;

/** Page margins in points: 2 cm at the sides, a little less at the top and bottom. */
export const MARGINS = { top: 50, bottom: 50, left: 57, right: 57 } as const;

/** Options shared by every generated document. */
export interface CreatePdfOptions {
  title: string;
  language: Language;
  author?: string;
  /** Creation date written in the document info; fixed in tests so the bytes do not depend on the clock. */
  now?: Date;
}

/**
 * A new A4 document with the embedded DejaVu fonts registered as 'Body' (the default) and 'Bold',
 * its title, author and language set. Finish it with pdfToBuffer.
 */
export function createPdf(opts: CreatePdfOptions): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { ...MARGINS },
    // Passing the TTF as the initial font keeps pdfkit from loading Helvetica at all.
    font: FONT_FILES[FONTS.body],
    lang: localeOf(opts.language),
    displayTitle: true,
    info: {
      Title: opts.title,
      ...(opts.author === undefined ? {} : { Author: opts.author }),
      Creator: 'Pot commun',
      CreationDate: opts.now ?? new Date(),
    },
  });
  for (const [name, file] of Object.entries(FONT_FILES)) {
    doc.registerFont(name, file);
  }
  doc.font(FONTS.body);
  return doc;
}

/** Ends the document and resolves with its bytes. */
export function pdfToBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
