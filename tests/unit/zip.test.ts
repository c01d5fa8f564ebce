import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crc32, createZip, tableCrc32 } from '../../backend/src/lib/zip.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'zip-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Reads the central directory back: what any ZIP reader starts from. */
function centralDirectory(zip: Buffer) {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const nameLength = zip.readUInt16LE(at + 28);
    entries.push({
      flags: zip.readUInt16LE(at + 8),
      method: zip.readUInt16LE(at + 10),
      crc: zip.readUInt32LE(at + 16),
      compressed: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      offset: zip.readUInt32LE(at + 42),
      name: zip.subarray(at + 46, at + 46 + nameLength).toString('utf8'),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

describe('crc32', () => {
  it('gives the standard check value, natively and from the table', () => {
    const check = Buffer.from('123456789');
    expect(crc32(check)).toBe(0xcbf43926);
    expect(tableCrc32(check)).toBe(0xcbf43926);
    expect(tableCrc32(new Uint8Array())).toBe(0);
    const random = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256));
    expect(tableCrc32(random)).toBe(crc32(random));
  });
});

describe('createZip', () => {
  const files = [
    { name: 'statement-H-0042-2025-01-01-2025-12-31.pdf', data: Buffer.from('%PDF-1.3\n' + 'stream '.repeat(500)) },
    { name: 'Семья-Петренко/relevé Œ.txt', data: Buffer.from('Épargne — Семья\n', 'utf8') },
    { name: 'empty.txt', data: Buffer.alloc(0) },
    { name: 'random.bin', data: randomBytes(300) },
  ];

  it('writes entries that unzip reads back byte for byte, with UTF-8 names', () => {
    const zip = createZip(files.map((f) => ({ ...f, modified: new Date(2025, 11, 31, 23, 59, 58) })));
    const file = path.join(dir, 'test.zip');
    writeFileSync(file, zip);
    expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toContain('No errors detected');
    // Info-ZIP matches non-ASCII names on its command line only in a UTF-8 locale.
    const env = { ...process.env, LC_ALL: 'C.UTF-8' };
    for (const f of files) expect(execFileSync('unzip', ['-p', file, f.name], { env }).equals(f.data)).toBe(true);
    const listing = execFileSync('unzip', ['-l', file], { encoding: 'utf8' });
    expect(listing).toMatch(/2025-12-31 23:59|12-31-2025 23:59/);
    execFileSync('unzip', ['-q', file, '-d', path.join(dir, 'out')]);
    expect(readFileSync(path.join(dir, 'out', 'Семья-Петренко', 'relevé Œ.txt'), 'utf8')).toBe('Épargne — Семья\n');
  });

  it('deflates what shrinks, stores what does not, and records sizes and CRCs in the central directory', () => {
    const zip = createZip(files);
    const entries = centralDirectory(zip);
    expect(entries.map((e) => e.name)).toEqual(files.map((f) => f.name));
    for (const [i, e] of entries.entries()) {
      const data = files[i]!.data;
      expect(e.flags & 0x0800).toBe(0x0800);
      expect(e.size).toBe(data.length);
      expect(e.crc).toBe(crc32(data));
      expect(zip.readUInt32LE(e.offset)).toBe(0x04034b50);
      const nameLength = zip.readUInt16LE(e.offset + 26);
      const body = zip.subarray(e.offset + 30 + nameLength, e.offset + 30 + nameLength + e.compressed);
      expect((e.method === 8 ? zlib.inflateRawSync(body) : body).equals(data)).toBe(true);
    }
    expect(entries[0]!.method).toBe(8);
    expect(entries[0]!.compressed).toBeLessThan(entries[0]!.size);
    expect(entries[3]!.method).toBe(0);
  });

  it('makes a valid empty archive', () => {
    const zip = createZip([]);
    expect(zip.length).toBe(22);
    expect(centralDirectory(zip)).toEqual([]);
  });

  it('refuses duplicate and unsafe names', () => {
    expect(() => createZip([files[0]!, files[0]!])).toThrow(/duplicate/);
    expect(() => createZip([{ name: '../evil.txt', data: Buffer.alloc(1) }])).toThrow(/unsafe/);
    expect(() => createZip([{ name: '/etc/passwd', data: Buffer.alloc(1) }])).toThrow(/unsafe/);
  });
});
