import { z } from 'zod';
import { IMAGE_BINDS, QR_BINDS, TEXT_BINDS } from '../profile.js';

/*
 * What ties an element to the unit's profile and what marks a template's sample content
 * (docs/templates.md). Spread into the element schemas (elements.ts) beside their own fields.
 *
 * `placeholder` holds the template's sample value of the element's content — the text, the QR
 * payload, the image's asset id ('' for an empty photo box). While the content is still that value
 * the element is a placeholder: preflight reports it as an error and print exports refuse it. Any
 * fill (the profile, --set, a batch cell) removes the field, which is also how a user confirms a
 * sample as theirs; an edit that changes the content ends it without touching the field.
 */

const Sample = z.string().max(2000, '示例内容过长（至多 2000 字）');

/** `{}` in a bind format stands for the profile's value, e.g. "{} 宣" or "全国反诈专线 {}". */
export const BIND_SLOT = '{}';

export const TextBinding = {
  /** The profile field this text shows. */
  bind: z.enum(TEXT_BINDS).optional(),
  /** How the text shows it; default the value alone. */
  bindFormat: z
    .string()
    .max(200)
    .refine((s) => s.includes(BIND_SLOT), '绑定格式中应有 {} 代表本单位信息')
    .optional(),
  placeholder: Sample.optional(),
};

export const QrBinding = {
  bind: z.enum(QR_BINDS).optional(),
  placeholder: Sample.optional(),
};

export const ImageBinding = {
  bind: z.enum(IMAGE_BINDS).optional(),
  placeholder: Sample.optional(),
};
