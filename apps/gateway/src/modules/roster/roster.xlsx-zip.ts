// The ZIP container of an XLSX, read with yauzl: random access from the uploaded buffer (so shared strings can be
// read before the sheet whatever the archive's order), entries inflated as streams, and yauzl refusing any entry
// that inflates past the size the archive declares for it. Every entry read here is also capped by the caller.
import { GraphQLError } from 'graphql';
import yauzl from 'yauzl';
import { badFile } from './roster.errors.js';

/** Entries an XLSX may list (a roster workbook has a dozen or so). */
const MAX_ENTRIES = 1_000;

export interface XlsxZip {
  /** Declared uncompressed size of each entry, by path inside the archive. */
  readonly sizes: ReadonlyMap<string, number>;
  /** Decoded UTF-8 text of one entry, chunk by chunk; refused past `maxBytes` inflated bytes. */
  text(name: string, maxBytes: number, what: { zh: string; en: string }): AsyncIterable<string>;
  close(): void;
}

export function notXlsx() {
  return badFile(
    '不是有效的 XLSX 文件(请另存为 Excel 工作簿 .xlsx;旧版 .xls 不支持)',
    'Not a valid XLSX file (save it as an Excel workbook, .xlsx; legacy .xls is not supported)',
  );
}

export function tooLarge(what: { zh: string; en: string }, maxBytes: number) {
  const mb = Math.round(maxBytes / 1024 / 1024);
  return badFile(
    `XLSX 文件中的${what.zh}解压后超过 ${mb} MB 上限,请删除多余内容或拆分文件`,
    `The ${what.en} of the XLSX file exceeds ${mb} MB once uncompressed; remove unused content or split the file`,
  );
}

async function entriesOf(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  const entries = new Map<string, yauzl.Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entries.size >= MAX_ENTRIES) {
        reject(notXlsx());
        return;
      }
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve());
    zip.once('error', () => reject(notXlsx()));
    zip.readEntry();
  });
  return entries;
}

export async function openXlsxZip(bytes: Buffer): Promise<XlsxZip> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true });
  } catch {
    throw notXlsx();
  }
  let entries: Map<string, yauzl.Entry>;
  try {
    entries = await entriesOf(zip);
  } catch (error) {
    zip.close();
    throw error;
  }
  return {
    sizes: new Map([...entries].map(([name, entry]) => [name, entry.uncompressedSize])),
    async *text(name, maxBytes, what) {
      const entry = entries.get(name);
      if (!entry) return;
      if (entry.uncompressedSize > maxBytes) throw tooLarge(what, maxBytes);
      const stream = await zip.openReadStreamPromise(entry).catch(() => {
        throw notXlsx();
      });
      const decoder = new TextDecoder('utf-8');
      let inflated = 0;
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          inflated += chunk.length;
          if (inflated > maxBytes) throw tooLarge(what, maxBytes);
          yield decoder.decode(chunk, { stream: true });
        }
      } catch (error) {
        if (error instanceof GraphQLError) throw error;
        throw notXlsx();
      } finally {
        stream.destroy();
      }
      yield decoder.decode();
    },
    close: () => zip.close(),
  };
}
