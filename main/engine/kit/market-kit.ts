import { writeFile } from 'node:fs/promises';
import { StudioError, type KitFailure, type Stall, type StallPlan, type UnitProfile } from '../../core/index.js';
import { planMarketJingles } from '../../core/kit-market.js';
import { FRAUD_TYPES } from '../../core/slogan/index.js';
import { withAtomicFile } from '../../node/atomic.js';
import { safeFileName } from '../batch/file-names.js';
import { imposeScenes, type ImposeReport } from '../impose/impose.js';
import { parseSheet } from '../impose/sheets.js';
import { refusePlaceholders } from '../preflight/placeholders.js';
import { renderScenes } from '../render.js';
import type { Scene } from '../scene/types.js';
import { kitDesign } from './kit-designs.js';
import { marketJingleData, marketKitSpec } from './kit-data.js';
import { KitRun, numbered, type KitFile, type KitProgress } from './kit-run.js';
import { packForShop, sceneOf, today, writeKitOrder, type OrderEntry } from './kit-order.js';

/*
 * The market kit (反诈小铺套装, issue #16 §2): from a stall list, in one run, a display board per
 * stall, hanging tags and stickers for every stall imposed on sheets, the entrance banner and a
 * roll-up — each with its stall's own jingle and the unit's details — then the production order
 * (PDF and XLSX) and one zip for the print shop. Which templates, how many of each and which
 * fraud types go with which goods are data (templates/kits/market.json).
 */

export interface MarketKitRequest {
  stalls: readonly Stall[];
  /** The user's own choice of jingle per stall (a swap), by stall index; others are composed. */
  chosen?: readonly (string | null | undefined)[];
  profile?: UnitProfile;
  outDir: string;
  /** The event's name (market), on labels, the order and the zip; default the kit's title. */
  job?: string;
  allowPlaceholder?: boolean;
  /** YYYY-MM-DD on the order; default today. */
  date?: string;
  signal?: AbortSignal;
  onProgress?: (p: KitProgress) => void;
}

export interface MarketKitReport {
  outDir: string;
  plans: StallPlan[];
  files: KitFile[];
  /** The delivery package, relative to outDir (absent when nothing could be made). */
  zip?: string;
  imposed: { tags?: ImposeReport; stickers?: ImposeReport };
  failures: KitFailure[];
  cancelled: boolean;
}

