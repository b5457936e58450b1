import type { Design } from '../../core/index.js';
import { fillProfile, readProfileFile } from '../../engine/fill-profile.js';
import { fillSlots } from '../../engine/fill-slots.js';
import { loadDesign } from '../../engine/load-design.js';
import { assignments, designSources } from '../args.js';

/** The designs named on the command line, with the --profile unit's details, then --set values, filled into each. */
export async function designsFromArgs(v: {
  template?: string | undefined;
  design?: string[] | undefined;
  set?: string[] | undefined;
  profile?: string | undefined;
}): Promise<Design[]> {
  const sources = designSources(v);
  const values = assignments(v.set ?? []);
  const profile = v.profile === undefined ? undefined : await readProfileFile(v.profile);
  const designs: Design[] = [];
  for (const src of sources) {
    const design = await loadDesign(src);
    designs.push(await fillSlots(profile ? fillProfile(design, profile).design : design, values));
  }
  return designs;
}
