import { promises as fs } from 'node:fs';
import { basename, extname } from 'node:path';
import { MAX_BATCH_ROWS, tooManyRows, type BatchTable } from '../../core/batch.js';
import { StudioError, systemReason } from '../../core/index.js';
import { parseCsv, sniffDelimiter } from './csv.js';
import { decodeText } from './decode-text.js';
import { tableFromRecords } from './table.js';
import { readXlsx } from './xlsx.js';

/** A table file is small; beyond this it is not a list of police stations. */
export const MAX_TABLE_BYTES = 20 * 1024 ** 2;

export type TableSource = string | { data: Buffer; fileName: string };

/**
 * A CSV or XLSX file → its table (first row the header). Read from a path, or from bytes with
 * the file's name (what the studio receives from a file picker). The kind is judged by content
 * (a zip is XLSX whatever its name says), so a renamed file still reads. Errors name the file.
 */
export async function readTable(src: TableSource): Promise<BatchTable> {
  const fileName = typeof src === 'string' ? src : src.fileName;
  const what = `表格 ${basename(fileName)}`;
  const data = typeof src === 'string' ? await readBytes(src, what) : src.data;
  if (data.length > MAX_TABLE_BYTES) throw new StudioError('too-large', `${what} 过大（超过 20 MB）`);
  if (data.length === 0) throw new StudioError('invalid-input', `${what} 是空文件`);
  if (data[0] === 0x50 && data[1] === 0x4b) return tableFromRecords(await readXlsx(data, what), what);
  if (data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0) {
    throw new StudioError('invalid-input', `${what} 是旧版 Excel（.xls）或 WPS 格式，不能直接读取`, [
      '请在 Excel 或 WPS 中另存为 .xlsx 或 CSV',
    ]);
  }
  if (['.xlsx', '.xlsm'].includes(extname(fileName).toLowerCase()))
    throw new StudioError('invalid-input', `${what} 不是有效的 XLSX 文件`);
  const { text } = await decodeText(data, what);
  if (text.includes('\u0000'))
    throw new StudioError('invalid-input', `${what} 不是文本表格（含有二进制内容）`, ['请使用 CSV 或 XLSX 文件']);
  // The header and the rows allowed are kept; the rest only counted, for the message.
  const { records, total } = parseCsv(text, sniffDelimiter(text), what, MAX_BATCH_ROWS + 1);
  if (total - 1 > MAX_BATCH_ROWS) throw tooManyRows(what, total - 1);
  return tableFromRecords(records, what);
}

/** A table file's bytes, its problems (a folder, too large, unreadable) said in Chinese. */
export async function readBytes(path: string, what: string): Promise<Buffer> {
  try {
    const st = await fs.stat(path);
    if (st.isDirectory()) throw new StudioError('invalid-input', `${what} 是一个文件夹`);
    if (st.size > MAX_TABLE_BYTES) throw new StudioError('too-large', `${what} 过大（超过 20 MB）`);
    return await fs.readFile(path);
  } catch (err) {
    if (err instanceof StudioError) throw err;
    throw new StudioError('invalid-input', `无法读取${what}：${systemReason(err)}`, [], { cause: err });
  }
}
