import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { designFromTemplate, UnitProfileSchema, type Design, type UnitProfile } from '../../main/core/index.js';
import { fillProfile } from '../../main/engine/fill-profile.js';
import { getTemplate } from '../../main/engine/templates.js';

/** A real unit's details (Sanming's 列东派出所; logo and mascot are test images, not real ones). */
export const SANMING_PROFILE_FILE = resolve(import.meta.dirname, '../fixtures/profile/sanming-liedong.json');

export const sanmingProfile = (): UnitProfile =>
  UnitProfileSchema.parse(JSON.parse(readFileSync(SANMING_PROFILE_FILE, 'utf8')));

/** A template as a station would start from it: the unit's details filled in. */
export const filledTemplate = (id: string, profile: UnitProfile = sanmingProfile()): Design =>
  fillProfile(designFromTemplate(getTemplate(id)), profile).design;
