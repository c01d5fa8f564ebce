import fs from 'node:fs';
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

/**
 * The fonts, read and parsed once per process. Parsing a DejaVu TTF (about 0.7 MB) costs far more than
 * drawing a page: measured about 120 ms per document when every document parsed its fonts, 15 ms when
 * they share the parsed fonts. pdfkit accepts a parsed fontkit font wherever it accepts a font file;
 * each document still makes its own subset of the glyphs it uses. The fontkit used is pdfkit's own
 * dependency, resolved from pdfkit, so both always agree on the version.
 */
type ParsedFont = object;
const parsedFonts = new Map<string, ParsedFont>();
let fontkit: { create(data: Uint8Array): ParsedFont } | null = null;

function parsedFont(name: keyof typeof FONT_FILES): string {
  let font = parsedFonts.get(name);
  if (!font) {
    fontkit ??= createRequire(createRequire(import.meta.url).resolve('pdfkit'))('fontkit') as { create(data: Uint8Array): ParsedFont };
    font = fontkit.create(fs.readFileSync(FONT_FILES[name]));
    parsedFonts.set(name, font);
  }
  // Each document gets its own view of the parsed font with a fresh glyph cache: fontkit keeps the
  // characters a glyph was first made for, and pdfkit writes those into the document's text layer, so a
  // glyph made while shaping another document's text can make letters unreadable in copy and search
  // (seen: "E" lost after "É" had been laid out in an earlier letter). The tables stay shared.
  const view = Object.create(font) as { _glyphs: Record<number, unknown> };
  view._glyphs = {};
  // pdfkit's font factory takes an object with a layout() method as a ready fontkit font; @types/pdfkit
  // only knows file names and buffers, hence the cast.
  return view as unknown as string;
}

/** A4 in PDF points (1/72 inch). */
/** The one palette of every document (letters, statements): the app's teal, a warm warning, quiet greys. */
export const PALETTE = {
  text: '#1c1c1c',
  muted: '#555555',
  accent: '#0b5d57',
  accentLight: '#e8f2f1',
  stripe: '#f5f7f7',
  rule: '#c9d3d2',
  warning: '#8a4b00',
  warningLight: '#fdf3e3',
  white: '#ffffff',
} as const;

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
  /**
   * Keep every page open until the end (pdfkit's bufferPages), so that footers such as "page x / y" can
   * be written once the page count is known (doc.switchToPage). pdfToBuffer flushes them.
   */
  bufferPages?: boolean;
}

/**
 * A new A4 document with the embedded DejaVu fonts registered as 'Body' (the default) and 'Bold',
 * its title, author and language set. Finish it with pdfToBuffer.
 */
export function createPdf(opts: CreatePdfOptions): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { ...MARGINS },
    // No initial font: pdfkit would otherwise load Helvetica, and opening the body font twice (as the
    // initial font and as 'Body') makes pdfkit compare the two fonts' whole name tables (~25 ms).
    // The first doc.font() call below sets the body font.
    font: null as unknown as string,
    bufferPages: opts.bufferPages ?? false,
    lang: localeOf(opts.language),
    displayTitle: true,
    info: {
      Title: opts.title,
      ...(opts.author === undefined ? {} : { Author: opts.author }),
      Creator: 'Pot commun',
      CreationDate: opts.now ?? new Date(),
    },
  });
  for (const name of Object.keys(FONT_FILES) as Array<keyof typeof FONT_FILES>) {
    doc.registerFont(name, parsedFont(name));
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
