import { z } from 'zod';
import { Empty, type MethodSpec } from './api-common.js';
import { AssetRefSchema, AssetSchema } from './design/assets.js';
import { StudioDesignSchema } from './design/design.js';
import { ILLUSTRATION_GROUPS, type IllustrationGroup } from './illustrations.js';
import { UnitProfileSchema } from './profile.js';

/*
 * The unit's own details (本单位信息, issue #14 §1) and the illustration set, for the settings
 * screen, the editor's pickers and "fill my unit's details in". The profile is stored on the main
 * side (the user's data folder); templates opened in the studio are filled from it.
 */

/** The mascot's name is the profile's; only its picture changes form. */
const MascotName = UnitProfileSchema.shape.mascot.unwrap().shape.name;

/**
 * The profile as the studio's page holds it: its pictures by reference, as design images are
 * (docs/server.md) — the page never carries their bytes. Saving takes either form and embeds them.
 */
export const StudioProfileSchema = UnitProfileSchema.extend({
  logo: AssetRefSchema.optional(),
  mascot: z.object({ name: MascotName, image: AssetRefSchema }).optional(),
});
export type StudioProfile = z.infer<typeof StudioProfileSchema>;
const SavedProfileSchema = UnitProfileSchema.extend({
  logo: AssetSchema.optional(),
  mascot: z.object({ name: MascotName, image: AssetSchema }).optional(),
});

export const StoredProfileSchema = z.object({
  profile: StudioProfileSchema,
  /** Whether a profile has been saved; otherwise `profile` is empty and templates keep their samples. */
  saved: z.boolean(),
  /** The saved file could not be used (it is kept, and moved aside when a new profile is saved). */
  problem: z.string().optional(),
  /** Where it is stored, for the user to find and back up. */
  path: z.string(),
});
export type StoredProfile = z.infer<typeof StoredProfileSchema>;

export const IllustrationSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  keywords: z.array(z.string()),
  group: z.enum(Object.keys(ILLUSTRATION_GROUPS) as [IllustrationGroup, ...IllustrationGroup[]]),
  /** A small standalone SVG of the picture, for the picker. */
  svg: z.string(),
});
export type IllustrationSummary = z.infer<typeof IllustrationSummarySchema>;

export const PROFILE_API = {
  getProfile: { input: Empty, output: StoredProfileSchema },
  /**
   * Replace the stored profile (atomically). Its pictures come by reference (added with addAsset),
   * or embedded (a profile file read elsewhere); the stored file embeds them.
   */
  saveProfile: {
    input: z.object({ profile: SavedProfileSchema }).strict(),
    output: z.object({ path: z.string(), movedAside: z.string().optional() }),
    large: true,
  },
  /** The design with the stored profile filled into every bound element. */
  applyProfile: {
    input: z.object({ design: StudioDesignSchema }).strict(),
    output: z.object({ design: StudioDesignSchema, filled: z.array(z.string()), notes: z.array(z.string()) }),
    large: true,
  },
  /** Pictures of the offline set for a search in Chinese (鱼, 菜, 鸡, 手机, 盾牌); empty: all of them. */
  listIllustrations: {
    input: z.object({ query: z.string().trim().max(40).default('') }).strict(),
    output: z.array(IllustrationSummarySchema),
  },
} as const satisfies Record<string, MethodSpec>;
