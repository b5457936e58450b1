// Batch benchmark (issue 6): a 120-row table → 120 six-metre banner PDFs through the CLI, as a
// user runs it (whole process: start-up, table, fonts once, 120 layouts and PDFs). Target ≤ 30 s
// on 2 cores. Prints wall seconds and peak RSS. Uses the compiled build (npm run build first).
// Usage: node bench/batch.mjs [--rows N] [--template ID] [--single-pdf]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '120' },
    template: { type: 'string', default: 'banner-red-600x70' },
    'single-pdf': { type: 'boolean', default: false },
  },
});
const ROWS = Number(values.rows);
const ROOT = resolve(import.meta.dirname, '..');
const root = join(tmpdir(), `batch-bench-${process.pid}`);
mkdirSync(root, { recursive: true });

// 120 police stations, each with one of the library's slogans; the unit fills the template's
// 单位名称 slot where it has one (banner-yellow-500x70) and names the files in any case.
const slogans = JSON.parse(readFileSync(join(ROOT, 'templates', 'slogans', 'slogans.json'), 'utf8'));
const towns = ['城关', '东关', '西城', '南湖', '北山', '河口', '新区', '高新', '滨江', '古城', '桥头', '白沙'];
const lines = ['单位,标语'];
for (let i = 0; i < ROWS; i++) {
  const unit = `${towns[i % towns.length]}第${Math.floor(i / towns.length) + 1}派出所`;
  lines.push(`${unit},${slogans[i % slogans.length].text}`);
}
const csv = join(root, '派出所.csv');
writeFileSync(csv, '\uFEFF' + lines.join('\r\n') + '\r\n');

const out = join(root, 'out');
const args = [
  join(ROOT, 'bin', 'campaign-studio.js'),
  'batch',
  '--template',
  values.template,
  '--data',
  csv,
  '--out',
  out,
  '--name',
  '{序号}-{单位}-横幅',
  ...(values['single-pdf'] ? ['--single-pdf'] : []),
];
const hasTime = existsSync('/usr/bin/time');
try {
  const t0 = process.hrtime.bigint();
  const r = hasTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { encoding: 'utf8' })
    : spawnSync(process.execPath, args, { encoding: 'utf8' });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  const errLines = (r.stderr ?? '').trim().split('\n');
  const rssMb = hasTime ? Math.round(Number(errLines.at(-1)) / 1024) : NaN;
  const files = existsSync(out) ? readdirSync(out).filter((f) => f.endsWith('.pdf')).length : 0;
  if (r.status !== 0) {
    console.error(`batch failed (exit ${r.status}):\n${errLines.slice(-6).join('\n')}`);
    process.exitCode = 1;
  }
  console.log(
    `batch: ${ROWS} rows of ${values.template} → ${files} PDF${values['single-pdf'] ? ' (one multi-page file)' : 's'}: ${s.toFixed(2)} s (${((s * 1000) / ROWS).toFixed(0)} ms a row, whole process), peak RSS ${hasTime ? `${rssMb} MB` : 'not measured (no /usr/bin/time)'}; target ≤ 30 s`,
  );
} finally {
  rmSync(root, { recursive: true, force: true });
}
