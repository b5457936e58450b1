import type { Design } from '../../core/index.js';
import { fillSlots, parseAssignments } from '../../engine/fill-slots.js';
import { loadDesign } from '../../engine/load-design.js';
import { designSources } from '../args.js';

/** The designs named on the command line, with --set values filled into each. */
export async function designsFromArgs(v: {
  template?: string | undefined;
  design?: string[] | undefined;
  set?: string[] | undefined;
}): Promise<Design[]> {
  const sources = designSources(v);
  const assignments = parseAssignments(v.set ?? []);
  const designs: Design[] = [];
  for (const src of sources) designs.push(await fillSlots(await loadDesign(src), assignments));
  return designs;
}
