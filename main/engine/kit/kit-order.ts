import { profileText, type Design, type UnitProfile } from '../../core/index.js';
import type { ImposeReport } from '../impose/impose.js';
import { writeOrderPdf } from '../order/order-pdf.js';
import { orderLine, type ProductionOrder } from '../order/order-lines.js';
import { writeOrderXlsx } from '../order/order-xlsx.js';
import { renderRasterBuffer } from '../output/raster/render-raster.js';
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
