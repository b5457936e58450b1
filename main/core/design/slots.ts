import type { Element } from './elements.js';

/* A design's named slots. Zod-free: the page lists them in its form. */

export interface SlotInfo {
  name: string;
  label: string;
  type: Element['type'];
  elementId: string;
}

export function slotsOf(design: { elements: readonly Element[] }): SlotInfo[] {
  return design.elements.flatMap((el) =>
    el.slot ? [{ name: el.slot, label: el.label ?? el.slot, type: el.type, elementId: el.id }] : [],
  );
}
