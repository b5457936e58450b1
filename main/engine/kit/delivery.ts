import type { Design, KitFailure, UnitProfile } from '../../core/index.js';
import { safeFileName } from '../batch/file-names.js';
import { refusePlaceholders } from '../preflight/placeholders.js';
import { renderScenes } from '../render.js';
import { packForShop, sceneOf, today, writeKitOrder, type OrderEntry } from './kit-order.js';
import { KitRun, numbered, type KitFile, type KitProgress } from './kit-run.js';

/*
 * The delivery package (交付包, issue #16 §1) for any set of designs a station made itself: each
 * design's print PDF, the production order (制作单, PDF and XLSX) with each one's quantity, and one
 * zip for the shop — what the market kit hands over, without the kit.
 */

export interface DeliveryRequest {
  /** The pieces in the order's order, each with how many the shop should make. */
  items: readonly { design: Design; count: number }[];
  profile?: UnitProfile;
  outDir: string;
  /** The job's name: the order's title and the zip's name. */
  job: string;
  allowPlaceholder?: boolean;
  /** YYYY-MM-DD on the order; default today. */
  date?: string;
  signal?: AbortSignal;
  onProgress?: (p: KitProgress) => void;
}

export interface DeliveryReport {
  outDir: string;
  files: KitFile[];
  /** The delivery package, relative to outDir (absent when no print file could be made). */
  zip?: string;
  failures: KitFailure[];
  cancelled: boolean;
}

export async function makeDelivery(req: DeliveryRequest): Promise<DeliveryReport> {
  const allow = req.allowPlaceholder ?? false;
  // Samples left in (no unit profile): said once, for every design, before anything is made.
  if (!allow) refusePlaceholders(req.items.map((i) => i.design));
  const n = req.items.length;
  const run = new KitRun(req.outDir, n + 2, req.onProgress, req.signal);
  const entries: OrderEntry[] = [];
  for (const [i, { design, count }] of req.items.entries()) {
    await run.step(design.name, async () => {
      const file = `${numbered(i, n, safeFileName(design.name) || '物料')}.pdf`;
      const scene = await sceneOf(design, allow);
      await renderScenes([scene], { out: run.path(file) });
      run.add(file, design.name, 'print');
      entries.push({ file, design, scene, quantity: count });
    });
  }
  await run.step('制作单', async () => {
    if (entries.length === 0) return;
    const files = await writeKitOrder(run, `制作单 — ${req.job}`, req.job, req.profile, req.date ?? today(), entries);
    for (const f of files) run.add(f, '制作单', 'order');
  });
  const zip = await packForShop(run, req.job, '物料');
  return {
    outDir: req.outDir,
    files: run.files,
    ...(zip ? { zip } : {}),
    failures: run.failures,
    cancelled: run.cancelled,
  };
}
