import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkSlogan, splitHalves } from '../../../main/core/slogan/index.js';
import { readXlsx } from '../../../main/engine/batch/xlsx.js';
import { runMarketKit, type MarketKitReport } from '../../../main/engine/kit/market-kit.js';
import { readStalls } from '../../../main/engine/kit/stalls.js';
import { OUT_DIR } from '../../helpers/designs.js';
import { PdfReader } from '../../helpers/pdf-reader.js';
import { sanmingProfile } from '../../helpers/profile.js';
import { zipEntries } from '../../helpers/zip-entries.js';
import { makeXlsx } from '../batch/xlsx-fixture.js';

const DIR = `${OUT_DIR}kit-market/`;
beforeAll(() => mkdirSync(DIR, { recursive: true }));

/** Ten stalls of a market hall, as a station would type them into a spreadsheet. */
export const TEN_STALLS: [string, string][] = [
  ['鱼摊', '鲫鱼 草鱼'],
  ['菜摊', '白菜 青菜'],
  ['禽摊', '乌鸡 土鸡'],
  ['虾蟹摊', '基围虾 螃蟹'],
  ['水果摊', '苹果 香蕉'],
  ['肉摊', '猪肉 排骨'],
  ['蛋摊', '鸡蛋、鸭蛋'],
  ['菌菇摊', '香菇 平菇'],
  ['豆腐摊', '豆腐 豆干'],
  ['粮油店', '大米 菜籽油'],
];

async function stallTable(rows: [string, string][]): Promise<Buffer> {
  const strings = ['摊位', '商品', ...rows.flat()];
  const cell = (col: string, r: number, s: string) => `<c r="${col}${r}" t="s"><v>${strings.indexOf(s)}</v></c>`;
  const body = [['摊位', '商品'] as [string, string], ...rows]
    .map(([a, b], i) => `<row r="${i + 1}">${cell('A', i + 1, a)}${cell('B', i + 1, b)}</row>`)
    .join('');
  return makeXlsx({ sheets: [{ name: '摊位', rows: body }], sharedStrings: strings });
}

const flat = (s: string) => s.replace(/[\s、，,]/g, '');

