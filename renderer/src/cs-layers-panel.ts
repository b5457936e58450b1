import { LitElement, css, html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { StudioDesign } from '../../main/core/design/design.js';
import { moveLayer, reorderElements, setHidden, setLocked } from '../../main/core/design/edit.js';
import { fire } from './events.js';
import { LocaleController, defineMessages } from './i18n/i18n.js';
import { eyeIcon, eyeOffIcon, lockIcon, unlockIcon } from './icons.js';
import { controls } from './shared-styles.js';

const t = defineMessages({
  title: { zh: '图层', en: 'Layers' },
  hint: {
    zh: '上面的盖住下面的。拖动或用箭头调整顺序；眼睛隐藏，锁定后不能移动。',
    en: 'Upper layers cover lower ones. Drag or use the arrows to reorder; the eye hides, a lock keeps it in place.',
  },
  show: { zh: '显示「{name}」', en: 'Show “{name}”' },
  hide: { zh: '隐藏「{name}」', en: 'Hide “{name}”' },
  lock: { zh: '锁定「{name}」', en: 'Lock “{name}”' },
  unlock: { zh: '解锁「{name}」', en: 'Unlock “{name}”' },
  up: { zh: '「{name}」上移一层', en: 'Move “{name}” up' },
  down: { zh: '「{name}」下移一层', en: 'Move “{name}” down' },
  eHide: { zh: '隐藏元素', en: 'Hide element' },
  eShow: { zh: '显示元素', en: 'Show element' },
  eLock: { zh: '锁定', en: 'Lock' },
  eUnlock: { zh: '解锁', en: 'Unlock' },
  eOrder: { zh: '调整图层顺序', en: 'Reorder layers' },
});
const kind = defineMessages({
  text: { zh: '文字', en: 'text' },
  image: { zh: '图片', en: 'image' },
  qr: { zh: '二维码', en: 'QR' },
  rect: { zh: '矩形', en: 'rectangle' },
  ellipse: { zh: '椭圆', en: 'ellipse' },
  line: { zh: '线条', en: 'line' },
  illustration: { zh: '插图', en: 'picture' },
  shape: { zh: '形状', en: 'shape' },
});

/**
 * Every element, topmost first, by the name a user reads (core design/names.ts): select (Shift
 * for several), hide, lock, reorder by drag or by the arrow buttons. Fires `elements-select` and
 * `design-change`.
 */
export class CsLayersPanel extends LitElement {
  static override properties = {
    design: { attribute: false },
    ids: { attribute: false },
    names: { attribute: false },
    dragging: { state: true },
  };
  design!: StudioDesign;
  ids: readonly string[] = [];
  names: ReadonlyMap<string, string> = new Map();
  dragging = '';
  private readonly i18n = new LocaleController(this);

  static override styles = [
    controls,
    css`
      ul { list-style: none; margin: 8px 0 0; padding: 0; display: flex; flex-direction: column; gap: 2px; }
      li { display: flex; align-items: center; gap: 2px; border: 1px solid transparent; border-radius: 6px; background: #fff; }
      li[aria-selected='true'] { background: #fff5d6; border-color: var(--cs-focus); }
      li.hidden .name { opacity: 0.5; }
      li.over { border-top: 2px solid var(--cs-blue); }
      li button { background: transparent; border: 0; color: var(--cs-text); min-height: 30px; padding: 2px 6px; }
      li button:hover { background: #eef3fb; }
      .name { flex: 1; text-align: left; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; cursor: grab; }
      .kind { color: var(--cs-muted); font-size: 12px; margin-left: 6px; }
      .icon { width: 30px; padding: 0; display: grid; place-items: center; color: var(--cs-muted); }
      .icon svg { display: block; }
      .icon[aria-pressed='true'] { color: var(--cs-red); }
      .up, .down { color: var(--cs-text); }
    `,
  ];

  private change(design: StudioDesign, label: string) {
    fire(this, 'design-change', { design, label });
  }

  private pick(e: MouseEvent, id: string) {
    const ids =
      e.shiftKey || e.ctrlKey || e.metaKey
        ? this.ids.includes(id)
          ? this.ids.filter((x) => x !== id)
          : [...this.ids, id]
        : [id];
    fire(this, 'elements-select', { ids });
  }

  private drop(e: DragEvent, targetIndex: number) {
    e.preventDefault();
    const id = this.dragging;
    this.dragging = '';
    if (id) this.change(moveLayer(this.design, id, targetIndex), t('eOrder'));
  }

  override render() {
    const d = this.design;
    const n = d.elements.length;
    const rows = d.elements.map((el, i) => ({ el, i })).reverse();
    return html`<h2>${t('title')}</h2>
      <p class="muted">${t('hint')}</p>
      <ul role="listbox" aria-multiselectable="true" aria-label=${t('title')}>
        ${repeat(
          rows,
          ({ el }) => el.id,
          ({ el, i }) => {
            const name = this.names.get(el.id) ?? el.id;
            return html`<li role="option" data-layer-row=${el.id} aria-selected=${this.ids.includes(el.id)} class=${el.hidden ? 'hidden' : ''}
              @dragover=${(e: DragEvent) => this.dragging && e.preventDefault()} @drop=${(e: DragEvent) => this.drop(e, i)}>
              <button type="button" class="icon eye" aria-pressed=${!!el.hidden} aria-label=${el.hidden ? t('show', { name }) : t('hide', { name })}
                @click=${() => this.change(setHidden(d, [el.id], !el.hidden), el.hidden ? t('eShow') : t('eHide'))}>${el.hidden ? eyeOffIcon : eyeIcon}</button>
              <button type="button" class="icon lock" aria-pressed=${!!el.locked} aria-label=${el.locked ? t('unlock', { name }) : t('lock', { name })}
                @click=${() => this.change(setLocked(d, [el.id], !el.locked), el.locked ? t('eUnlock') : t('eLock'))}>${el.locked ? lockIcon : unlockIcon}</button>
              <button type="button" class="name" draggable="true" @dragstart=${() => (this.dragging = el.id)} @dragend=${() => (this.dragging = '')}
                @click=${(e: MouseEvent) => this.pick(e, el.id)}>${name}<span class="kind">${kind(el.type)}</span></button>
              <button type="button" class="icon up" ?disabled=${i === n - 1} aria-label=${t('up', { name })}
                @click=${() => this.change(reorderElements(d, [el.id], 'forward'), t('eOrder'))}>↑</button>
              <button type="button" class="icon down" ?disabled=${i === 0} aria-label=${t('down', { name })}
                @click=${() => this.change(reorderElements(d, [el.id], 'backward'), t('eOrder'))}>↓</button>
            </li>`;
          },
        )}
      </ul>`;
  }
}
customElements.define('cs-layers-panel', CsLayersPanel);

declare global {
  interface HTMLElementTagNameMap {
    'cs-layers-panel': CsLayersPanel;
  }
}
