import { PROFILE_FIELD_NAMES, profileText, type ImageBind, type ProfileField, type UnitProfile } from '../profile.js';
import type { Asset } from './assets.js';
import { BIND_SLOT } from './binding.js';
import type { Design } from './design.js';

/** Asset ids the profile's images take inside a design. */
export const PROFILE_ASSET_IDS: Record<ImageBind, string> = { logo: 'profile-logo', mascot: 'profile-mascot' };

export interface ProfileFill {
  design: Design;
  /** Elements that now show the profile's value. */
  filled: string[];
  /** Bound elements the profile has nothing for: they keep the template's content. */
  missing: { elementId: string; field: ProfileField }[];
}

function profileImage(p: UnitProfile, field: ImageBind): Asset | undefined {
  return field === 'logo' ? p.logo : p.mascot?.image;
}

/**
 * The one place a design takes the unit's details (CLI --profile, batch, the studio): every
 * element bound to a profile field (`bind`) gets that field's value — a text through its
 * `bindFormat`, a QR code as its payload, an image as the profile's picture — and stops being a
 * placeholder. Fields the profile leaves empty leave their elements as they are, so a template's
 * sample stays visible and preflight names it. Pure: the input design is not changed.
 */
export function applyProfile(design: Design, profile: UnitProfile): ProfileFill {
  const out = JSON.parse(JSON.stringify(design)) as Design;
  const filled: string[] = [];
  const missing: ProfileFill['missing'] = [];
  for (const el of out.elements) {
    if (el.type !== 'text' && el.type !== 'qr' && el.type !== 'image') continue;
    if (!el.bind) continue;
    if (el.type === 'image') {
      const image = profileImage(profile, el.bind);
      if (!image) {
        missing.push({ elementId: el.id, field: el.bind });
        continue;
      }
      out.assets[PROFILE_ASSET_IDS[el.bind]] = { ...image };
      el.asset = PROFILE_ASSET_IDS[el.bind];
    } else {
      const value = profileText(profile, el.bind);
      if (!value) {
        missing.push({ elementId: el.id, field: el.bind });
        continue;
      }
      if (el.type === 'text') el.text = (el.bindFormat ?? BIND_SLOT).split(BIND_SLOT).join(value);
      else el.content = value;
    }
    delete el.placeholder;
    filled.push(el.id);
  }
  return { design: out, filled, missing };
}

/** "本单位信息未填写单位全称" lines for what a fill could not do, one per field. */
export function missingFieldNotes(fill: ProfileFill): string[] {
  const fields = [...new Set(fill.missing.map((m) => m.field))];
  return fields.map((f) => `本单位信息未填写「${PROFILE_FIELD_NAMES[f]}」，相应位置保留模板示例`);
}
