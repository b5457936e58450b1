import { LitElement, css, html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { PreviewGeometry } from '../../main/core/api.js';
import type { StudioDesign } from '../../main/core/design/design.js';
import {
  cropZoom,
  findElement,
  patchElement,
  presetColour,
  resetCrop,
  setIllustration,
  zoomPhoto,
  type ElementPatch,
} from '../../main/core/design/edit.js';
import type { Element } from '../../main/core/design/elements.js';
import { fire, fireEdit, type CsEvent } from './events.js';
import { LocaleController, defineMessages } from './i18n/i18n.js';
import { controls } from './shared-styles.js';
import { colour, fieldStyles, draft, num, seg } from './style-fields.js';
import './cs-arrange-fields.js';
import './cs-background-panel.js';
import './cs-illustration-picker.js';
import './cs-image-field.js';
import './cs-text-style.js';

/** Shapes whose corners `radiusMm` rounds (shape-presets.ts). */
const RADIUS_SHAPES = new Set(['rounded', 'speech', 'tab', 'seal']);

const t = defineMessages({
  several: { zh: '已选中 {n} 个元素', en: '{n} elements selected' },
  fit: { zh: '适应', en: 'Fit' },
  cover: { zh: '填满（裁掉多余）', en: 'Fill (crop)' },
  contain: { zh: '完整显示', en: 'Show whole' },
  crop: { zh: '裁切与平移', en: 'Crop and pan' },
  cropHint: { zh: '双击画布上的照片也可拖动调整', en: 'Or double-click the photo on the canvas and drag it' },
  zoom: { zh: '放大照片', en: 'Zoom the photo' },
  reset: { zh: '恢复整张', en: 'Whole photo' },
  picture: { zh: '图片', en: 'Picture' },
  qrContent: { zh: '二维码内容', en: 'QR code content' },
  qrDark: { zh: '码色', en: 'Modules' },
  qrLight: { zh: '底色', en: 'Background' },
  fill: { zh: '填充', en: 'Fill' },
  noFill: { zh: '无填充', en: 'No fill' },
  stroke: { zh: '描边', en: 'Outline' },
  strokeWidth: { zh: '描边宽度（毫米）', en: 'Outline width (mm)' },
  radius: { zh: '圆角（毫米）', en: 'Corner radius (mm)' },
  colour: { zh: '颜色', en: 'Colour' },
  lineWidth: { zh: '线宽（毫米）', en: 'Width (mm)' },
  illustration: { zh: '换一张插图', en: 'Another picture' },
  follows: {
    zh: '现在跟随标语中的商品自动更换；选一张后固定为所选插图。',
    en: 'Now follows the goods in the slogan; picking one fixes it.',
  },
  flip: { zh: '左右翻转', en: 'Mirror' },
  eFit: { zh: '修改图片适应方式', en: 'Change image fit' },
  eCrop: { zh: '调整照片裁切', en: 'Reframe the photo' },
  eQr: { zh: '修改二维码', en: 'Change QR code' },
  eFill: { zh: '修改填充色', en: 'Change fill' },
  eStroke: { zh: '修改描边', en: 'Change outline' },
  ePicture: { zh: '更换插图', en: 'Change picture' },
});

/**
 * The selection's style: its place and arrangement, then what its kind has — a text's words and
 * type, a photo's fit and crop, a QR code's content and colours, a shape's fill and outline, an
 * illustration's picture. With nothing selected, the page's background. Fires `design-change`,
 * `slot-input`, `canvas-command`, `edit-refused` and `element-edit` (crop on the canvas).
 */
export class CsStylePanel extends LitElement {
  static override properties = {
    design: { attribute: false },
    ids: { attribute: false },
    geometry: { attribute: false },
    names: { attribute: false },
  };
  design!: StudioDesign;
  ids: readonly string[] = [];
  geometry: ReadonlyMap<string, PreviewGeometry> = new Map();
  names: ReadonlyMap<string, string> = new Map();
  private readonly i18n = new LocaleController(this);

  static override styles = [
    controls,
    fieldStyles,
    css`
      h3 { font-size: 16px; margin: 0 0 10px; }
      section + section { border-top: 1px solid var(--cs-border); margin-top: 14px; padding-top: 14px; }
      input[type='range'] { width: 160px; }
    `,
  ];

  /** Focus the field a finding is about: the size of a text, or its words. */
  focusField(what: 'size' | 'content'): void {
    const ts = this.renderRoot.querySelector('cs-text-style');
    if (what === 'size') ts?.focusSize();
    else ts?.focusContent();
  }

  private patch<T extends Element['type']>(
    el: Extract<Element, { type: T }>,
    type: T,
    patch: ElementPatch<T>,
    label: string,
  ) {
    this.apply(() => patchElement(this.design, el.id, type, patch), label);
  }

  private apply(make: () => StudioDesign, label: string) {
    fireEdit(this, make, label);
  }

  private renderKind(el: Element) {
    const S = <V extends string>(label: string, name: string, v: V, opts: readonly V[], pick: (v: V) => void) =>
      seg(label, name, v, opts, (o) => t(o as Parameters<typeof t>[0]), pick);
    switch (el.type) {
      case 'text':
        return html`<cs-text-style .design=${this.design} .el=${el} .fittedMm=${this.geometry.get(el.id)?.sizeMm}></cs-text-style>`;
      case 'image': {
        const a = el.asset ? this.design.assets[el.asset] : undefined;
        const zoom = a ? cropZoom(el, { w: a.widthPx, h: a.heightPx }) : 1;
        return html`<cs-image-field .design=${this.design} .elementId=${el.id} .label=${this.names.get(el.id) ?? ''}></cs-image-field>
          <div class="grid" data-type="image">
            <span class="k">${t('fit')}</span>${S(t('fit'), 'fit', el.fit, ['cover', 'contain'] as const, (fit) => this.patch(el, 'image', { fit }, t('eFit')))}
            ${
              a && el.fit === 'cover'
                ? html`<span class="k">${t('crop')}</span>
                  <div class="sub"><div class="pair"><label class="check" for="zoom">${t('zoom')}</label>
                    <input type="range" id="zoom" name="crop-zoom" min="1" max="4" step="0.05" .value=${draft(String(zoom), el.id)}
                      @change=${(e: Event) => this.apply(() => zoomPhoto(this.design, el.id, num(e)), t('eCrop'))}></div>
                    <div class="row"><button type="button" class="secondary crop" @click=${() => fire(this, 'element-edit', { elementId: el.id })}>${t('crop')}</button>
                      <button type="button" class="secondary reset-crop" ?disabled=${!el.crop} @click=${() => this.apply(() => resetCrop(this.design, el.id), t('eCrop'))}>${t('reset')}</button></div>
                    <span class="muted">${t('cropHint')}</span></div>`
                : nothing
            }
          </div>`;
      }
      case 'qr':
        return html`<div class="grid" data-type="qr">
          <label class="k" for="qr-content">${t('qrContent')}</label>
          <input type="text" id="qr-content" name="qr-content" .value=${live(el.content)} @input=${(e: Event) => fire(this, 'slot-input', { elementId: el.id, value: (e.target as HTMLInputElement).value })}>
          <span class="k">${t('qrDark')}</span>${colour(t('qrDark'), 'qr-dark', el.dark, (dark) => this.patch(el, 'qr', { dark }, t('eQr')))}
          <span class="k">${t('qrLight')}</span>${colour(t('qrLight'), 'qr-light', el.light, (light) => this.patch(el, 'qr', { light }, t('eQr')))}
        </div>`;
      case 'rect':
      case 'ellipse':
      case 'shape': {
        const set = (p: ElementPatch<'rect'>, label: string) =>
          el.type === 'rect'
            ? this.patch(el, 'rect', p, label)
            : el.type === 'shape'
              ? this.patch(el, 'shape', p as ElementPatch<'shape'>, label)
              : this.patch(el, 'ellipse', p as ElementPatch<'ellipse'>, label);
        return html`<div class="grid" data-type=${el.type}>
          <span class="k">${t('fill')}</span>
          <div class="sub">${colour(t('fill'), 'fill', el.fill, (fill) => set({ fill }, t('eFill')))}
            <label class="check"><input type="checkbox" name="no-fill" .checked=${live(!el.fill)} @change=${(e: Event) => set({ fill: (e.target as HTMLInputElement).checked ? undefined : presetColour('white') }, t('eFill'))}>${t('noFill')}</label></div>
          <span class="k">${t('stroke')}</span>
          <div class="sub"><div class="pair"><input type="checkbox" name="stroke" aria-label=${t('stroke')} .checked=${live(!!el.stroke)}
            @change=${(e: Event) => set({ stroke: (e.target as HTMLInputElement).checked ? { colour: presetColour('black'), widthMm: Math.max(0.3, Math.min(el.box.w, el.box.h) * 0.03) } : undefined }, t('eStroke'))}>
            ${el.stroke ? html`<input type="number" name="stroke-width" aria-label=${t('strokeWidth')} min="0.1" step="any" .value=${draft(String(el.stroke.widthMm), el.id)} @change=${(e: Event) => num(e) > 0 && set({ stroke: { ...el.stroke!, widthMm: num(e) } }, t('eStroke'))}>` : nothing}</div>
            ${el.stroke ? colour(t('stroke'), 'stroke-colour', el.stroke.colour, (c) => set({ stroke: { ...el.stroke!, colour: c } }, t('eStroke'))) : nothing}</div>
          ${el.type === 'rect' || (el.type === 'shape' && RADIUS_SHAPES.has(el.shape)) ? html`<label class="k" for="radius">${t('radius')}</label><input type="number" id="radius" name="radius" min="0" step="any" .value=${draft(String(el.radiusMm), el.id)} @change=${(e: Event) => num(e) >= 0 && set({ radiusMm: num(e) }, t('eFill'))}>` : nothing}
        </div>`;
      }
      case 'line':
        return html`<div class="grid" data-type="line">
          <span class="k">${t('colour')}</span>${colour(t('colour'), 'line-colour', el.stroke.colour, (c) => this.patch(el, 'line', { stroke: { ...el.stroke, colour: c } }, t('eStroke')))}
          <label class="k" for="line-width">${t('lineWidth')}</label><input type="number" id="line-width" name="line-width" min="0.1" step="any" .value=${draft(String(el.stroke.widthMm), el.id)}
            @change=${(e: Event) => num(e) > 0 && this.patch(el, 'line', { stroke: { ...el.stroke, widthMm: num(e) } }, t('eStroke'))}>
        </div>`;
      case 'illustration':
        return html`<div class="grid" data-type="illustration">
          <span class="k">${t('flip')}</span><label class="check"><input type="checkbox" name="flip" .checked=${live(el.flip)} @change=${(e: Event) => this.patch(el, 'illustration', { flip: (e.target as HTMLInputElement).checked }, t('ePicture'))}>${t('flip')}</label>
        </div>
        <h3>${t('illustration')}</h3>
        ${el.follow ? html`<p class="muted hint">${t('follows')}</p>` : nothing}
        <cs-illustration-picker @illustration-pick=${(e: CsEvent<'illustration-pick'>) => {
          e.stopPropagation();
          this.apply(() => setIllustration(this.design, el.id, e.detail.id), t('ePicture'));
        }}></cs-illustration-picker>`;
    }
  }

  override render() {
    const els = this.ids.map((id) => findElement(this.design, id)).filter((e): e is Element => !!e);
    if (!els.length) return html`<cs-background-panel .design=${this.design}></cs-background-panel>`;
    const one = els.length === 1 ? els[0]! : undefined;
    return html`<section>
        <h3 class="sel-name">${one ? (this.names.get(one.id) ?? one.id) : t('several', { n: els.length })}</h3>
        <cs-arrange-fields .design=${this.design} .ids=${els.map((e) => e.id)}></cs-arrange-fields>
      </section>
      ${one ? html`<section data-kind=${one.type}>${this.renderKind(one)}</section>` : nothing}`;
  }
}
customElements.define('cs-style-panel', CsStylePanel);

declare global {
  interface HTMLElementTagNameMap {
    'cs-style-panel': CsStylePanel;
  }
}
