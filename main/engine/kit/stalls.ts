import { StallsSchema, parseOrThrow, StudioError, type Stall } from '../../core/index.js';
import { fraudTypeOf, normWord } from '../../core/kit-words.js';
import { FRAUD_TYPES } from '../../core/slogan/index.js';
import { readTable, type TableSource } from '../batch/read-table.js';

/*
 * A market's stall list (摊位表) as a table: a column naming each stall and one listing its goods
 * (鱼摊 | 鲫鱼 草鱼), optionally the fraud type it should warn about and its quantities of tags and
 * stickers. Headers are recognised by the usual words; goods are split at spaces and 、，,；/.
 */

const COLUMNS = {
  name: ['摊位', '摊位名称', '摊位名', '名称', '档口', '摊主'],
  goods: ['商品', '主营商品', '主营', '货品', '品种', '经营品种', '商品名称'],
  fraud: ['诈骗类型', '防范类型', '提醒类型', '类型'],
  stickers: ['贴纸', '贴纸数量', '贴纸数'],
  tags: ['吊牌', '吊牌数量', '吊牌数'],
} as const;

const norm = normWord;

const splitGoods = (cell: string) =>
  cell
    .split(/[\s、，,；;/|]+/u)
    .map((g) => g.trim())
    .filter(Boolean);

function quantity(cell: string | undefined, what: string, row: number): number | undefined {
  if (cell === undefined || cell.trim() === '') return undefined;
  const n = Number(cell.trim());
  if (!Number.isInteger(n) || n < 0 || n > 10_000)
    throw new StudioError('invalid-input', `摊位表第 ${row} 行的${what}「${cell}」应为 0 到 10000 的整数`);
  return n;
}

/** Rows of a table → stalls, with every problem named by its row (the data row, 1 = under the header). */
export function stallsFromTable(columns: readonly string[], rows: readonly string[][]): Stall[] {
  const find = (words: readonly string[]) => {
    const i = columns.findIndex((c) => words.some((w) => norm(c) === norm(w)));
    return i < 0 ? undefined : i;
  };
  const at = { name: find(COLUMNS.name), goods: find(COLUMNS.goods), fraud: find(COLUMNS.fraud) };
  const qty = { stickers: find(COLUMNS.stickers), tags: find(COLUMNS.tags) };
  if (at.name === undefined || at.goods === undefined)
    throw new StudioError('invalid-input', '摊位表需要「摊位」和「商品」两列', [
      `现在的列：${columns.join('、')}`,
      '例如：摊位 | 商品，一行一个摊位：鱼摊 | 鲫鱼 草鱼',
    ]);
  const stalls: Stall[] = [];
  rows.forEach((r, k) => {
    const row = k + 1;
    const name = (r[at.name!] ?? '').trim();
    const goods = splitGoods(r[at.goods!] ?? '');
    if (!name && goods.length === 0) return;
    if (!name) throw new StudioError('invalid-input', `摊位表第 ${row} 行没有摊位名称`);
    if (goods.length === 0) throw new StudioError('invalid-input', `摊位表第 ${row} 行「${name}」没有写商品`);
    const fraudCell = at.fraud === undefined ? '' : (r[at.fraud] ?? '').trim();
    const fraudType = fraudTypeOf(fraudCell);
    if (fraudCell && !fraudType)
      throw new StudioError('invalid-input', `摊位表第 ${row} 行的诈骗类型「${fraudCell}」无法识别`, [
        `可写：${Object.values(FRAUD_TYPES).join('、')}`,
      ]);
    const stickers = quantity(qty.stickers === undefined ? undefined : r[qty.stickers], '贴纸数量', row);
    const tags = quantity(qty.tags === undefined ? undefined : r[qty.tags], '吊牌数量', row);
    stalls.push({
      name,
      goods,
      ...(fraudType ? { fraudType } : {}),
      ...(stickers !== undefined ? { stickers } : {}),
      ...(tags !== undefined ? { tags } : {}),
    });
  });
  parseOrThrow(StallsSchema, stalls, '摊位表');
  return stalls;
}

/** A CSV (UTF-8 or GBK) or XLSX stall list. */
export async function readStalls(src: TableSource): Promise<Stall[]> {
  const table = await readTable(src);
  return stallsFromTable(table.columns, table.rows);
}
