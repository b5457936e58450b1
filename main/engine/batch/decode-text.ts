import { StudioError } from '../../core/index.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/**
 * Bytes of a text file → string, as a Chinese Windows user's files come: UTF-8 with or without
 * a BOM (Excel's "CSV UTF-8", WPS, editors), UTF-16 with a BOM (Excel's "Unicode text"), or the
 * ANSI code page GBK when the bytes are not valid UTF-8 (Excel's plain "CSV" on Chinese Windows).
 * GB18030 is read for GBK: it is a superset, so rare characters in names survive too.
 */
export async function decodeText(bytes: Uint8Array, what: string): Promise<{ text: string; encoding: TextEncoding }> {
  const b = bytes;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { text: utf8(b.subarray(3), what), encoding: 'utf-8' };
  if (b[0] === 0xff && b[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(b.subarray(2)), encoding: 'utf-16le' };
  if (b[0] === 0xfe && b[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(b.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(b), encoding: 'utf-8' };
  } catch {
    // Loaded only here: most files are UTF-8, and the CLI bundle keeps iconv-lite external.
    const iconv = (await import('iconv-lite')).default;
    return { text: iconv.decode(Buffer.from(b.buffer, b.byteOffset, b.byteLength), 'gb18030'), encoding: 'gb18030' };
  }
}

/** A file that declares UTF-8 (by its BOM) but is not: say so rather than print mojibake. */
function utf8(b: Uint8Array, what: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    throw new StudioError('invalid-input', `${what} 标明为 UTF-8 编码，但内容不是有效的 UTF-8`, [
      '请在 Excel 或 WPS 中重新另存为「CSV UTF-8（逗号分隔）」',
    ]);
  }
}
