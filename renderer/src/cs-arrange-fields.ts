import { LitElement, html, nothing } from 'lit';
import type { StudioDesign } from '../../main/core/design/design.js';
import {
  alignElements,
  distributeElements,
  elementBox,
  findElement,
  rotateElement,
  setElementBox,
  setLocked,
  type AlignEdge,
} from '../../main/core/design/edit.js';
import type { Box } from '../../main/core/design/elements.js';
import type { CanvasAction } from './data/canvas-keys.js';
import { fire, fireEdit } from './events.js';
import { LocaleController, defineMessages } from './i18n/i18n.js';
import { controls } from './shared-styles.js';
import { draft, fieldStyles, num } from './style-fields.js';

const t = defineMessages({
  place: { zh: '位置', en: 'Position' },
  x: { zh: '左', en: 'X' },
  y: { zh: '上', en: 'Y' },
  w: { zh: '宽', en: 'W' },
  h: { zh: '高', en: 'H' },
  angle: { zh: '角度', en: 'Angle' },
  mm: { zh: '毫米', en: 'mm' },
  align: { zh: '对齐', en: 'Align' },
  alignPage: { zh: '对齐页面', en: 'Align to page' },
  left: { zh: '左对齐', en: 'Left' },
  hcentre: { zh: '水平居中', en: 'Centre' },
  right: { zh: '右对齐', en: 'Right' },
  top: { zh: '顶对齐', en: 'Top' },
  vcentre: { zh: '垂直居中', en: 'Middle' },
  bottom: { zh: '底对齐', en: 'Bottom' },
  spread: { zh: '分布', en: 'Distribute' },
  spreadH: { zh: '水平等距', en: 'Across' },
  spreadV: { zh: '垂直等距', en: 'Down' },
  arrange: { zh: '排列', en: 'Arrange' },
  front: { zh: '置顶', en: 'To front' },
  forward: { zh: '上移一层', en: 'Forward' },
  backward: { zh: '下移一层', en: 'Backward' },
  back: { zh: '置底', en: 'To back' },
  duplicate: { zh: '复制一份', en: 'Duplicate' },
  delete: { zh: '删除', en: 'Delete' },
  lock: { zh: '锁定', en: 'Lock' },
  unlock: { zh: '解锁', en: 'Unlock' },
  eMove: { zh: '移动', en: 'Move' },
  eSize: { zh: '调整大小', en: 'Resize' },
  eTurn: { zh: '旋转', en: 'Rotate' },
  eAlign: { zh: '对齐', en: 'Align' },
  eSpread: { zh: '分布', en: 'Distribute' },
  eLock: { zh: '锁定', en: 'Lock' },
  eUnlock: { zh: '解锁', en: 'Unlock' },
});

const EDGES: AlignEdge[] = ['left', 'hcentre', 'right', 'top', 'vcentre', 'bottom'];

/**
 * Where the selection is, in numbers, and how it is arranged: position, size and angle in mm and
 * degrees (the keyboard's way to what the canvas does with the pointer), align and distribute,
 * stacking order, duplicate, delete, lock. Fires `design-change`, `canvas-command` and `edit-refused`.
 */
export class CsArrangeFields extends LitElement {
  static override properties = { design: { attribute: false }, ids: { attribute: false } };
  design!: StudioDesign;
  ids: readonly string[] = [];
  private readonly i18n = new LocaleController(this);

  static override styles = [controls, fieldStyles];

  private apply(make: () => StudioDesign, label: string) {
    fireEdit(this, make, label);
  }

  private command(action: CanvasAction) {
    fire(this, 'canvas-command', { action });
  }

  private fields(id: string) {
    const el = findElement(this.design, id);
    if (!el || el.type === 'line') return nothing;
    const b = elementBox(el);
    const field = (k: keyof Box) =>
      html`<label class="check" for="f-${k}">${t(k)}</label><input type="number" id="f-${k}" name=${`box-${k}`} step="any" .value=${draft(String(Math.round(b[k] * 100) / 100), id)}
        @change=${(e: Event) => Number.isFinite(num(e)) && this.apply(() => setElementBox(this.design, id, { ...b, [k]: num(e) }), k === 'w' || k === 'h' ? t('eSize') : t('eMove'))}>`;
    return html`<span class="k">${t('place')}</span>
      <div class="sub">
        <div class="pair">${field('x')}${field('y')}<span class="unit">${t('mm')}</span></div>
        <div class="pair">${field('w')}${field('h')}<span class="unit">${t('mm')}</span></div>
        <div class="pair"><label class="check" for="f-angle">${t('angle')}</label>
          <input type="number" id="f-angle" name="angle" step="any" .value=${draft(String(el.rotation ?? 0), id)}
            @change=${(e: Event) => Number.isFinite(num(e)) && this.apply(() => rotateElement(this.design, id, num(e)), t('eTurn'))}><span class="unit">°</span></div>
      </div>`;
  }

  override render() {
    const ids = this.ids;
    if (!ids.length) return nothing;
    const locked = ids.every((id) => findElement(this.design, id)?.locked);
    const btn = (cls: string, label: string, f: () => void) =>
      html`<button type="button" class="secondary ${cls}" @click=${f}>${label}</button>`;
    return html`<div class="grid" data-arrange>
      ${ids.length === 1 ? this.fields(ids[0]!) : nothing}
      <span class="k">${ids.length > 1 ? t('align') : t('alignPage')}</span>
      <div class="row">${EDGES.map((e) => btn(`align-${e}`, t(e), () => this.apply(() => alignElements(this.design, ids, e), t('eAlign'))))}</div>
      ${
        ids.length > 2
          ? html`<span class="k">${t('spread')}</span><div class="row">
            ${btn('spread-h', t('spreadH'), () => this.apply(() => distributeElements(this.design, ids, 'h'), t('eSpread')))}
            ${btn('spread-v', t('spreadV'), () => this.apply(() => distributeElements(this.design, ids, 'v'), t('eSpread')))}</div>`
          : nothing
      }
      <span class="k">${t('arrange')}</span>
      <div class="row">
        ${(['front', 'forward', 'backward', 'back'] as const).map((how) => btn(`order-${how}`, t(how), () => this.command({ do: 'order', how })))}
        ${btn('duplicate', t('duplicate'), () => this.command({ do: 'duplicate' }))}
        ${btn('delete', t('delete'), () => this.command({ do: 'delete' }))}
        ${btn('lock', locked ? t('unlock') : t('lock'), () => this.apply(() => setLocked(this.design, ids, !locked), locked ? t('eUnlock') : t('eLock')))}
      </div>
    </div>`;
  }
}
customElements.define('cs-arrange-fields', CsArrangeFields);

declare global {
  interface HTMLElementTagNameMap {
    'cs-arrange-fields': CsArrangeFields;
  }
}
