import { promises as fs } from 'node:fs';
import {
  applyProfile,
  DesignSchema,
  parseOrThrow,
  StudioError,
  systemReason,
  UnitProfileSchema,
  type Design,
  type ProfileFill,
  type UnitProfile,
} from '../core/index.js';
import { DESIGN_JSON_LIMITS, parseJsonWithin } from '../core/json-limits.js';

/** A profile embeds the unit's logo and mascot; beyond this it is surely not a profile. */
const MAX_PROFILE_BYTES = 120 * 1024 * 1024;

/**
 * The unit's details in a design (core/design/apply-profile.ts does the filling), validated again
 * so a value that breaks a rule is reported like any bad design field. CLI, batch and studio all
 * come through here.
 */
export function fillProfile(design: Design, profile: UnitProfile): ProfileFill {
  const fill = applyProfile(design, profile);
  return { ...fill, design: parseOrThrow(DesignSchema, fill.design, '填入本单位信息后的设计') };
}

/** Read and validate a profile file (本单位信息.json); errors name the file and the bad fields. */
export async function readProfileFile(path: string): Promise<UnitProfile> {
  let text: string;
  try {
    const st = await fs.stat(path);
    if (st.isDirectory()) throw new StudioError('invalid-input', `本单位信息文件 ${path} 是一个文件夹`);
    if (st.size > MAX_PROFILE_BYTES)
      throw new StudioError('invalid-input', `本单位信息文件 ${path} 过大（超过 120 MB）`);
    text = await fs.readFile(path, 'utf8');
  } catch (err) {
    if (err instanceof StudioError) throw err;
    if ((err as NodeJS.ErrnoException).code === 'ENOENT')
      throw new StudioError('invalid-input', `找不到本单位信息文件 ${path}`, [
        '请核对路径，或在工作室的「本单位信息」中导出一份',
      ]);
    throw new StudioError('invalid-input', `无法读取本单位信息文件 ${path}：${systemReason(err)}`, [], { cause: err });
  }
  // The same shape limits as a design file from disk (it embeds a logo and a mascot, as base64).
  const json = parseJsonWithin(text, DESIGN_JSON_LIMITS, `本单位信息文件 ${path} `);
  return parseOrThrow(UnitProfileSchema, json, `本单位信息文件 ${path} `);
}