export async function runMarketKit(req: MarketKitRequest): Promise<MarketKitReport> {
  const spec = marketKitSpec();
  const job = req.job?.trim() || spec.title;
  const allow = req.allowPlaceholder ?? false;
  const plans = planMarketJingles(req.stalls, marketJingleData(), req.chosen ?? []);
  const withJingle = plans.filter((p) => p.jingle);
  if (withJingle.length === 0)
    throw new StudioError(
      'invalid-input',
      '没有一个摊位能编出押韵的标语',
      plans.flatMap((p) => p.problem ?? []),
    );
  // Samples left in (no unit profile): said once, before anything is made.
  const first = withJingle[0]!;
  const probe = kitDesign(spec.board.template, req.profile, { slogan: first.jingle!.text }, spec.board.label);
  if (!allow) refusePlaceholders([probe]);

  const n = req.stalls.length;
  // Boards, the tag and sticker designs, two imposed files, banner, roll-up, order, list, zip.
  const run = new KitRun(req.outDir, n * 2 + 2 + 2 + 3, req.onProgress, req.signal);
  const sheet = parseSheet(spec.sheet);
  const entries: OrderEntry[] = [];
  const tags: { scene: Scene; count: number }[] = [];
  const stickers: { scene: Scene; count: number }[] = [];

  for (const [i, plan] of plans.entries()) {
    const stall = req.stalls[i]!;
    const name = numbered(i, n, safeFileName(stall.name) || '摊位');
    const j = plan.jingle;
    if (!j) {
      run.skip(`「${stall.name}」展板`, plan.problem ?? '没有标语');
      run.skip(`「${stall.name}」吊牌和贴纸`, plan.problem ?? '没有标语');
      continue;
    }
    await run.step(`「${stall.name}」展板`, async () => {
      const design = kitDesign(
        spec.board.template,
        req.profile,
        { slogan: j.text, tips: j.tip, title: `反诈小铺 · ${stall.name}` },
        `${spec.board.label} · ${stall.name}`,
      );
      const scene = await sceneOf(design, allow);
      const file = `${spec.board.label}/${name}-${spec.board.label}.pdf`;
      await renderScenes([scene], { out: run.path(file) });
      run.add(file, design.name, 'print');
      entries.push({ file, design, scene, quantity: 1 });
    });
    await run.step(`「${stall.name}」吊牌和贴纸`, async () => {
      const tag = kitDesign(spec.tag.template, req.profile, { slogan: j.text }, `${spec.tag.label} · ${stall.name}`);
      const sticker = kitDesign(
        spec.sticker.template,
        req.profile,
        { slogan: j.text },
        `${spec.sticker.label} · ${stall.name}`,
      );
      const [t, s] = [await sceneOf(tag, allow), await sceneOf(sticker, allow)];
      tags.push({ scene: t, count: stall.tags ?? spec.tag.perStall });
      stickers.push({ scene: s, count: stall.stickers ?? spec.sticker.perStall });
    });
  }

  const imposed: MarketKitReport['imposed'] = {};
  for (const [key, piece, list] of [
    ['tags', spec.tag, tags],
    ['stickers', spec.sticker, stickers],
  ] as const) {
    const pieces = list.filter((x) => x.count > 0);
    const item = `${piece.label}拼版`;
    if (pieces.length === 0) {
      run.skip(item, `没有可拼版的${piece.label}`);
      continue;
    }
    await run.step(item, async () => {
      const file = `拼版/${piece.label}-${sheet.label}拼版.pdf`;
      const r = await imposeScenes(
        pieces.map((x) => x.scene),
        pieces.map((x) => x.count),
        { sheet, job: `${job} ${piece.label}`, out: run.path(file) },
      );
      imposed[key] = r;
      run.add(file, `${piece.label}（${r.items.length} 款，${r.pieces} 件，${r.sheets} 张 ${sheet.label}）`, 'print');
      const firstScene = pieces[0]!.scene;
      entries.push({
        file,
        design: kitDesign(piece.template, req.profile, {}, piece.label),
        scene: firstScene,
        quantity: r.pieces,
        imposed: { ...r, designs: r.items.length },
        title: `${piece.label}（${r.items.length} 款，每款 ${[...new Set(pieces.map((x) => x.count))].join('/')} 个）`,
      });
    });
  }

  // The entrance banner and the roll-up carry the first two stalls' jingles (the list's order is the user's).
  const headline = [withJingle[0]!, withJingle[1] ?? withJingle[0]!];
  for (const [k, piece, file] of [
    [0, spec.banner, `${spec.banner.label}.pdf`],
    [1, spec.rollup, `${spec.rollup.label}.pdf`],
  ] as const) {
    await run.step(piece.label, async () => {
      const design = kitDesign(
        piece.template,
        req.profile,
        { slogan: headline[k]!.jingle!.text },
        `${piece.label} · ${job}`,
      );
      const scene = await sceneOf(design, allow);
      await renderScenes([scene], { out: run.path(file) });
      run.add(file, design.name, 'print');
      entries.push({ file, design, scene, quantity: 1 });
    });
  }

  await run.step('制作单', async () => {
    const files = await writeKitOrder(run, `制作单 — ${spec.title}`, job, req.profile, req.date ?? today(), entries);
    for (const f of files) run.add(f, '制作单', 'order');
  });

  await run.step('标语清单', async () => {
    const lines = plans.map((p, i) =>
      p.jingle
        ? `${i + 1}. ${p.stall.name}（${p.stall.goods.join('、')}）\n   ${p.jingle.text}\n   防范：${FRAUD_TYPES[p.jingle.fraudType]}。${p.jingle.tip.replace(/\n/g, '，')}`
        : `${i + 1}. ${p.stall.name}：${p.problem ?? '没有标语'}`,
    );
    const file = '标语清单.txt';
    await withAtomicFile(run.path(file), (f) =>
      writeFile(f.tempPath, `${job} 各摊位标语\n\n${lines.join('\n\n')}\n`, { flag: 'wx' }),
    );
    run.add(file, '各摊位标语与防骗提示', 'text');
  });

  const zip = await packForShop(run, job, '反诈小铺');

  return {
    outDir: req.outDir,
    plans,
    files: run.files,
    ...(zip ? { zip } : {}),
    imposed,
    failures: run.failures,
    cancelled: run.cancelled,
  };
}
