import { z } from 'zod';
import { AssetRefSchema, AssetSchema } from './assets.js';
import { BackgroundSchema } from './background.js';
import { ElementSchema, type Element } from './elements.js';
import { FormatSchema, KindSchema } from './format.js';
import { StyleSchema } from '../profile.js';
import { DESIGN_SCHEMA_ID, DESIGN_VERSION } from './version.js';

export { DESIGN_SCHEMA_ID, DESIGN_VERSION } from './version.js';
export { slotsOf, type SlotInfo } from './slots.js';

const DesignShape = {
  schema: z.literal(DESIGN_SCHEMA_ID, { message: `不是反诈物料工作室的设计文件（schema 应为 "${DESIGN_SCHEMA_ID}"）` }),
  version: z.literal(DESIGN_VERSION, { message: `不支持的设计文件版本（本程序读取版本 ${DESIGN_VERSION}）` }),
  name: z.string().max(200).default('未命名设计'),
  /** The template this design was made from, if any. */
  templateId: z.string().max(100).optional(),
  kind: KindSchema.optional(),
  format: FormatSchema,
  background: BackgroundSchema.default({ type: 'colour', colour: { rgb: '#FFFFFF' } }),
  elements: z.array(ElementSchema).max(500, '元素过多（至多 500 个）'),
  assets: z.record(z.string(), AssetSchema).default({}),
};

/** Checks that need the whole document: unique ids and slots, assets that exist. */
function checkReferences(
  d: { elements: Element[]; assets: Record<string, unknown>; background: z.infer<typeof BackgroundSchema> },
  ctx: z.RefinementCtx,
) {
  const ids = new Set<string>();
  const slots = new Set<string>();
  d.elements.forEach((el, i) => {
    if (ids.has(el.id))
      ctx.addIssue({ code: 'custom', path: ['elements', i, 'id'], message: `元素编号 "${el.id}" 重复` });
    ids.add(el.id);
    if (el.slot) {
      if (slots.has(el.slot))
        ctx.addIssue({ code: 'custom', path: ['elements', i, 'slot'], message: `槽位 "${el.slot}" 重复` });
      slots.add(el.slot);
    }
    if (el.type === 'image' && el.asset && !(el.asset in d.assets)) {
      ctx.addIssue({ code: 'custom', path: ['elements', i, 'asset'], message: `素材 "${el.asset}" 不在设计文件中` });
    }
  });
  d.elements.forEach((el, i) => {
    if (
      el.type === 'illustration' &&
      el.follow &&
      !d.elements.some((t) => t.id === el.follow?.element && t.type === 'text')
    )
      ctx.addIssue({
        code: 'custom',
        path: ['elements', i, 'follow', 'element'],
        message: `插图跟随的文字元素 "${el.follow.element}" 不存在`,
      });
  });
  if (d.background.type === 'image' && !(d.background.asset in d.assets)) {
    ctx.addIssue({
      code: 'custom',
      path: ['background', 'asset'],
      message: `素材 "${d.background.asset}" 不在设计文件中`,
    });
  }
}

/** A design as a file holds it (images embedded) and as the engine takes it (embedded or by reference). */
export const DesignSchema = z.object(DesignShape).superRefine(checkReferences);
export type Design = z.infer<typeof DesignSchema>;
export type DesignInput = z.input<typeof DesignSchema>;

/**
 * A design as the studio's API carries it: every image by reference (assets.ts), never its bytes.
 * It is a Design too, so the engine takes it as it is.
 */
export const StudioDesignSchema = z
  .object({ ...DesignShape, assets: z.record(z.string(), AssetRefSchema).default({}) })
  .superRefine(checkReferences);
export type StudioDesign = z.infer<typeof StudioDesignSchema>;

/** A template is a design with an id, a kind and a gallery title; its slots are its named elements. */
export const TemplateSchema = z
  .object({
    ...DesignShape,
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, '模板编号应为小写字母、数字和 -'),
    kind: KindSchema,
    title: z.string().min(1).max(60),
    description: z.string().max(400).default(''),
    /** The gallery's style family (filter, and the unit's default style). */
    style: StyleSchema.optional(),
  })
  .superRefine(checkReferences);
export type Template = z.infer<typeof TemplateSchema>;

/** A design made from a template: same content, the template's id remembered. */
export function designFromTemplate(t: Template): Design {
  const { id, title, description: _d, style: _s, ...rest } = t;
  return { ...(JSON.parse(JSON.stringify(rest)) as typeof rest), name: title, templateId: id };
}
