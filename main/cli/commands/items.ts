import { existsSync } from 'node:fs';
import { isDesignFileName } from '../../core/design-file.js';
import { StudioError, type Design } from '../../core/index.js';
import { fillProfile, readProfileFile } from '../../engine/fill-profile.js';
import { loadDesign } from '../../engine/load-design.js';
import { UsageError } from '../io.js';

/** `--item DESIGN[:COUNT]…` of `impose` and `order`: pieces and how many of each. */

/** At most this many of one piece: a week's stickers for a big market, and some. */
const MAX_COUNT = 100_000;

/**
 * "贴纸.csdesign:50", "sticker-round-red-40:12", "C:\\设计\\贴纸.csdesign:50": the count is what follows the
 * last colon when it is a whole number (a Windows drive letter is not); no count means one.
 */
export function parseItem(spec: string): { source: string; count: number } {
  const m = /^(.*):(\d+)$/.exec(spec);
  const source = m ? m[1]! : spec;
  const count = m ? Number(m[2]) : 1;
  if (!source) throw new UsageError(`--item「${spec}」缺少设计文件或模板编号`);
  if (count < 1 || count > MAX_COUNT) throw new UsageError(`--item「${spec}」的数量应在 1 到 ${MAX_COUNT} 之间`);
  return { source, count };
}

/** A design file when the name is one (or looks like one), else a template id. */
async function itemDesign(source: string): Promise<Design> {
  if (isDesignFileName(source) || existsSync(source)) return loadDesign({ designFile: source });
  return loadDesign({ template: source });
}

/** Every `--item` as a design (the unit's details filled in when a profile is given) and its count. */
export async function readItems(
  specs: readonly string[],
  profileFile: string | undefined,
): Promise<{ design: Design; count: number }[]> {
  const profile = profileFile === undefined ? undefined : await readProfileFile(profileFile);
  const items: { design: Design; count: number }[] = [];
  for (const spec of specs) {
    const { source, count } = parseItem(spec);
    let design: Design;
    try {
      design = await itemDesign(source);
    } catch (e) {
      if (e instanceof StudioError) throw new StudioError(e.code, `--item「${spec}」：${e.message}`, e.details);
      throw e;
    }
    items.push({ design: profile ? fillProfile(design, profile).design : design, count });
  }
  return items;
}
