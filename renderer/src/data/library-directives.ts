import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/**
 * Sets inline style properties through the CSSOM (`style.setProperty`), which the page's CSP
 * allows, unlike a `style` attribute (lit's styleMap writes the attribute on first render, which
 * the CSP refuses). Use on an element: `<div ${setStyle({ height: '20px' })}>`.
 */
class SetStyle extends Directive {
  private last: Record<string, string> = {};
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('setStyle 只能用在元素上');
  }
  render(_props: Record<string, string>) {
    return noChange;
  }
  override update(part: ElementPart, [props]: [Record<string, string>]) {
    const style = (part.element as HTMLElement).style;
    for (const k of Object.keys(this.last)) if (!(k in props)) style.removeProperty(k);
    for (const [k, v] of Object.entries(props)) if (this.last[k] !== v) style.setProperty(k, v);
    this.last = { ...props };
    return noChange;
  }
}
export const setStyle = directive(SetStyle);
