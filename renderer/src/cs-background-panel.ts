import { LitElement, css, html, nothing } from 'lit';
import type { Background } from '../../main/core/design/background.js';
import type { StudioDesign } from '../../main/core/design/design.js';
import { presetColour, setBackground, setBackgroundImage } from '../../main/core/design/edit.js';
import type { Colour } from '../../main/core/colour.js';
import { assetThumbnailPath } from '../../main/core/resource-paths.js';
import { errorMessage, resourceUrl } from './data/api-client.js';
import { addImageFile, IMAGE_ACCEPT, imageError } from './data/images.js';
import { fire } from './events.js';
import { LocaleController, defineMessages } from './i18n/i18n.js';
import { controls, fileButton } from './shared-styles.js';
import { colour, fieldStyles, draft, num, seg } from './style-fields.js';

const t = defineMessages({
  title: { zh: '页面背景', en: 'Page background' },
  hint: {
    zh: '点选画布上的元素可修改它；没有选中时在这里改背景。背景一直铺到出血边。',
    en: 'Select an element on the canvas to change it; with nothing selected, change the background here. It runs into the bleed.',
  },
  kind: { zh: '背景类型', en: 'Background' },
  colour: { zh: '纯色', en: 'Colour' },
  'linear-gradient': { zh: '渐变', en: 'Gradient' },
  image: { zh: '图片', en: 'Image' },
  from: { zh: '起始色', en: 'From' },
  to: { zh: '结束色', en: 'To' },
  angle: { zh: '方向', en: 'Direction' },
  pick: { zh: '选择背景图片…', en: 'Choose background image…' },
  replace: { zh: '更换背景图片…', en: 'Replace image…' },
  cover: { zh: '铺满', en: 'Fill' },
  contain: { zh: '完整显示', en: 'Whole' },
  under: { zh: '图片外的底色', en: 'Colour around it' },
  reading: { zh: '正在读取「{name}」…', en: 'Reading “{name}”…' },
  eBg: { zh: '修改背景', en: 'Change background' },
});

/** The page's background: a colour, a two-colour gradient, or a picture (by reference). Fires `design-change`. */
export class CsBackgroundPanel extends LitElement {
  static override properties = { design: { attribute: false }, busy: { state: true }, error: { state: true } };
  design!: StudioDesign;
  busy = '';
  error = '';
  private readonly i18n = new LocaleController(this);

  static override styles = [
    controls,
    fileButton,
    fieldStyles,
    css`.thumb { width: 96px; height: 64px; object-fit: cover; border-radius: 6px; border: 1px solid var(--cs-border); }`,
  ];

  private set(bg: Background) {
    fire(this, 'design-change', { design: setBackground(this.design, bg), label: t('eBg') });
  }

  private kind(k: Background['type']) {
    const bg = this.design.background;
    const base: Colour = bg.type === 'colour' ? bg.colour : bg.type === 'image' ? bg.colour : bg.stops[0]!.colour;
    if (k === 'colour') this.set({ type: 'colour', colour: base });
    else if (k === 'linear-gradient')
      this.set({
        type: 'linear-gradient',
        angleDeg: 0,
        stops: [
          { offset: 0, colour: base },
          { offset: 1, colour: presetColour('banner-yellow') },
        ],
      });
    else this.renderRoot.querySelector<HTMLInputElement>('input[type=file]')?.click();
  }

  private async take(e: Event) {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    this.error = '';
    this.busy = file.name;
    try {
      fire(this, 'design-change', {
        design: setBackgroundImage(this.design, await addImageFile(file)),
        label: t('eBg'),
      });
    } catch (err) {
      this.error = imageError(err, errorMessage);
    } finally {
      this.busy = '';
    }
  }

  override render() {
    const bg = this.design.background;
    const ref = bg.type === 'image' ? this.design.assets[bg.asset] : undefined;
    return html`<h3>${t('title')}</h3>
      <p class="muted hint">${t('hint')}</p>
      <div class="grid" data-background=${bg.type}>
        <span class="k">${t('kind')}</span>
        ${seg(
          t('kind'),
          'bg-kind',
          bg.type,
          ['colour', 'linear-gradient', 'image'] as const,
          (k) => t(k),
          (k) => this.kind(k),
        )}
        ${bg.type === 'colour' ? html`<span class="k">${t('colour')}</span>${colour(t('colour'), 'bg-colour', bg.colour, (c) => this.set({ type: 'colour', colour: c }))}` : nothing}
        ${
          bg.type === 'linear-gradient'
            ? html`<span class="k">${t('from')}</span>${colour(t('from'), 'bg-from', bg.stops[0]!.colour, (c) => this.set({ ...bg, stops: [{ offset: 0, colour: c }, bg.stops.at(-1)!] }))}
              <span class="k">${t('to')}</span>${colour(t('to'), 'bg-to', bg.stops.at(-1)!.colour, (c) => this.set({ ...bg, stops: [bg.stops[0]!, { offset: 1, colour: c }] }))}
              <label class="k" for="bg-angle">${t('angle')}</label>
              <div class="pair"><input type="number" id="bg-angle" name="bg-angle" step="15" .value=${draft(String(bg.angleDeg))}
                @change=${(e: Event) => Number.isFinite(num(e)) && this.set({ ...bg, angleDeg: Math.max(-360, Math.min(360, num(e))) })}><span class="unit">°</span></div>`
            : nothing
        }
        ${
          bg.type === 'image'
            ? html`<span class="k">${t('image')}</span>
              <div class="pair">${ref ? html`<img class="thumb" alt="" src=${resourceUrl(assetThumbnailPath(ref.sha256))}>` : nothing}
                ${seg(
                  t('image'),
                  'bg-fit',
                  bg.fit,
                  ['cover', 'contain'] as const,
                  (k) => t(k),
                  (fit) => this.set({ ...bg, fit }),
                )}</div>
              <span class="k">${t('under')}</span>${colour(t('under'), 'bg-under', bg.colour, (c) => this.set({ ...bg, colour: c }))}`
            : nothing
        }
      </div>
      <p class="row"><span class="file-btn"><button type="button" class="secondary" tabindex="-1" aria-hidden="true">${bg.type === 'image' ? t('replace') : t('pick')}</button>
        <input type="file" name="bg-image" accept=${IMAGE_ACCEPT} aria-label=${t('pick')} @change=${this.take}></span>
        ${this.busy ? html`<span class="muted">${t('reading', { name: this.busy })}</span>` : nothing}</p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}`;
  }
}
customElements.define('cs-background-panel', CsBackgroundPanel);

declare global {
  interface HTMLElementTagNameMap {
    'cs-background-panel': CsBackgroundPanel;
  }
}
