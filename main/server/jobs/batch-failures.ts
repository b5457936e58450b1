import type { BatchRowFailure, BatchTable } from '../../core/batch.js';

/** A CSV field: quoted when needed; a leading = + - @ is defused so Excel never runs it as a formula. */
function field(raw: string): string {
  const s = /^[=+\-@]/.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The failed rows as a CSV the user opens in Excel or WPS, fixes and runs again: the data-row
 * number, the sheet's line, the reason, then the row's own cells under the table's headers.
 * UTF-8 with a BOM and CRLF, which Excel on Chinese Windows reads as UTF-8.
 */
export function failureCsv(failures: readonly BatchRowFailure[], table: BatchTable): string {
  const lines = [['数据行', '表格行', '原因', ...table.columns]];
  for (const f of failures) lines.push([String(f.row), String(f.row + 1), f.reason, ...(table.rows[f.row - 1] ?? [])]);
  return '\uFEFF' + lines.map((l) => l.map(field).join(',')).join('\r\n') + '\r\n';
}
