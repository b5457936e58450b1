import type { BatchReport } from '../../core/batch.js';

/**
 * The run's report as plain text, for 报告.txt in a zip and the CLI's summary: what was made,
 * then every failed row by its data-row number (the sheet's line is one more) and why.
 */
export function failureLines(report: Pick<BatchReport, 'failures'>): string[] {
  return report.failures.map((f) => `第 ${f.row} 行（表格第 ${f.row + 1} 行）：${f.reason}`);
}

export function reportText(report: BatchReport, source: { design: string; table: string }): string {
  const made = new Set(report.outputs.map((o) => o.row)).size;
  const lines = [
    '反诈物料工作室 批量生成报告',
    `模板：${source.design}`,
    `表格：${source.table}`,
    `数据行：${report.total}；成功 ${made} 行；失败 ${report.failures.length} 行${report.skipped.length ? `；空行跳过 ${report.skipped.length} 行` : ''}${report.cancelled ? '；已取消' : ''}`,
    '',
  ];
  if (report.failures.length) lines.push('失败的行：', ...failureLines(report).map((l) => `  ${l}`), '');
  if (report.skipped.length) lines.push(`空行（已跳过）：${report.skipped.join('、')}`, '');
  if (report.notes.length) lines.push('注意：', ...report.notes.map((n) => `  ${n}`), '');
  lines.push(
    '输出文件：',
    ...report.outputs.map((o) => `  第 ${o.row} 行 → ${o.fileName}${o.page ? `（第 ${o.page} 页）` : ''}`),
  );
  // CRLF and a BOM: Notepad on the users' Windows PCs shows it right.
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
