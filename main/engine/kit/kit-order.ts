import { profileText, StudioError, type Design, type UnitProfile } from '../../core/index.js';
import { safeFileName } from '../batch/file-names.js';
import { writeZip } from '../batch/write-zip.js';
import type { ImposeReport } from '../impose/impose.js';
import { writeOrderPdf } from '../order/order-pdf.js';
import { orderLine, type ProductionOrder } from '../order/order-lines.js';
import { writeOrderXlsx } from '../order/order-xlsx.js';
import { renderRasterBuffer } from '../output/raster/render-raster.js';
import { refusePlaceholders } from '../preflight/placeholders.js';
import { scenesFor } from '../render.js';
import type { Scene } from '../scene/types.js';
import { productionDefaults } from './kit-data.js';
import type { KitRun } from './kit-run.js';

/** A print file of a kit, as its order line needs it. */
export interface OrderEntry {
  file: string;
  /** For its kind (material and finishing defaults) and its title. */
  design: Design;
  /** For its size and thumbnail. */
  scene: Scene;
  quantity: number;
  imposed?: ImposeReport & { designs: number };
  title?: string;
}

/** Thumbnails are drawn this many pixels on their long side (sharp in a 22 mm cell at 150 dpi). */
const THUMB_PX = 160;

async function thumbnail(scene: Scene): Promise<Buffer | undefined> {
  const landscape = scene.widthMm >= scene.heightMm;
  const widthPx = landscape ? THUMB_PX : Math.max(1, Math.round((THUMB_PX * scene.widthMm) / scene.heightMm));
  try {
    return (await renderRasterBuffer(scene, { format: 'png', widthPx })).data;
  } catch {
    // A thumbnail is a courtesy: the order is still right without it.
    return undefined;
  }
}

/** The kit's production order, as 制作单.pdf and 制作单.xlsx in the run's folder; their paths. */
export async function writeKitOrder(
  run: KitRun,
  title: string,
  job: string,
  profile: UnitProfile | undefined,
  date: string,
  entries: readonly OrderEntry[],
): Promise<string[]> {
  const defaults = productionDefaults();
  const lines = entries.map((e) =>
    orderLine(
      {
        file: e.file,
        title: e.title ?? e.design.name,
        kind: e.design.kind ?? 'poster',
        widthMm: e.scene.widthMm,
        heightMm: e.scene.heightMm,
        ...(e.scene.shape ? { shape: e.scene.shape } : {}),
        quantity: e.quantity,
        ...(e.imposed
          ? {
              imposed: {
                sheets: e.imposed.sheets,
                sheetLabel: e.imposed.sheet.label,
                sheetWidthMm: e.imposed.sheet.widthMm,
                sheetHeightMm: e.imposed.sheet.heightMm,
                pieces: e.imposed.pieces,
                designs: e.imposed.designs,
              },
            }
          : {}),
      },
      defaults,
    ),
  );
  const thumbnails: (Buffer | undefined)[] = [];
  for (const e of entries) thumbnails.push(await thumbnail(e.scene));
  const local = profile ? profileText(profile, 'hotline.local') : '';
  const order: ProductionOrder = {
    title,
    job,
    unit: profile?.unit.full || '（未填写本单位信息）',
    contact: local,
    date,
    lines,
    thumbnails,
  };
  await writeOrderPdf(run.path('制作单.pdf'), order);
  await writeOrderXlsx(run.path('制作单.xlsx'), order);
  return ['制作单.pdf', '制作单.xlsx'];
}

/** The order's date: today where the station is, YYYY-MM-DD. */
export const today = () => new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 10);

/** One scene of a design, its failures as StudioErrors (text that cannot fit, a sample left). */
export async function sceneOf(design: Design, allowPlaceholder: boolean): Promise<Scene> {
  if (!allowPlaceholder) refusePlaceholders([design]);
  const [scene] = await scenesFor([design], false);
  return scene!;
}

/**
 * The last step of a run for the shop: every file of it but the officer's images in one zip,
 * `<job>-交付包.zip`; its name (undefined when the step failed: no print file was made).
 */
export async function packForShop(run: KitRun, job: string, fallback: string): Promise<string | undefined> {
  return run.step('交付压缩包', async () => {
    const shop = run.files.filter((f) => f.role !== 'image');
    if (!shop.some((f) => f.role === 'print')) throw new StudioError('output-failed', '没有做成任何印刷文件，未打包');
    const name = `${safeFileName(job) || fallback}-交付包.zip`;
    await writeZip(
      run.path(name),
      shop.map((f) => ({ path: run.path(f.path), name: f.path })),
      [],
    );
    run.add(name, `交付给印刷厂的压缩包（${shop.length} 个文件）`, 'zip');
    return name;
  });
}
