import { css, html, noChange, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { Directive, directive, PartType, type PartInfo, type PropertyPart } from 'lit/directive.js';
import type { Colour } from '../../main/core/colour.js';
import { FieldDraft } from './data/field-draft.js';
import type { CsEvent } from './events.js';
import './cs-colour-field.js';

/*
 * Small pieces the style panels share: a segmented choice, a colour field, a number field's value
 * that the user's typing keeps, and their look.
 */

export const num = (e: Event): number => (e.target as HTMLInputElement).valueAsNumber;

/**
 * A number (or range) field's `.value` from the design, like lit's live(), except while the user
 * is typing in it: a redraw then (a preview answer mid-typing) leaves the typing alone
 * (data/field-draft.ts). Once committed, the next redraw shows the design's value (the edit's
 * own, a refusal's, or the one on leaving the field). `key` names what the field is about (the
 * element's id): a field showing another element's value drops the typing.
 */
class DraftValue extends Directive {
  private readonly draft = new FieldDraft();
  private field: HTMLInputElement | undefined;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.PROPERTY || part.name !== 'value') throw new Error('draft() 只能用在输入框的 .value 上');
  }

  render(value: string, _key?: unknown) {
    return value;
  }

  override update(part: PropertyPart, [value, key]: [string, unknown?]) {
    const field = part.element as HTMLInputElement;
    if (this.field !== field) {
      this.field = field;
      // The change itself redraws by the edit it makes (or its refusal); no redraw here: between
      // a user event's listeners the redraw would run and write the old value before the panel's
      // own change handler reads the field.
      field.addEventListener('input', () => this.draft.input());
      field.addEventListener('change', () => this.draft.commit());
      field.addEventListener('blur', () => (part.options?.host as ReactiveControllerHost | undefined)?.requestUpdate());
    }
    const focused = (field.getRootNode() as Document | ShadowRoot).activeElement === field;
    if (this.draft.mayWrite(key, focused) && field.value !== value) field.value = value;
    return noChange;
  }
}
export const draft = directive(DraftValue);

export function seg<V extends string>(
  label: string,
  name: string,
  value: V,
  options: readonly V[],
  text: (v: V) => string,
  onPick: (v: V) => void,
): TemplateResult {
  return html`<div class="seg" role="group" aria-label=${label} data-name=${name}>
    ${options.map((o) => html`<button type="button" data-value=${o} aria-pressed=${value === o} @click=${() => value !== o && onPick(o)}>${text(o)}</button>`)}
  </div>`;
}

export function colour(label: string, name: string, value: Colour | undefined, onPick: (c: Colour) => void) {
  return html`<cs-colour-field .label=${label} .name=${name} .value=${value} @colour-change=${(e: CsEvent<'colour-change'>) => onPick(e.detail.colour)}></cs-colour-field>`;
}

export const fieldStyles = css`
  .grid { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 10px 12px; align-items: center; }
  .grid > .k { font-weight: 600; font-size: 14px; margin: 0; align-self: start; padding-top: 5px; }
  .pair { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
  .pair > select { flex: 1 1 120px; width: auto; min-width: 0; }
  select, input[type='number'] { padding: 5px 8px; min-height: 32px; }
  input[type='number'] { width: 86px; font-variant-numeric: tabular-nums; }
  .unit { color: var(--cs-muted); font-size: 13px; }
  .seg { display: inline-flex; border: 1px solid var(--cs-border); border-radius: 6px; overflow: hidden; }
  .seg button { border: 0; border-radius: 0; background: #fff; color: var(--cs-text); min-height: 30px; padding: 3px 10px; font-size: 14px; }
  .seg button + button { border-left: 1px solid var(--cs-border); }
  .seg button:hover { background: #eef3fb; }
  .seg button[aria-pressed='true'] { background: var(--cs-blue); color: #fff; }
  .seg button:focus-visible { outline-offset: -3px; }
  .check { display: inline-flex; align-items: center; gap: 6px; font-weight: 400; margin: 0; }
  .check input { width: 16px; height: 16px; margin: 0; }
  .sub { display: flex; flex-direction: column; align-items: flex-start; gap: 8px; }
  .hint { margin: 0; }
  .row { display: flex; gap: 6px; flex-wrap: wrap; align-items: center; }
  .row button { min-height: 30px; padding: 2px 10px; font-size: 14px; }
`;