describe('the market kit from a 10-stall table', () => {
  let r: MarketKitReport;
  const out = `${DIR}ten/`;

  beforeAll(async () => {
    rmSync(out, { recursive: true, force: true });
    const stalls = await readStalls({ data: await stallTable(TEN_STALLS), fileName: '摊位表.xlsx' });
    expect(stalls).toHaveLength(10);
    r = await runMarketKit({ stalls, profile: sanmingProfile(), outDir: out, job: '列东菜市场', date: '2026-03-15' });
  }, 120_000);

  it('makes 10 different jingles that each rhyme (by the engine) and name that stall’s goods', () => {
    const texts = r.plans.map((p) => p.jingle?.text ?? '');
    expect(new Set(texts).size).toBe(10);
    expect(new Set(texts.map((t) => splitHalves(t)[1])).size).toBe(10);
    for (const [i, p] of r.plans.entries()) {
      expect(checkSlogan(p.jingle!.text).rhyme, p.jingle!.text).not.toBe('none');
      const [first] = splitHalves(p.jingle!.text);
      for (const g of TEN_STALLS[i]![1].split(/[ 、]/))
        expect(first, `${p.stall.name}: ${p.jingle!.text}`).toContain(g);
      expect(p.jingle!.tip.length).toBeGreaterThan(4);
      expect(p.alternatives.every((a) => !texts.includes(a.text))).toBe(true);
    }
    // The Sanming seeds come out as the market says them.
    expect(texts[0]).toMatch(/^鲫鱼草鱼/);
    expect(texts[1]).toMatch(/^白菜青菜.*菜、.*菜$/);
    expect(texts[2]).toMatch(/^乌鸡土鸡/);
  });

  it('makes every piece: boards, imposed tags and stickers, banner, roll-up, order, list, zip — and nothing failed', async () => {
    expect(r.failures).toEqual([]);
    const boards = r.files.filter((f) => f.path.startsWith('摊位展板/'));
    expect(boards).toHaveLength(10);
    for (const [i, b] of boards.entries()) {
      const pdf = PdfReader.open(`${out}${b.path}`);
      expect(flat(pdf.text()), b.path).toContain(flat(r.plans[i]!.jingle!.text));
      expect(pdf.text()).toContain('列东派出所');
    }
    expect(r.imposed.tags).toMatchObject({ pieces: 200, items: expect.any(Array) });
    expect(r.imposed.stickers).toMatchObject({ pieces: 500 });
    expect(r.imposed.stickers!.items).toHaveLength(10);
    const stickers = PdfReader.open(`${out}拼版/贴纸-A3拼版.pdf`);
    expect(stickers.pageCount).toBe(r.imposed.stickers!.sheets);
    expect(stickers.content(0)).toContain('/OC /OcCut BDC');
    for (const f of [
      '入口横幅.pdf',
      '易拉宝.pdf',
      '制作单.pdf',
      '制作单.xlsx',
      '标语清单.txt',
      '列东菜市场-交付包.zip',
    ])
      expect(existsSync(`${out}${f}`), f).toBe(true);
    expect(flat(PdfReader.open(`${out}入口横幅.pdf`).text())).toContain(flat(r.plans[0]!.jingle!.text));
  });

  it('the order opens as XLSX with a row per print file', async () => {
    const rows = (await readXlsx(readFileSync(`${out}制作单.xlsx`), '制作单')).slice(3);
    expect(rows.map((x) => x[2])).toEqual([
      ...r.files.filter((f) => f.path.startsWith('摊位展板/')).map((f) => f.path),
      '拼版/吊牌-A3拼版.pdf',
      '拼版/贴纸-A3拼版.pdf',
      '入口横幅.pdf',
      '易拉宝.pdf',
    ]);
    expect(rows[0]!.slice(5, 9)).toEqual(['KT 板', '覆膜', '1', '块']);
    expect(rows[11]!.slice(5, 9)).toEqual(['不干胶', '模切', String(r.imposed.stickers!.sheets), '张']);
  });

  it('the zip holds every print file and the order, and nothing else', async () => {
    const names = [...(await zipEntries(`${out}列东菜市场-交付包.zip`)).keys()].sort();
    const expected = r.files.filter((f) => f.role !== 'zip').map((f) => f.path);
    expect(names).toEqual(expected.sort());
    expect(names).toContain('制作单.xlsx');
    expect(names.filter((n) => n.endsWith('.pdf'))).toHaveLength(10 + 2 + 2 + 1);
  });
});

describe('a market kit with a stall that cannot be made', () => {
  it('names the failing piece and makes all the others', async () => {
    const out = `${DIR}one-bad/`;
    rmSync(out, { recursive: true, force: true });
    const stalls = TEN_STALLS.slice(0, 3).map(([name, g]) => ({ name, goods: g.split(' ') }));
    // A jingle far too long for a 50 mm sticker even at its smallest size (1.7 mm): its tag and
    // sticker cannot be set.
    const long = `乌鸡土鸡大公鸡芦花鸡老母鸡三黄鸡、听说转账就挂机${'不要转账'.repeat(40)}`;
    const r = await runMarketKit({ stalls, chosen: [null, null, long], profile: sanmingProfile(), outDir: out });
    expect(r.failures.map((f) => f.item)).toContain('「禽摊」吊牌和贴纸');
    expect(r.failures.every((f) => f.item.includes('禽摊'))).toBe(true);
    expect(r.imposed.stickers?.items).toHaveLength(2);
    expect(existsSync(`${out}摊位展板/01-鱼摊-摊位展板.pdf`)).toBe(true);
    expect(r.zip).toBeDefined();
  }, 60_000);

  it('without the unit’s details it stops before making anything (samples would print)', async () => {
    const out = `${DIR}no-profile/`;
    rmSync(out, { recursive: true, force: true });
    await expect(
      runMarketKit({ stalls: [{ name: '鱼摊', goods: ['鲫鱼', '草鱼'] }], outDir: out }),
    ).rejects.toMatchObject({
      code: 'placeholder',
    });
    expect(existsSync(`${out}摊位展板`)).toBe(false);
  });
});
