import { basename, extname } from 'node:path';
import { StudioError } from '../../core/index.js';
import type { AudienceRow } from '../../core/kit.js';
import { normWord } from '../../core/kit-words.js';
import { decodeText } from '../batch/decode-text.js';
import { readBytes, readTable, type TableSource } from '../batch/read-table.js';

/*
 * The audiences of a grid-group kit: a plain list (one a line: 老年人, or 老年人：公检法、保健品) or a
 * table with a column naming them (人群) and optionally one listing what to warn about (诈骗类型).
 */

/** Most audiences in one run: a week's material for a whole city's groups. */
export const MAX_AUDIENCES = 40;

const NAME = ['人群', '受众', '对象', '群体', '网格群', '人群类别'];
const WARNS = ['诈骗类型', '重点防范', '防范类型', '类型'];

const split = (s: string) =>
  s
    .split(/[、，,；;/|\s]+/u)
    .map((w) => w.trim())
    .filter(Boolean);

function row(audience: string, warns: string[]): AudienceRow {
  const name = audience.trim();
  if (name.length > 20) throw new StudioError('invalid-input', `人群名称「${name}」过长（至多 20 个字）`);
  return warns.length ? { audience: name, warns } : { audience: name };
}

function checked(rows: AudienceRow[], what: string): AudienceRow[] {
  if (rows.length === 0) throw new StudioError('invalid-input', `${what} 中没有人群`, ['一行写一类人群，如：老年人']);
  if (rows.length > MAX_AUDIENCES)
    throw new StudioError('too-large', `${what} 人群过多（${rows.length} 类，至多 ${MAX_AUDIENCES} 类）`);
  const seen = new Set<string>();
  for (const r of rows) {
    if (seen.has(r.audience)) throw new StudioError('invalid-input', `${what} 中「${r.audience}」重复`);
    seen.add(r.audience);
  }
  return rows;
}

/** 老年人 / 老年人：公检法、保健品 — one audience a line; blank lines and # comments skipped. */
export function audiencesFromText(text: string, what = '人群列表'): AudienceRow[] {
  const rows = text
    .split(/\r?\n/)
    .map((l) => l.replace(/#.*$/, '').trim())
    // A header line copied from a table (人群) is not an audience.
    .filter((l) => l && !NAME.includes(l))
    .map((l) => {
      const [name = '', rest = ''] = l.split(/[：:]/, 2);
      return row(name, split(rest));
    });
  return checked(rows, what);
}

export function audiencesFromTable(columns: readonly string[], rows: readonly string[][], what: string): AudienceRow[] {
  const find = (words: string[]) => columns.findIndex((c) => words.some((w) => normWord(c) === normWord(w)));
  const name = find(NAME);
  const warns = find(WARNS);
  if (name < 0) throw new StudioError('invalid-input', `${what} 需要「人群」一列`, [`现在的列：${columns.join('、')}`]);
  return checked(
    rows.flatMap((r) => {
      const a = (r[name] ?? '').trim();
      return a ? [row(a, warns < 0 ? [] : split(r[warns] ?? ''))] : [];
    }),
    what,
  );
}

/** A .txt list, or a CSV/XLSX table. */
export async function readAudiences(src: TableSource): Promise<AudienceRow[]> {
  const fileName = typeof src === 'string' ? src : src.fileName;
  const what = `人群表 ${basename(fileName)}`;
  if (extname(fileName).toLowerCase() === '.txt') {
    const data = typeof src === 'string' ? await readBytes(src, what) : src.data;
    return audiencesFromText((await decodeText(data, what)).text, what);
  }
  const table = await readTable(src);
  return audiencesFromTable(table.columns, table.rows, what);
}
