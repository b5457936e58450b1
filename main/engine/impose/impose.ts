import type { Design } from '../../core/index.js';
import type { AssetLoader } from '../assets/prepare.js';
import { refusePlaceholders } from '../preflight/placeholders.js';
import { scenesFor } from '../render.js';
import { trimArea } from '../scene/trim-shape.js';
import type { Scene } from '../scene/types.js';
import { itemPlacements, planImposition, type ImposePlan } from './plan.js';
import type { SheetSize } from './sheets.js';
import { writeImposedPdf } from './write-imposed.js';

export interface ImposeRequest {
  /** The pieces in the order they fill the sheets, each with how many to print. */
  items: readonly { design: Design; count: number }[];
  sheet: SheetSize;
  gapMm?: number;
  marginMm?: number;
  /** Pieces may be turned 90° to fit more (default); false for a material with a grain or a die that must not turn. */
  rotate?: boolean | undefined;
  /** The job's name on the sheet labels; default the first design's name. */
  job?: string;
  out: string;
  allowPlaceholder?: boolean;
  allowOverflow?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface ImposeReport {
  path: string;
  sheet: { name: string; label: string; widthMm: number; heightMm: number; turned: boolean };
  sheets: number;
  pieces: number;
  /** Pieces on each sheet. */
  perSheet: number[];
  /** Share of the sheets' area outside every piece's trim, 0–100. */
  wastePct: number;
  items: {
    name: string;
    count: number;
    widthMm: number;
    heightMm: number;
    sheets: number[];
    /** How many of its pieces the plan turned 90°. */
    rotated: number;
  }[];
}

/** What the plan says, as the CLI, the studio and the production order report it. */
export function imposeReport(
  path: string,
  scenes: readonly Scene[],
  counts: readonly number[],
  plan: ImposePlan,
  sheet: SheetSize,
): ImposeReport {
  return {
    path,
    sheet: { ...sheet, widthMm: plan.sheetWidthMm, heightMm: plan.sheetHeightMm, turned: plan.turned },
    sheets: plan.sheets.length,
    pieces: plan.sheets.reduce((n, s) => n + s.length, 0),
    perSheet: plan.sheets.map((s) => s.length),
    wastePct: plan.wastePct,
    items: scenes.map((s, i) => ({
      name: s.name,
      count: counts[i] ?? 0,
      widthMm: s.widthMm,
      heightMm: s.heightMm,
      ...itemPlacements(plan, i),
    })),
  };
}

export interface ImposeTarget {
  sheet: SheetSize;
  gapMm?: number | undefined;
  marginMm?: number | undefined;
  rotate?: boolean | undefined;
  /** The job's name on the sheet labels. */
  job: string;
  out: string;
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/** Built scenes and their quantities → the imposed PDF and its report (kits build their scenes themselves). */
export async function imposeScenes(
  scenes: readonly Scene[],
  counts: readonly number[],
  t: ImposeTarget,
): Promise<ImposeReport> {
  const plan = planImposition(
    scenes.map((s, i) => ({
      name: s.name,
      widthMm: s.widthMm,
      heightMm: s.heightMm,
      bleedMm: s.bleedMm,
      count: counts[i] ?? 0,
      areaMm2: trimArea(s),
    })),
    {
      sheet: t.sheet,
      ...(t.gapMm !== undefined ? { gapMm: t.gapMm } : {}),
      ...(t.marginMm !== undefined ? { marginMm: t.marginMm } : {}),
      ...(t.rotate !== undefined ? { rotate: t.rotate } : {}),
    },
  );
  await writeImposedPdf(t.out, { scenes, plan, job: t.job, sheetLabel: t.sheet.label }, t.onProgress);
  return imposeReport(t.out, scenes, counts, plan, t.sheet);
}

/**
 * Designs and quantities → an imposed print PDF (write-imposed.ts) and its report. Samples left in
 * a template and text that cannot fit are refused as a render refuses them.
 */
export async function imposeDesigns(req: ImposeRequest, load?: AssetLoader): Promise<ImposeReport> {
  const designs = req.items.map((i) => i.design);
  if (!req.allowPlaceholder) refusePlaceholders(designs);
  const scenes = await scenesFor(designs, req.allowOverflow ?? false, load);
  return imposeScenes(
    scenes,
    req.items.map((i) => i.count),
    { ...req, job: req.job ?? scenes[0]?.name ?? '拼版' },
  );
}
