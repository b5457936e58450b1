import { xmlEvents } from './xml.js';

/**
 * XLSX stores a date as a number of days with a date format on the cell's style; without the
 * style a 日期 column would print as 45731. We read only which styles are dates (styles.xml
 * cellXfs → numFmtId, built-in or custom code) and write dates the way a Chinese notice does,
 * 2025年3月15日 (the cell's exact format code is not reproduced).
 */
export type DateKind = 'date' | 'month-day' | 'time' | 'date-time';

/** Built-in number formats that are dates or times (ECMA-376 §18.8.30, with the CJK ids). */
function builtinKind(id: number): DateKind | null {
  if ((id >= 14 && id <= 17) || id === 22 || (id >= 27 && id <= 31) || (id >= 34 && id <= 36) || (id >= 50 && id <= 58))
    return id === 22 ? 'date-time' : 'date';
  if ((id >= 18 && id <= 21) || (id >= 32 && id <= 33) || (id >= 45 && id <= 47)) return 'time';
  return null;
}

/** A custom format code's kind: look at letters outside quotes, brackets and escapes. */
export function codeKind(code: string): DateKind | null {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '').toLowerCase();
  const time = /[hs时秒]/.test(bare);
  if (/[y年]/.test(bare)) return time ? 'date-time' : 'date';
  if (/[d日月]/.test(bare)) return time ? 'date-time' : 'month-day';
  return time ? 'time' : null;
}

/** Style index (a cell's s="") → date kind, for the styles that are dates. */
export function dateStyles(stylesXml: string | undefined): Map<number, DateKind> {
  const out = new Map<number, DateKind>();
  if (!stylesXml) return out;
  const custom = new Map<number, DateKind | null>();
  let inXfs = false;
  let xf = 0;
  for (const ev of xmlEvents(stylesXml)) {
    if (ev.type === 'open' && ev.name === 'numFmt')
      custom.set(Number(ev.attrs.numFmtId), codeKind(ev.attrs.formatCode ?? ''));
    else if (ev.type === 'open' && ev.name === 'cellXfs') inXfs = !ev.selfClosing;
    else if (ev.type === 'close' && ev.name === 'cellXfs') inXfs = false;
    else if (inXfs && ev.type === 'open' && ev.name === 'xf') {
      const id = Number(ev.attrs.numFmtId ?? 0);
      const kind = custom.has(id) ? custom.get(id)! : builtinKind(id);
      if (kind) out.set(xf, kind);
      xf++;
    }
  }
  return out;
}

/** A serial day number as text: 2025年3月15日, 3月15日, 14:30 or 2025年3月15日 14:30. */
export function formatSerial(serial: number, kind: DateKind, date1904: boolean): string {
  // Day 0 of the 1900 system is 1899-12-30 (Excel's phantom 29 Feb 1900 included).
  const ms = Math.round((serial + (date1904 ? 1462 : 0)) * 86_400_000) + Date.UTC(1899, 11, 30);
  const d = new Date(ms);
  const ymd = `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
  const md = `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
  const hm = `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  return kind === 'date' ? ymd : kind === 'month-day' ? md : kind === 'time' ? hm : `${ymd} ${hm}`;
}
