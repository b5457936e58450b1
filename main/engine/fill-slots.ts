import { promises as fs } from 'node:fs';
import { extname } from 'node:path';
import { DesignSchema, MAX_ASSET_BYTES, parseOrThrow, slotsOf, StudioError, type Design } from '../core/index.js';

const MIME: Record<string, 'image/png' | 'image/jpeg' | 'image/webp'> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
};

/** Parse "slot=value" pairs as given on the command line. */
export function parseAssignments(pairs: readonly string[]): [string, string][] {
  return pairs.map((p) => {
    const i = p.indexOf('=');
    if (i <= 0) throw new StudioError('invalid-input', `--set 的格式应为 槽位=内容，收到「${p}」`);
    // A literal \n typed in a shell is a line break in the slogan.
    return [p.slice(0, i).trim(), p.slice(i + 1).replace(/\\n/g, '\n')];
  });
}

/**
 * Fill named slots: text slots take the text, QR slots their content, image slots a file path
 * whose image is embedded so the design stays self-contained. The result is validated again, so
 * a value that breaks a rule (e.g. an over-long text) is reported like any bad design field.
 */
export async function fillSlots(design: Design, values: readonly [string, string][]): Promise<Design> {
  if (values.length === 0) return design;
  const out: Design = JSON.parse(JSON.stringify(design)) as Design;
  const slots = slotsOf(out);
  for (const [name, value] of values) {
    const idx = out.elements.findIndex((e) => e.slot === name);
    const el = out.elements[idx];
    if (!el) {
      const names = slots.map((s) => `${s.name}（${s.label}）`).join('、') || '（此设计没有槽位）';
      throw new StudioError('unknown-slot', `设计中没有名为「${name}」的槽位`, [`可用槽位：${names}`]);
    }
    if (el.type === 'text') el.text = value;
    else if (el.type === 'qr') el.content = value;
    else if (el.type === 'image') {
      const mime = MIME[extname(value).toLowerCase()];
      if (!mime) throw new StudioError('bad-image', `槽位「${name}」的图片 ${value} 不是 PNG、JPEG 或 WebP`);
      let data: Buffer;
      try {
        const st = await fs.stat(value);
        if (st.size > MAX_ASSET_BYTES) throw new StudioError('bad-image', `图片 ${value} 超过 50 MB`);
        data = await fs.readFile(value);
      } catch (err) {
        if (err instanceof StudioError) throw err;
        const file = value.split(/[\\/]/).pop() ?? value;
        // A missing file is the usual case (a typo in a table cell): name it, not the OS error.
        if ((err as NodeJS.ErrnoException).code === 'ENOENT')
          throw new StudioError('bad-image', `无法读取图片「${file}」：找不到这个文件，请核对文件名`);
        throw new StudioError('bad-image', `无法读取图片「${file}」`, [String((err as Error).message)]);
      }
      const assetId = `${el.id}-image`;
      out.assets[assetId] = { mime, data: data.toString('base64'), name: value.split(/[\\/]/).pop() ?? value };
      el.asset = assetId;
    } else throw new StudioError('unknown-slot', `槽位「${name}」不能填写内容`);
    // Filled on purpose: no longer the template's sample, even when the value is the same.
    delete el.placeholder;
  }
  return parseOrThrow(DesignSchema, out, '填写槽位后的设计');
}
