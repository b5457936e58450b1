import { nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

interface PlaceOptions {
  radius?: number;
  /** The node's transform at rest (origin 0 0), e.g. its element's rotation. */
  transform?: string;
}

/**
 * Sets an element's position and size through the CSSOM (the CSP forbids style attributes). The
 * transform at rest is kept in `data-base` and written only when it changes, so a drag that moves
 * the node by its own transform (data/gestures.ts) is not undone by an unrelated re-render.
 */
class PlaceDirective extends Directive {
  private base: string | undefined;

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('place() goes on an element');
  }

  render(_r: Box | undefined, _o?: PlaceOptions) {
    return nothing;
  }

  override update(part: ElementPart, [r, o]: [Box | undefined, PlaceOptions?]) {
    const el = part.element as HTMLElement;
    const s = el.style;
    if (!r) return nothing;
    s.left = `${r.x}px`;
    s.top = `${r.y}px`;
    s.width = `${r.w}px`;
    s.height = `${r.h}px`;
    if (o?.radius !== undefined) s.borderRadius = `${o.radius}px`;
    const base = o?.transform ?? '';
    if (base !== this.base) {
      this.base = base;
      el.dataset['base'] = base;
      s.transformOrigin = '0 0';
      s.transform = base;
    }
    return nothing;
  }
}

export const place = directive(PlaceDirective);

/** Puts nodes a drag moved back to their transform at rest. */
export function restore(nodes: Iterable<HTMLElement>): void {
  for (const n of nodes) n.style.transform = n.dataset['base'] ?? '';
}
