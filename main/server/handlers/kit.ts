import { readFile } from 'node:fs/promises';
import type { ImposePreview, ImposeRequest, SheetSpec } from '../../core/api-kit.js';
import type { KIT_API } from '../../core/api-kit.js';
import { designFromTemplate, profileText, type Design, type UnitProfile } from '../../core/index.js';
import { planGridAudiences } from '../../core/kit-grid.js';
import { planMarketJingles } from '../../core/kit-market.js';
import { FRAUD_TYPES, type FraudType } from '../../core/slogan/index.js';
import { fillProfile } from '../../engine/fill-profile.js';
import { itemPlacements, planImposition } from '../../engine/impose/plan.js';
import { parseSheet, SHEETS, type SheetSize } from '../../engine/impose/sheets.js';
import { readAudiences } from '../../engine/kit/audiences.js';
import { gridJingleData } from '../../engine/kit/grid-kit.js';
import { gridKitSpec, marketJingleData } from '../../engine/kit/kit-data.js';
import { readStalls } from '../../engine/kit/stalls.js';
import { buildScene } from '../../engine/scene/build-scene.js';
import { trimArea } from '../../engine/scene/trim-shape.js';
import { getTemplate } from '../../engine/templates.js';
import type { StudioContext } from '../context.js';
import { exportFileName } from '../jobs/export-task.js';
import { gridKitJob, imposeJob, marketKitJob } from '../jobs/kit-jobs.js';
import { method, type Handler } from './result.js';

/** The imposition and kit methods of the contract (api-kit.ts). */

const sheetOf = (s: SheetSpec): SheetSize =>
  typeof s === 'string' ? SHEETS[s] : parseSheet(`${s.widthMm}x${s.heightMm}`);

/** The pieces as designs: templates with the unit's details in, designs as the studio has them. */
function itemDesigns(req: ImposeRequest, profile: UnitProfile): { design: Design; count: number }[] {
  return req.items.map((i) => ({
    design: i.templateId ? fillProfile(designFromTemplate(getTemplate(i.templateId)), profile).design : i.design!,
    count: i.count,
  }));
}

/**
 * The paper a piece uses, as the imposed PDF counts it: a piece cut along a picture by its traced
 * outline (which needs its scene), every other piece by its format's trim.
 */
const areaOf = (d: Design): number =>
  d.format.shape === 'contour' ? trimArea(buildScene(d).scene) : trimArea({ ...d.format, contour: undefined });

function preview(items: { design: Design; count: number }[], req: ImposeRequest): ImposePreview {
  const plan = planImposition(
    items.map(({ design: d, count }) => ({
      name: d.name,
      widthMm: d.format.widthMm,
      heightMm: d.format.heightMm,
      bleedMm: d.format.bleedMm,
      count,
      areaMm2: areaOf(d),
    })),
    {
      sheet: sheetOf(req.sheet),
      ...(req.gapMm !== undefined ? { gapMm: req.gapMm } : {}),
      ...(req.rotate !== undefined ? { rotate: req.rotate } : {}),
    },
  );
  return {
    sheetWidthMm: plan.sheetWidthMm,
    sheetHeightMm: plan.sheetHeightMm,
    sheets: plan.sheets.length,
    pieces: plan.sheets.reduce((n, s) => n + s.length, 0),
    perSheet: plan.sheets.map((s) => s.length),
    wastePct: plan.wastePct,
    items: items.map(({ design: d }, i) => ({
      name: d.name,
      widthMm: d.format.widthMm,
      heightMm: d.format.heightMm,
      round: d.format.shape === 'circle',
      ...itemPlacements(plan, i),
    })),
    first: plan.sheets[0] ?? [],
  };
}

async function uploaded(ctx: StudioContext, uploadId: string): Promise<{ data: Buffer; fileName: string }> {
  const up = ctx.uploads.get(uploadId);
  try {
    return { data: await readFile(up.path), fileName: up.name };
  } finally {
    ctx.uploads.release(uploadId);
  }
}

export function kitHandlers(ctx: StudioContext): Record<keyof typeof KIT_API, Handler> {
  const { log, jobs, profile } = ctx;
  const contact = (p: UnitProfile) => ({ unit: p.unit.short || p.unit.full, local: profileText(p, 'hotline.local') });
  return {
    planImpose: method('planImpose', async (req) => preview(itemDesigns(req, await profile.current()), req), log),
    startImpose: method(
      'startImpose',
      async (req) => {
        const items = itemDesigns(req, await profile.current());
        // Checked here too, so a piece that cannot go on the sheet is said at once, not as a failed job.
        preview(items, req);
        const job = req.job || items[0]!.design.name;
        const input = {
          items,
          sheet: sheetOf(req.sheet),
          gapMm: req.gapMm,
          rotate: req.rotate,
          job,
          allowPlaceholder: req.allowPlaceholder ?? false,
        };
        const fileName = exportFileName({ name: `${job}-拼版` }, 'pdf');
        return { jobId: jobs.start(imposeJob(input, fileName, ctx.assets.dir)) };
      },
      log,
    ),
    readStallTable: method(
      'readStallTable',
      async ({ uploadId }) => ({ stalls: await readStalls(await uploaded(ctx, uploadId)) }),
      log,
    ),
    planMarketKit: method(
      'planMarketKit',
      ({ stalls, chosen }) => planMarketJingles(stalls, marketJingleData(), chosen ?? []),
      log,
    ),
    startMarketKit: method(
      'startMarketKit',
      async ({ stalls, chosen, job, allowPlaceholder }) => ({
        jobId: jobs.start(
          marketKitJob({
            stalls,
            chosen: chosen ?? [],
            profile: await profile.current(),
            job,
            allowPlaceholder: allowPlaceholder ?? false,
          }),
        ),
      }),
      log,
    ),
    gridAudiences: method(
      'gridAudiences',
      () =>
        Object.entries(gridKitSpec().audiences).map(([audience, a]) => ({
          audience,
          warns: a.warns.map((w) => gridKitSpec().topics[w]?.label ?? FRAUD_TYPES[w as FraudType] ?? w),
        })),
      log,
    ),
    readAudienceList: method(
      'readAudienceList',
      async ({ uploadId }) => ({ audiences: await readAudiences(await uploaded(ctx, uploadId)) }),
      log,
    ),
    planGridKit: method(
      'planGridKit',
      async ({ audiences }) => planGridAudiences(audiences, gridJingleData(), contact(await profile.current())),
      log,
    ),
    startGridKit: method(
      'startGridKit',
      async ({ audiences, allowPlaceholder }) => ({
        jobId: jobs.start(
          gridKitJob({ audiences, profile: await profile.current(), allowPlaceholder: allowPlaceholder ?? false }),
        ),
      }),
      log,
    ),
  };
}
