// The zip container of an .xlsx, read from its central directory. Parts are inflated on demand with a cap on
// their decompressed size, so an XML bomb costs no more than the cap; large parts stream in chunks.
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import { Readable } from 'node:stream';
import { LIMITS, limitError } from './limits.js';

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

export class ZipFormatError extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries of a zip file, keyed by lower-case name (OPC part names compare case-insensitively). */
export class ZipPackage {
  readonly entries = new Map<string, ZipEntry>();

  constructor(readonly bytes: Buffer) {
    const eocd = findEndOfCentralDirectory(bytes);
    if (eocd < 0) throw new ZipFormatError('no end of central directory');
    const count = bytes.readUInt16LE(eocd + 10);
    let at = bytes.readUInt32LE(eocd + 16);
    for (let i = 0; i < count; i++) {
      if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) throw new ZipFormatError('broken central directory');
      const method = bytes.readUInt16LE(at + 10);
      const compressedSize = bytes.readUInt32LE(at + 20);
      const size = bytes.readUInt32LE(at + 24);
      const nameLength = bytes.readUInt16LE(at + 28);
      const extraLength = bytes.readUInt16LE(at + 30);
      const commentLength = bytes.readUInt16LE(at + 32);
      const localOffset = bytes.readUInt32LE(at + 42);
      const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
      this.entries.set(name.replace(/^\//, '').toLowerCase(), { name, method, compressedSize, size, localOffset });
      at += 46 + nameLength + extraLength + commentLength;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name.replace(/^\//, '').toLowerCase());
  }

  entry(name: string): ZipEntry | undefined {
    return this.entries.get(name.replace(/^\//, '').toLowerCase());
  }

  private raw(entry: ZipEntry): Buffer {
    const at = entry.localOffset;
    if (at + 30 > this.bytes.length || this.bytes.readUInt32LE(at) !== LOCAL) throw new ZipFormatError(`broken local header for ${entry.name}`);
    const start = at + 30 + this.bytes.readUInt16LE(at + 26) + this.bytes.readUInt16LE(at + 28);
    if (entry.compressedSize === 0xffffffff || start + entry.compressedSize > this.bytes.length) throw new ZipFormatError(`truncated ${entry.name}`);
    return this.bytes.subarray(start, start + entry.compressedSize);
  }

  /** A whole (small) part, at most `cap` bytes decompressed. */
  read(entry: ZipEntry, cap = LIMITS.smallPartBytes): Buffer {
    const raw = this.raw(entry);
    if (entry.method === 0) {
      if (raw.length > cap) throw limitError('part', entry.name);
      return raw;
    }
    if (entry.method !== 8) throw new ZipFormatError(`compression method ${entry.method} in ${entry.name}`);
    try {
      return inflateRawSync(raw, { maxOutputLength: cap });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) throw limitError('part', entry.name);
      throw new ZipFormatError(`cannot inflate ${entry.name}`);
    }
  }

  /** A part as a stream of decompressed chunks; stops with the part limit once the cap is passed. */
  async *stream(entry: ZipEntry): AsyncGenerator<Buffer> {
    const raw = this.raw(entry);
    if (entry.method === 0) {
      if (raw.length > LIMITS.partBytes) throw limitError('part', entry.name);
      for (let i = 0; i < raw.length; i += 1 << 20) yield raw.subarray(i, Math.min(raw.length, i + (1 << 20)));
      return;
    }
    if (entry.method !== 8) throw new ZipFormatError(`compression method ${entry.method} in ${entry.name}`);
    const inflate = createInflateRaw({ chunkSize: 1 << 20 });
    const source = Readable.from([raw]).pipe(inflate);
    let total = 0;
    try {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > LIMITS.partBytes) throw limitError('part', entry.name);
        yield chunk;
      }
    } catch (error) {
      if (error instanceof ZipFormatError || (error as { limit?: unknown }).limit) throw error;
      throw new ZipFormatError(`cannot inflate ${entry.name}`);
    } finally {
      source.destroy();
    }
  }
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= stop; i--) if (bytes.readUInt32LE(i) === EOCD) return i;
  return -1;
}
