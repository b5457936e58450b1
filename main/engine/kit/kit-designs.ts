import {
  designFromTemplate,
  DesignSchema,
  parseOrThrow,
  setContent,
  slotsOf,
  type Design,
  type UnitProfile,
} from '../../core/index.js';
import { fillProfile } from '../fill-profile.js';
import { getTemplate } from '../templates.js';

/**
 * A kit's piece: the template the kit's data names, with the unit's details and the kit's texts
 * in its slots. Slots the template lacks are skipped, so a kit can be pointed at another template
 * (the gallery's) without code changes.
 */
export function kitDesign(
  templateId: string,
  profile: UnitProfile | undefined,
  values: Record<string, string | undefined>,
  name: string,
): Design {
  let d = designFromTemplate(getTemplate(templateId));
  if (profile) d = fillProfile(d, profile).design;
  const slots = new Map(slotsOf(d).map((s) => [s.name, s]));
  for (const [slot, value] of Object.entries(values)) {
    const s = slots.get(slot);
    if (s && value) d = setContent(d, s.elementId, value);
  }
  return parseOrThrow(DesignSchema, { ...d, name }, `「${name}」的设计`);
}
