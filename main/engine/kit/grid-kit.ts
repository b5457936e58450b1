import { stat, writeFile } from 'node:fs/promises';
import { StudioError, type AudiencePlan, type KitFailure, type UnitProfile } from '../../core/index.js';
import type { AudienceRow } from '../../core/kit.js';
import { mainTip, planGridAudiences, type GridJingleData } from '../../core/kit-grid.js';
import { profileText } from '../../core/index.js';
import { withAtomicFile } from '../../node/atomic.js';
import { safeFileName } from '../batch/file-names.js';
import { writeZip } from '../batch/write-zip.js';
import { keyAreaFindings } from '../preflight/key-area.js';
import { refusePlaceholders } from '../preflight/placeholders.js';
import { renderScenes } from '../render.js';
import { prepareAssets } from '../assets/prepare.js';
import { buildScene } from '../scene/build-scene.js';
import { sloganLexicon, sloganLibrary } from '../slogan-library.js';
import { kitDesign } from './kit-designs.js';
import { fraudTips, gridKitSpec } from './kit-data.js';
import { KitRun, numbered, type KitFile, type KitProgress } from './kit-run.js';

/*
 * The grid-group kit (网格群宣防包, issue #16 §3): for each audience a folder with its WeChat images
 * (a phone poster, a square, an article cover whose key text stays in the centre square that a
 * forwarded card shows) and the message to paste with them. Images are JPEG at the kit's quality
 * (templates/kits/grid.json; docs/print.md says why), at the platform's exact pixel size.
 */

export interface GridKitRequest {
  audiences: readonly AudienceRow[];
  profile?: UnitProfile;
  outDir: string;
  allowPlaceholder?: boolean;
  signal?: AbortSignal;
  onProgress?: (p: KitProgress) => void;
}

export interface GridKitReport {
  outDir: string;
  plans: AudiencePlan[];
  files: KitFile[];
  zip?: string;
  failures: KitFailure[];
  cancelled: boolean;
  /** Each image's size in bytes, for the report (WeChat's 5 MB cap). */
  bytes: { path: string; bytes: number }[];
}

/** Over this an image is refused: WeChat does not send larger files as images. */
const WECHAT_MAX_BYTES = 5 * 1024 * 1024;

export function gridJingleData(): GridJingleData {
  return { spec: gridKitSpec(), tips: fraudTips(), slogans: sloganLibrary(), lexicon: sloganLexicon() };
}

export async function runGridKit(req: GridKitRequest): Promise<GridKitReport> {
  const spec = gridKitSpec();
  const data = gridJingleData();
  const contact = req.profile
    ? { unit: req.profile.unit.short || req.profile.unit.full, local: profileText(req.profile, 'hotline.local') }
    : undefined;
  const plans = planGridAudiences(req.audiences, data, contact);
  const allow = req.allowPlaceholder ?? false;
  const n = plans.length;
  const run = new KitRun(req.outDir, n * (spec.images.length + 1) + 1, req.onProgress, req.signal);
  const bytes: GridKitReport['bytes'] = [];

  for (const [i, plan] of plans.entries()) {
    const folder = numbered(i, n, safeFileName(plan.audience) || '人群');
    if (plan.problem || !plan.jingle) {
      for (const img of spec.images) run.skip(`「${plan.audience}」${img.label}`, plan.problem ?? '没有标语');
      run.skip(`「${plan.audience}」群消息`, plan.problem ?? '没有标语');
      continue;
    }
    const values = { slogan: plan.jingle, tips: mainTip(plan, data), title: `${plan.audience}防骗` };
    for (const img of spec.images) {
      await run.step(`「${plan.audience}」${img.label}`, async () => {
        const design = kitDesign(img.template, req.profile, values, `${plan.audience} · ${img.label}`);
        if (!allow) refusePlaceholders([design]);
        const built = buildScene(design, await prepareAssets(design));
        // A cover whose key text left the centre square would be cut when forwarded: not made.
        const crop = keyAreaFindings(design, built.text);
        if (crop.length) throw new StudioError('invalid-input', crop.map((f) => f.message).join('；'));
        if (built.scene.notes.some((x) => x.kind === 'overflow'))
          throw new StudioError(
            'text-overflow',
            '文字放不下',
            built.scene.notes.map((x) => x.message),
          );
        const file = `${folder}/${safeFileName(img.file)}.jpg`;
        await renderScenes([built.scene], { out: run.path(file), format: 'jpeg', quality: spec.jpegQuality });
        const size = (await stat(run.path(file))).size;
        if (size > WECHAT_MAX_BYTES)
          throw new StudioError('too-large', `图片 ${(size / 1024 / 1024).toFixed(1)} MB，超过微信的 5 MB`);
        bytes.push({ path: file, bytes: size });
        run.add(file, `${plan.audience} · ${img.label}`, 'image');
      });
    }
    await run.step(`「${plan.audience}」群消息`, async () => {
      const file = `${folder}/群消息.txt`;
      await withAtomicFile(run.path(file), (f) => writeFile(f.tempPath, `${plan.message}\n`, { flag: 'wx' }));
      run.add(file, `${plan.audience} · 群消息`, 'text');
    });
  }

  let zip: string | undefined;
  await run.step('压缩包', async () => {
    const files = [...run.files];
    if (files.length === 0) throw new StudioError('output-failed', '没有做成任何图片，未打包');
    const name = `${safeFileName(spec.title)}.zip`;
    await writeZip(
      run.path(name),
      files.map((f) => ({ path: run.path(f.path), name: f.path })),
      [],
    );
    zip = name;
    run.add(name, `全部人群的图片和群消息（${files.length} 个文件）`, 'zip');
  });

  return {
    outDir: req.outDir,
    plans,
    files: run.files,
    ...(zip ? { zip } : {}),
    failures: run.failures,
    cancelled: run.cancelled,
    bytes,
  };
}
