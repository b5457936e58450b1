import { preflight } from '../../engine/preflight/preflight.js';
import { DESIGN_OPTIONS, parse } from '../args.js';
import { out } from '../io.js';
import { designsFromArgs } from './design-input.js';

const LEVEL = { error: '错误', warning: '警告', info: '提示' } as const;
const fmtMm = (v: number): string => String(Math.round(v * 10) / 10);

/** Exit 0 when nothing blocks printing (warnings allowed), 3 when a finding is an error. */
export async function preflightCommand(argv: string[]): Promise<number> {
  const { values: v } = parse(argv, { ...DESIGN_OPTIONS, json: { type: 'boolean' } });
  const reports = [];
  for (const d of await designsFromArgs(v)) reports.push(await preflight(d));
  if (v.json) out(JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2));
  else {
    for (const r of reports) {
      out(`印前检查：${r.design}`);
      // How each text was set, line by line: what the print shop will get.
      for (const t of r.text) {
        const name = t.label ? `${t.label}（${t.elementId}）` : t.elementId;
        out(`  ${name} ${fmtMm(t.sizeMm)} mm${t.vertical ? ' 竖排' : ''}：${t.lines.join(' ／ ')}`);
      }
      if (r.findings.length === 0) out('  未发现问题');
      for (const f of r.findings) out(`  [${LEVEL[f.severity]}] ${f.message}`);
    }
  }
  return reports.every((r) => r.ok) ? 0 : 3;
}
