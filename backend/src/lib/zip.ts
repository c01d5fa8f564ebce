/**
 * A small ZIP writer (PKWARE APPNOTE 6.3): deflated entries, CRC-32, UTF-8 file names, one central
 * directory. Enough for handing out a batch of generated files; no ZIP64, so at most 65,535 entries
 * and 4 GiB in all — far beyond a group's statements.
 */
import zlib from 'node:zlib';

export interface ZipEntry {
  /** Path inside the archive, '/'-separated; any Unicode (stored as UTF-8, flagged so). */
  name: string;
  data: Buffer;
  /** Modification time written in the entry (local DOS time of the given instant); default now. */
  modified?: Date;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** General purpose flag bit 11: file name and comment are UTF-8. */
const UTF8_NAMES = 0x0800;
const DEFLATE = 8;
const STORE = 0;
/** "Version needed to extract": 2.0 (deflate). */
const VERSION = 20;
/**
 * "Version made by": 3.0 on Unix, with Unix permissions in the external attributes. Info-ZIP's unzip
 * converts the names of archives made on MS-DOS from the OEM code page even when they are flagged UTF-8.
 */
const MADE_BY = (3 << 8) | 30;
/** rw-r--r-- regular file, in the high 16 bits of the external attributes. */
const UNIX_FILE_ATTRIBUTES = (0o100644 << 16) >>> 0;
const MAX_32 = 0xffffffff;

let crcTable: Uint32Array | null = null;

/** CRC-32 (ISO 3309, as ZIP uses it): node:zlib's when this Node has it (≥ 20.15), else a table. */
export function crc32(data: Uint8Array): number {
  const native = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
  if (typeof native === 'function') return native(data) >>> 0;
  return tableCrc32(data);
}

/** The table-driven CRC-32, exported for tests that compare it with node:zlib's. */
export function tableCrc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** MS-DOS date and time fields (2-second resolution, years 1980–2107) of an instant, in local time. */
function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.min(Math.max(date.getFullYear(), 1980), 2107);
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

/** Builds a ZIP archive holding the entries, in the given order. Names must be unique. */
export function createZip(entries: readonly ZipEntry[]): Buffer {
  if (entries.length > 0xffff) throw new RangeError('createZip: at most 65,535 entries (no ZIP64)');
  const seen = new Set<string>();
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    if (entry.name === '' || entry.name.startsWith('/') || entry.name.split('/').includes('..')) {
      throw new RangeError(`createZip: unsafe entry name ${JSON.stringify(entry.name)}`);
    }
    if (seen.has(entry.name)) throw new RangeError(`createZip: duplicate entry name ${JSON.stringify(entry.name)}`);
    seen.add(entry.name);
    const name = Buffer.from(entry.name, 'utf8');
    const deflated = zlib.deflateRawSync(entry.data);
    // Already-compressed data can grow when deflated: store it as is then.
    const method = deflated.length < entry.data.length ? DEFLATE : STORE;
    const body = method === DEFLATE ? deflated : entry.data;
    const crc = crc32(entry.data);
    const { time, date } = dosDateTime(entry.modified ?? new Date());
    if (body.length > MAX_32 || entry.data.length > MAX_32 || offset > MAX_32) throw new RangeError('createZip: archive too large (no ZIP64)');

    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28); // extra field length
    parts.push(local, name, body);

    const header = Buffer.alloc(46);
    header.writeUInt32LE(CENTRAL_HEADER, 0);
    header.writeUInt16LE(MADE_BY, 4);
    header.writeUInt16LE(VERSION, 6); // needed to extract
    header.writeUInt16LE(UTF8_NAMES, 8);
    header.writeUInt16LE(method, 10);
    header.writeUInt16LE(time, 12);
    header.writeUInt16LE(date, 14);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(body.length, 20);
    header.writeUInt32LE(entry.data.length, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt16LE(0, 30); // extra field length
    header.writeUInt16LE(0, 32); // comment length
    header.writeUInt16LE(0, 34); // disk number start
    header.writeUInt16LE(0, 36); // internal attributes
    header.writeUInt32LE(UNIX_FILE_ATTRIBUTES, 38);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);

    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(central);
  if (offset > MAX_32) throw new RangeError('createZip: archive too large (no ZIP64)');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(0, 4); // this disk
  end.writeUInt16LE(0, 6); // disk with the central directory
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(0, 20); // comment length
  return Buffer.concat([...parts, directory, end]);
}
