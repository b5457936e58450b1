import { z } from 'zod';
import { EmbeddedAssetSchema } from './design/assets.js';
import { STYLES, type Style } from './style-names.js';

/*
 * The unit's own details (本单位信息, issue #14 §1): set once, stored in the user's data folder,
 * and filled into every template's unit, hotline, QR, logo and mascot elements (apply-profile.ts).
 * One self-contained JSON file (images embedded), so a station can copy it to another PC or hand
 * it to the CLI with --profile. An empty string means "not set": the template's sample stays, and
 * preflight calls it a placeholder.
 */

export const PROFILE_SCHEMA_ID = 'campaign-studio/profile';
export const PROFILE_VERSION = 1;

/** The national anti-fraud dissuasion line (DESIGN.md §5); every profile has it. */
export const NATIONAL_HOTLINE = '96110';

export { STYLES, type Style } from './style-names.js';
export const StyleSchema = z.enum(Object.keys(STYLES) as [Style, ...Style[]], {
  message: `风格应为：${Object.keys(STYLES).join('、')}`,
});

const name = (max: number, what: string) => z.string().trim().max(max, `${what}不能超过 ${max} 个字`).default('');

export const LocalHotlineSchema = z.object({
  /** Who answers, e.g. 列东派出所 or 反诈中心. */
  label: z.string().trim().min(1, '请填写专线名称').max(20, '专线名称不能超过 20 个字'),
  number: z
    .string()
    .trim()
    .regex(/^[0-9][0-9 ()\-－]{2,19}$/, '电话号码只能含数字、空格、括号和 -（3 到 20 位）'),
});
export type LocalHotline = z.infer<typeof LocalHotlineSchema>;

/** What a QR code carries: a URL or any text, as the unit sets it (a template's sample is not it). */
const QrPayload = z.string().trim().max(1200, '二维码内容过长（至多 1200 字）').default('');

export const UnitProfileSchema = z.object({
  schema: z.literal(PROFILE_SCHEMA_ID, { message: `不是本单位信息文件（schema 应为 "${PROFILE_SCHEMA_ID}"）` }),
  version: z.literal(PROFILE_VERSION, { message: `不支持的本单位信息版本（本程序读取版本 ${PROFILE_VERSION}）` }),
  unit: z
    .object({
      /** 三明市公安局三元分局列东派出所. */
      full: name(60, '单位全称'),
      /** 列东派出所. */
      short: name(20, '单位简称'),
    })
    .default({ full: '', short: '' }),
  /** Local numbers beside 96110 (a station's duty phone, the city centre's line). */
  hotlines: z.array(LocalHotlineSchema).max(4, '本地专线至多 4 个').default([]),
  qr: z
    .object({
      /** Where the 国家反诈中心 App is downloaded, as the unit has verified it. */
      app: QrPayload,
      /** The unit's WeChat official account (its follow link or page). */
      wechat: QrPayload,
    })
    .default({ app: '', wechat: '' }),
  /** The unit's logo or emblem, as the user supplies it (the app never draws the police emblem). */
  logo: EmbeddedAssetSchema.optional(),
  /** The unit's mascot, e.g. Sanming's 明警小花. */
  mascot: z
    .object({ name: z.string().trim().max(20, '吉祥物名称不能超过 20 个字').default(''), image: EmbeddedAssetSchema })
    .optional(),
  /** The style the gallery shows first. */
  defaultStyle: StyleSchema.optional(),
});
export type UnitProfile = z.infer<typeof UnitProfileSchema>;
export type UnitProfileInput = z.input<typeof UnitProfileSchema>;

/** A profile with nothing set: every bound element keeps its template sample. */
export const emptyProfile = (): UnitProfile => UnitProfileSchema.parse({ schema: PROFILE_SCHEMA_ID, version: 1 });

/** The profile fields a text element can show. */
export const TEXT_BINDS = ['unit.full', 'unit.short', 'hotline', 'hotline.local'] as const;
/** The profile fields a QR code can carry. */
export const QR_BINDS = ['qr.app', 'qr.wechat'] as const;
/** The profile images an image element can show. */
export const IMAGE_BINDS = ['logo', 'mascot'] as const;
export type TextBind = (typeof TEXT_BINDS)[number];
export type QrBind = (typeof QR_BINDS)[number];
export type ImageBind = (typeof IMAGE_BINDS)[number];
export type ProfileField = TextBind | QrBind | ImageBind;

/** Each field's name as the settings screen and preflight messages say it. */
export const PROFILE_FIELD_NAMES: Record<ProfileField, string> = {
  'unit.full': '单位全称',
  'unit.short': '单位简称',
  hotline: '反诈专线 96110',
  'hotline.local': '本地专线',
  'qr.app': '国家反诈中心 App 二维码',
  'qr.wechat': '本单位公众号二维码',
  logo: '单位标志',
  mascot: '吉祥物',
};

/** Local hotlines as one line: 列东派出所 0598-8233110　反诈中心 0598-8888110. */
export const localHotlinesText = (p: UnitProfile): string =>
  p.hotlines.map((h) => `${h.label} ${h.number}`).join('\u3000');

/** A text or QR field's value; '' when the profile does not set it. */
export function profileText(p: UnitProfile, field: TextBind | QrBind): string {
  switch (field) {
    case 'unit.full':
      return p.unit.full;
    case 'unit.short':
      return p.unit.short;
    case 'hotline':
      return NATIONAL_HOTLINE;
    case 'hotline.local':
      return localHotlinesText(p);
    case 'qr.app':
      return p.qr.app;
    case 'qr.wechat':
      return p.qr.wechat;
  }
}
