import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSlogan } from '../../main/core/slogan/index.js';
import { studio } from '../helpers/cli.js';
import { OUT_DIR } from '../helpers/designs.js';

// The rhyme judgements themselves are tested in test/core/slogan; here, what the command prints.
describe('campaign-studio slogan', () => {
  it('check --json prints the core check as it is', async () => {
    const text = '乌鸡土鸡大公鸡、听说转账就挂机';
    const r = await studio(['slogan', 'check', text, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(checkSlogan(text))));
  });

  it('check names the verdict in Chinese', async () => {
    const r = await studio(['slogan', 'check', '白菜青菜油麦菜，陌生电话别接听']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('不押韵');
  });

  it('check refuses a slogan that is not two halves', async () => {
    const r = await studio(['slogan', 'check', '白菜青菜油麦菜莫给骗子当韭菜']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('两半');
  });

  it('suggest composes rhyming jingles for goods and a fraud type (ids or Chinese names)', async () => {
    const r = await studio([
      'slogan',
      'suggest',
      '--goods',
      '蔬菜',
      '--fraud-type',
      'rebate',
      '--count',
      '5',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const list = JSON.parse(r.stdout) as { text: string; halves: string[]; rhyme: string }[];
    expect(list.length).toBeGreaterThan(0);
    expect(list.length).toBeLessThanOrEqual(5);
    for (const c of list) expect(c.text).toBe(c.halves.join('、'));
  });

  it('suggest finds warning halves for a first half', async () => {
    const r = await studio(['slogan', 'suggest', '--first-half', '乌鸡土鸡大公鸡', '--count', '3']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^ 1\. 乌鸡土鸡大公鸡、/m);
  });

  it('names the valid choices for an unknown goods category or fraud type', async () => {
    const a = await studio(['slogan', 'suggest', '--goods', '汽车']);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('蔬菜（vegetables）');
    const b = await studio(['slogan', 'suggest', '--goods', 'fish', '--fraud-type', 'lottery']);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('刷单返利（rebate）');
  });
});

describe('campaign-studio slogans list', () => {
  it('filters the library by goods and fraud type', async () => {
    const r = await studio(['slogans', 'list', '--goods', 'poultry', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const list = JSON.parse(r.stdout) as { text: string; goods: string[] }[];
    expect(list.some((s) => s.text === '乌鸡土鸡大公鸡、听说转账就挂机')).toBe(true);
    expect(list.every((s) => s.goods.includes('poultry'))).toBe(true);
  });
});

describe('campaign-studio convert', () => {
  it('converts text, and every text of a design file into a new file', async () => {
    const t = await studio(['convert', '--text', '莫给骗子当韭菜']);
    expect(t.stdout.trim()).toBe('莫給騙子當韭菜');
    const dir = join(OUT_DIR, 'convert');
    mkdirSync(dir, { recursive: true });
    const src = join(dir, 'in.json');
    writeFileSync(
      src,
      JSON.stringify({
        schema: 'campaign-studio/design',
        version: 1,
        format: { widthMm: 100, heightMm: 50 },
        elements: [
          {
            id: 's',
            type: 'text',
            text: '听说转账就挂机',
            box: { x: 0, y: 0, w: 100, h: 50 },
            size: { mode: 'fixed', mm: 8 },
          },
        ],
      }),
    );
    const r = await studio(['convert', '--design', src, '--out', join(dir, 'out.json'), '--to', 'traditional']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toContain('聽說轉賬就掛機');
  });
});
