/**
 * The statement of one rental-deposit advance, built and drawn by the statements module from the
 * rental-deposits definition (RENTAL_ACCOUNTS), without a database: its words, every movement with the
 * write-off's and the reversal's reasons, and a verification code and content hash that differ from a
 * savings statement's and between two advances with the same figures.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Money } from '../../backend/src/lib/money.ts';
import type { Movement } from '../../backend/src/modules/ledger/ledger.service.ts';
import { SAVINGS_ACCOUNTS } from '../../backend/src/modules/gecs/statement.kinds.ts';
import { RENTAL_ACCOUNTS } from '../../backend/src/modules/rental-deposits/statement.kinds.ts';
import { renderStatementPdf } from '../../backend/src/modules/statements/statement.pdf.ts';
import { buildSections, contentHashOf, verificationCodeOf, type StatementContent } from '../../backend/src/modules/statements/statements.service.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'rental-statement-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function movement(number: number, valueDate: string, kind: string, owed: string, extra: Partial<Movement> = {}): Movement {
  return {
    id: String(number), number, kind, valueDate, memo: null, bankReference: null, reason: null, book: null, owner: null, subject: null,
    reversesEntryId: null, reversesEntryNumber: null, reversesEntryDate: null, reversesEntryKind: null, reversedByEntryId: null, reversedByEntryNumber: null,
    createdAt: '', createdBy: '', effects: { deposit_receivable: new Money(owed) }, ...extra,
  };
}

const entries = [
  movement(101, '2026-01-08', 'deposit_opening', '1600.00'),
  movement(102, '2026-02-05', 'deposit_repayment', '-50.00', { bankReference: 'BANK-0205', reversedByEntryNumber: 103 }),
  movement(103, '2026-02-06', 'reversal', '50.00', { reason: 'Paiement d’un autre ménage', reversesEntryNumber: 102, reversesEntryDate: '2026-02-05', reversesEntryKind: 'deposit_repayment' }),
  movement(104, '2026-03-05', 'deposit_repayment', '-50.00'),
  movement(105, '2026-06-30', 'deposit_release', '-1200.00'),
  movement(106, '2026-07-15', 'deposit_write_off', '-350.00', { reason: 'Ménage reparti au pays, accord du conseil' }),
];

function content(subject: string): StatementContent {
  return {
    household: { id: 'h', displayName: 'Famille Œzdemir-Ñúñez', reference: 'H-0042', structuredCommunication: '010806817183', preferredLanguage: 'fr' },
    groups: [{ name: 'Fonds de garanties locatives', cohort: null }],
    from: '2026-01-01',
    to: '2026-12-31',
    scope: { accounts: RENTAL_ACCOUNTS, subject, subjectLabel: 'Rue Vandenpeereboom 12, 1080 Molenbeek' },
    sections: buildSections(RENTAL_ACCOUNTS, { owed: new Money(0) }, { owed: new Money(0) }, entries),
  };
}

describe('a rental-deposit advance statement', () => {
  it('shows what is still owed to the fund and every movement, with the reasons', async () => {
    const c = content('deposit-1');
    const pdf = await renderStatementPdf({
      language: 'fr', organisationName: 'Service logement', number: 'RE-2026-000321', verificationCode: verificationCodeOf(c), generatedAt: new Date('2026-12-31T10:00:00Z'),
      household: c.household, groups: c.groups, subject: c.scope.subjectLabel, from: c.from, to: c.to, accounts: RENTAL_ACCOUNTS, sections: c.sections,
    });
    const file = path.join(process.env.STATEMENT_DUMP ?? dir, 'fr.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/[\u202f\u00a0]/g, ' ');
    for (const words of [
      'Relevé d’avance de garantie locative', 'Ce que vous devez encore au fonds', 'Rue Vandenpeereboom 12, 1080 Molenbeek',
      'Garantie locative placée', 'Remboursement', 'Part de la garantie libérée', 'Montant abandonné par le fonds',
      'Motif : Ménage reparti au pays, accord du conseil', 'Annulation de l’opération n° 102', 'Motif : Paiement d’un autre ménage',
      'Plus rien n’est dû au fonds au 31 décembre 2026.', '+1 600,00 €', '-350,00 €', 'Total ajouté à ce que vous devez', 'Total déduit de ce que vous devez',
    ]) expect(text).toContain(words);
    expect(text).not.toContain('épargne');
  });

  it('has a code and a content hash of its own: not a savings statement’s, not another advance’s', () => {
    const one = content('deposit-1');
    const two = content('deposit-2');
    expect(verificationCodeOf(one)).not.toBe(verificationCodeOf(two));
    expect(contentHashOf(one)).not.toBe(contentHashOf(two));
    const asSavings = { ...one, scope: { accounts: { ...SAVINGS_ACCOUNTS, accounts: RENTAL_ACCOUNTS.accounts }, subject: null, subjectLabel: null } };
    expect(verificationCodeOf(asSavings)).not.toBe(verificationCodeOf(one));
    expect(contentHashOf(asSavings)).not.toBe(contentHashOf(one));
  });
});
