import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkSlogan } from '../../../main/core/slogan/index.js';
import { audiencesFromText, readAudiences } from '../../../main/engine/kit/audiences.js';
import { runGridKit, type GridKitReport } from '../../../main/engine/kit/grid-kit.js';
import { OUT_DIR } from '../../helpers/designs.js';
import { sanmingProfile } from '../../helpers/profile.js';
import { zipEntries } from '../../helpers/zip-entries.js';

const DIR = `${OUT_DIR}kit-grid/`;
beforeAll(() => mkdirSync(DIR, { recursive: true }));

const SIZES: Record<string, [number, number]> = {
  '竖图-1080x1920.jpg': [1080, 1920],
  '方图-1080x1080.jpg': [1080, 1080],
  '封面-900x383.jpg': [900, 383],
};

describe('the grid-group kit for five audiences', () => {
  let r: GridKitReport;
  const out = `${DIR}five/`;

  beforeAll(async () => {
    rmSync(out, { recursive: true, force: true });
    const audiences = audiencesFromText('老年人\n学生\n宝妈\n个体商户\n企业财务：冒充领导, 公检法\n');
    r = await runGridKit({ audiences, profile: sanmingProfile(), outDir: out });
  }, 120_000);

  it('makes one folder per audience with its images and the message to paste', async () => {
    expect(r.failures).toEqual([]);
    const folders = readdirSync(out).filter((f) => statSync(`${out}${f}`).isDirectory());
    expect(folders).toEqual(['01-老年人', '02-学生', '03-宝妈', '04-个体商户', '05-企业财务']);
    for (const [i, f] of folders.entries()) {
      const files = readdirSync(`${out}${f}`).sort();
      expect(files).toEqual(['封面-900x383.jpg', '方图-1080x1080.jpg', '竖图-1080x1920.jpg', '群消息.txt']);
      for (const [name, [w, h]] of Object.entries(SIZES)) {
        const m = await sharp(`${out}${f}/${name}`).metadata();
        expect([m.format, m.width, m.height]).toEqual(['jpeg', w, h]);
        // Kept well under WeChat's 5 MB (measured 60–250 KB at quality 90).
        expect(statSync(`${out}${f}/${name}`).size).toBeLessThan(1024 * 1024);
      }
      const message = readFileSync(`${out}${f}/群消息.txt`, 'utf8');
      expect(message).toContain(r.plans[i]!.jingle);
      expect(message).toContain('96110');
      expect(message).toContain('列东派出所 0598-1234110');
      // The jingle line, two or three short sentences.
      const sentences = message.split('\n').slice(1).join('').split('。').filter(Boolean);
      expect(sentences.length).toBeGreaterThanOrEqual(2);
      expect(sentences.length).toBeLessThanOrEqual(3);
    }
  });

  it('gives each audience its own rhyming jingle for the fraud types that target it', () => {
    const jingles = r.plans.map((p) => p.jingle);
    expect(new Set(jingles).size).toBe(5);
    for (const j of jingles) expect(checkSlogan(j).rhyme, j).not.toBe('none');
    expect(r.plans[0]!.warns.map((w) => w.label)).toEqual(['冒充公检法及政府机关', '保健品诈骗', '养老投资诈骗']);
    expect(r.plans[4]!.warns.map((w) => w.id)).toEqual(['fake-acquaintance', 'fake-officials']);
  });

  it('packs everything in one zip', async () => {
    const names = [...(await zipEntries(`${out}网格群宣防包.zip`)).keys()];
    expect(names).toHaveLength(20);
    expect(names).toContain('03-宝妈/群消息.txt');
  });
});

describe('audience lists', () => {
  it('an unknown fraud type is named, and the other audiences are made', async () => {
    const out = `${DIR}bad/`;
    rmSync(out, { recursive: true, force: true });
    const r = await runGridKit({
      audiences: audiencesFromText('学生\n渔民：外星诈骗'),
      profile: sanmingProfile(),
      outDir: out,
    });
    expect(r.failures.length).toBe(4);
    expect(r.failures.every((f) => f.item.includes('渔民') && f.reason.includes('外星诈骗'))).toBe(true);
    expect(existsSync(`${out}01-学生/竖图-1080x1920.jpg`)).toBe(true);
  }, 60_000);

  it('reads a CSV table with a 人群 column and a 诈骗类型 column', async () => {
    const csv = Buffer.from('人群,诈骗类型\n老年人,公检法 保健品\n学生,\n', 'utf8');
    expect(await readAudiences({ data: csv, fileName: '人群.csv' })).toEqual([
      { audience: '老年人', warns: ['公检法', '保健品'] },
      { audience: '学生' },
    ]);
  });

  it('refuses a list with the same audience twice', () => {
    expect(() => audiencesFromText('学生\n学生')).toThrow(/重复/);
  });
});
