import { createWriteStream, type WriteStream } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A minimal streaming ZIP writer (deflate, no ZIP64) for test fixtures and the bulk-archive
 * benchmark: SEC's `companyfacts.zip` and `submissions.zip` are plain deflated ZIP files.
 * Entries may reuse one compressed body (`addCompressed`) so a 1 GB archive is written in seconds.
 */
export interface ZipWriter {
  /** Deflate and add one file. */
  add(name: string, body: Uint8Array): Promise<void>;
  /** Add a file whose deflated body, CRC-32 and raw size are already known. */
  addCompressed(name: string, entry: CompressedEntry): Promise<void>;
  /** Write the central directory and close the file; resolves with the archive's size in bytes. */
  close(): Promise<number>;
}

/** A deflated body with what the headers need. */
export interface CompressedEntry {
  readonly deflated: Uint8Array;
  readonly crc: number;
  readonly size: number;
}

/** Deflate a body once, for {@link ZipWriter.addCompressed}. */
export function compressEntry(body: Uint8Array): CompressedEntry {
  return { deflated: deflateRawSync(body), crc: crc32(body), size: body.length };
}

/** Open a ZIP file for writing. */
export function createZipWriter(path: string): ZipWriter {
  const out: WriteStream = createWriteStream(path);
  const central: Buffer[] = [];
  let offset = 0;
  let count = 0;
  const write = (chunk: Uint8Array): Promise<void> =>
    new Promise((resolve, reject) => {
      offset += chunk.length;
      if (out.write(chunk)) resolve();
      else out.once('drain', resolve).once('error', reject);
    });

  const addCompressed = async (name: string, entry: CompressedEntry): Promise<void> => {
    const nameBytes = Buffer.from(name, 'utf8');
    if (offset + entry.deflated.length > 0xffff_fff0 || count === 0xffff) {
      throw new Error('test ZIP writer: archive too large for ZIP without ZIP64');
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE(0x5821, 12); // date 2024-01-01
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.deflated.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(8, 10);
    header.writeUInt16LE(0, 12);
    header.writeUInt16LE(0x5821, 14);
    header.writeUInt32LE(entry.crc >>> 0, 16);
    header.writeUInt32LE(entry.deflated.length, 20);
    header.writeUInt32LE(entry.size, 24);
    header.writeUInt16LE(nameBytes.length, 28);
    header.writeUInt32LE(offset, 42);
    central.push(header, nameBytes);
    count += 1;
    await write(local);
    await write(nameBytes);
    await write(entry.deflated);
  };

  return {
    add: (name, body) => addCompressed(name, compressEntry(body)),
    addCompressed,
    async close(): Promise<number> {
      const start = offset;
      for (const part of central) await write(part);
      const end = Buffer.alloc(22);
      end.writeUInt32LE(0x06054b50, 0);
      end.writeUInt16LE(count, 8);
      end.writeUInt16LE(count, 10);
      end.writeUInt32LE(offset - start, 12);
      end.writeUInt32LE(start, 16);
      await write(end);
      await new Promise<void>((resolve, reject) =>
        out.end((error?: Error | null) => (error ? reject(error) : resolve())),
      );
      return offset;
    },
  };
}
