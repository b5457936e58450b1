import { LitElement, html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { BUNDLED_FAMILIES } from '../../main/core/design/bundled-fonts.js';
import type { StudioDesign } from '../../main/core/design/design.js';
import { patchElement, presetColour, type ElementPatch } from '../../main/core/design/edit.js';
import type { TextElement } from '../../main/core/design/elements.js';
import { fontFamilies, type FontFamily } from './data/fonts.js';
import { fire, fireEdit } from './events.js';
import { LocaleController, defineMessages, locale } from './i18n/i18n.js';
import { controls } from './shared-styles.js';
import { colour, fieldStyles, draft, num, seg } from './style-fields.js';

const t = defineMessages({
  content: { zh: '文字内容', en: 'Text' },
  colour: { zh: '颜色', en: 'Colour' },
  font: { zh: '字体', en: 'Font' },
  weight: { zh: '粗细', en: 'Weight' },
  w400: { zh: '常规', en: 'Regular' },
  w700: { zh: '粗体', en: 'Bold' },
  w900: { zh: '特粗', en: 'Black' },
  installed: { zh: '（本机字体）', en: ' (installed)' },
  pcFonts: {
    zh: '本机字体（换到别的电脑会用思源黑体代替）',
    en: 'Fonts on this PC (other PCs substitute Noto Sans SC)',
  },
  size: { zh: '字号', en: 'Size' },
  fit: { zh: '自动适应', en: 'Auto-fit' },
  fixed: { zh: '固定', en: 'Fixed' },
  min: { zh: '最小', en: 'Min' },
  max: { zh: '最大', en: 'Max' },
  mm: { zh: '毫米', en: 'mm' },
  sizeMm: { zh: '字号（毫米）', en: 'Size (mm)' },
  fitted: { zh: '现在排成 {mm} 毫米', en: 'Now set at {mm} mm' },
  stroke: { zh: '描边', en: 'Outline' },
  strokeOn: { zh: '加描边', en: 'Outline on' },
  strokeWidth: { zh: '描边宽度（毫米）', en: 'Outline width (mm)' },
  strokeColour: { zh: '描边颜色', en: 'Outline colour' },
  align: { zh: '对齐', en: 'Align' },
  left: { zh: '左', en: 'Left' },
  center: { zh: '中', en: 'Centre' },
  right: { zh: '右', en: 'Right' },
  top: { zh: '上', en: 'Top' },
  middle: { zh: '中', en: 'Middle' },
  bottom: { zh: '下', en: 'Bottom' },
  hAlign: { zh: '水平对齐', en: 'Horizontal alignment' },
  vAlign: { zh: '垂直对齐', en: 'Vertical alignment' },
  writing: { zh: '排列', en: 'Direction' },
  horizontal: { zh: '横排', en: 'Horizontal' },
  vertical: { zh: '竖排', en: 'Vertical' },
  spacing: { zh: '字距', en: 'Tracking' },
  lineHeight: { zh: '行距', en: 'Leading' },
  times: { zh: '倍', en: '×' },
  eColour: { zh: '修改颜色', en: 'Change colour' },
  eFont: { zh: '修改字体', en: 'Change font' },
  eSize: { zh: '修改字号', en: 'Change size' },
  eStroke: { zh: '修改描边', en: 'Change outline' },
  eAlign: { zh: '修改对齐', en: 'Change alignment' },
  eWriting: { zh: '切换竖排', en: 'Toggle vertical text' },
  eSpacing: { zh: '修改字距', en: 'Change tracking' },
  eLine: { zh: '修改行距', en: 'Change leading' },
});
const WEIGHT: Record<number, 'w400' | 'w700' | 'w900'> = { 400: 'w400', 700: 'w700', 900: 'w900' };
const BUNDLED = BUNDLED_FAMILIES.map((f) => ({ family: f.family, zh: f.zh, weights: [...f.weights] as number[] }));

/**
 * A text's words and style: content (every text, the template's fixed ones too), colour, font,
 * size (auto-fit or fixed), outline, alignment, direction, spacing. The selects and fields show
 * the design's values after every change, undo and redo included (live(); the number fields by
 * draft(), which leaves a number being typed alone until it is committed). Fires `slot-input` for
 * the words and `design-change` for the style.
 */
export class CsTextStyle extends LitElement {
  static override properties = {
    design: { attribute: false },
    el: { attribute: false },
    fittedMm: { attribute: false },
    pcFonts: { state: true },
  };
  design!: StudioDesign;
  el!: TextElement;
  /** The size the preview fitted the text to, mm. */
  fittedMm: number | undefined;
  pcFonts: FontFamily[] = [];
  private readonly i18n = new LocaleController(this);

  static override styles = [controls, fieldStyles];

  override connectedCallback() {
    super.connectedCallback();
    void fontFamilies().then((all) => (this.pcFonts = all.filter((f) => !f.bundled)));
  }

  /** Focus the size field (a preflight finding about the size lands here). */
  focusSize(): void {
    this.renderRoot.querySelector<HTMLElement>('[name="size-mm"], #size-min')?.focus();
  }

  /** Focus the words (a finding about a text with no slot field lands here). */
  focusContent(): void {
    this.renderRoot.querySelector<HTMLElement>('textarea[name="content"]')?.focus();
  }

  private set(patch: ElementPatch<'text'>, label: string) {
    fireEdit(this, () => patchElement(this.design, this.el.id, 'text', patch), label);
  }

  /** Fixed starts from the size the text has now, never the fit's maximum (walkthrough bug 3). */
  private sizeMode(mode: 'fit' | 'fixed') {
    const size = this.el.size;
    const now = this.fittedMm ?? (size.mode === 'fit' ? size.minMm : size.mm);
    this.set(
      {
        size:
          mode === 'fixed'
            ? { mode, mm: Math.max(1, Math.round(now * 10) / 10) }
            : { mode, minMm: Math.max(1, Math.round(now / 2)), maxMm: Math.max(Math.round(now * 1.5), 2) },
      },
      t('eSize'),
    );
  }

  override render() {
    const el = this.el;
    const font =
      BUNDLED.find((f) => f.family === el.font.family) ?? this.pcFonts.find((f) => f.family === el.font.family);
    const weights = font ? font.weights : [el.font.weight];
    const size = el.size;
    const stroke = el.stroke;
    const nameOf = (f: { family: string; zh: string }) => (locale() === 'en' ? f.family : f.zh);
    const S = <V extends string>(label: string, name: string, v: V, opts: readonly V[], pick: (v: V) => void) =>
      seg(label, name, v, opts, (o) => t(o as Parameters<typeof t>[0]), pick);
    return html`<div class="grid" data-type="text">
      <label class="k" for="content">${t('content')}</label>
      <textarea id="content" name="content" rows="2" .value=${live(el.text)}
        @input=${(e: Event) => fire(this, 'slot-input', { elementId: el.id, value: (e.target as HTMLTextAreaElement).value })}></textarea>
      <span class="k">${t('colour')}</span>
      ${colour(t('colour'), 'colour', el.colour, (c) => this.set({ colour: c }, t('eColour')))}
      <label class="k" for="font">${t('font')}</label>
      <div class="pair">
        <select id="font" name="font" @change=${(e: Event) => {
          const family = (e.target as HTMLSelectElement).value;
          const f = BUNDLED.find((x) => x.family === family) ?? this.pcFonts.find((x) => x.family === family)!;
          const weight = [...f.weights].sort((a, b) => Math.abs(a - el.font.weight) - Math.abs(b - el.font.weight))[0]!;
          this.set({ font: { family: f.family, weight } }, t('eFont'));
        }}>
          ${BUNDLED.map((f) => html`<option value=${f.family} .selected=${live(f.family === el.font.family)}>${nameOf(f)}</option>`)}
          ${this.pcFonts.length ? html`<optgroup label=${t('pcFonts')}>${this.pcFonts.map((f) => html`<option value=${f.family} .selected=${live(f.family === el.font.family)}>${f.family}</option>`)}</optgroup>` : nothing}
          ${font ? nothing : html`<option value=${el.font.family} .selected=${live(true)} disabled>${el.font.family}${t('installed')}</option>`}
        </select>
        <select name="weight" aria-label=${t('weight')} @change=${(e: Event) => this.set({ font: { ...el.font, weight: Number((e.target as HTMLSelectElement).value) } }, t('eFont'))}>
          ${weights.map((w) => html`<option value=${w} .selected=${live(w === el.font.weight)}>${WEIGHT[w] ? t(WEIGHT[w]) : w} ${w}</option>`)}
        </select>
      </div>
      <span class="k">${t('size')}</span>
      <div class="sub">
        ${S(t('size'), 'size-mode', size.mode, ['fit', 'fixed'] as const, (m) => this.sizeMode(m))}
        <div class="pair">
          ${
            size.mode === 'fixed'
              ? html`<input type="number" name="size-mm" aria-label=${t('sizeMm')} min="1" step="any" .value=${draft(String(size.mm), el.id)}
                @change=${(e: Event) => num(e) > 0 && this.set({ size: { mode: 'fixed', mm: num(e) } }, t('eSize'))}><span class="unit">${t('mm')}</span>`
              : html`<label class="check" for="size-min">${t('min')}</label>
                <input type="number" id="size-min" name="size-min" min="1" step="1" .value=${draft(String(size.minMm), el.id)}
                  @change=${(e: Event) => num(e) > 0 && this.set({ size: { ...size, minMm: num(e) } }, t('eSize'))}>
                <label class="check" for="size-max">${t('max')}</label>
                <input type="number" id="size-max" name="size-max" min="1" step="1" .value=${draft(String(size.maxMm), el.id)}
                  @change=${(e: Event) => num(e) > 0 && this.set({ size: { ...size, maxMm: num(e) } }, t('eSize'))}>
                <span class="unit">${t('mm')}</span>`
          }
        </div>
        ${this.fittedMm && size.mode === 'fit' ? html`<span class="muted fitted">${t('fitted', { mm: Math.round(this.fittedMm * 10) / 10 })}</span>` : nothing}
      </div>
      <span class="k">${t('stroke')}</span>
      <div class="sub">
        <div class="pair">
          <label class="check"><input type="checkbox" name="stroke" .checked=${live(!!stroke)}
            @change=${(e: Event) => this.set({ stroke: (e.target as HTMLInputElement).checked ? { colour: presetColour('black'), widthMm: strokeDefault(el, this.fittedMm) } : undefined }, t('eStroke'))}>${t('strokeOn')}</label>
          ${
            stroke
              ? html`<input type="number" name="stroke-width" aria-label=${t('strokeWidth')} min="0.1" step="0.5" .value=${draft(String(stroke.widthMm), el.id)}
            @change=${(e: Event) => num(e) > 0 && this.set({ stroke: { ...stroke, widthMm: num(e) } }, t('eStroke'))}><span class="unit">${t('mm')}</span>`
              : nothing
          }
        </div>
        ${stroke ? colour(t('strokeColour'), 'stroke-colour', stroke.colour, (c) => this.set({ stroke: { ...stroke, colour: c } }, t('eStroke'))) : nothing}
      </div>
      <span class="k">${t('align')}</span>
      <div class="pair">
        ${S(t('hAlign'), 'align', el.align, ['left', 'center', 'right'] as const, (align) => this.set({ align }, t('eAlign')))}
        ${S(t('vAlign'), 'valign', el.valign, ['top', 'middle', 'bottom'] as const, (valign) => this.set({ valign }, t('eAlign')))}
      </div>
      <span class="k">${t('writing')}</span>
      <div class="pair">${S(t('writing'), 'writing', el.writing, ['horizontal', 'vertical'] as const, (writing) => this.set({ writing }, t('eWriting')))}</div>
      <label class="k" for="spacing">${t('spacing')}</label>
      <div class="pair">
        <input type="number" id="spacing" name="spacing" min="-50" max="500" step="5" .value=${draft(String(Math.round(el.letterSpacing * 100)), el.id)}
          @change=${(e: Event) => Number.isFinite(num(e)) && this.set({ letterSpacing: num(e) / 100 }, t('eSpacing'))}><span class="unit">%</span>
        <label class="check" for="line-height">${t('lineHeight')}</label>
        <input type="number" id="line-height" name="line-height" min="0.5" max="5" step="0.05" .value=${draft(String(el.lineHeight), el.id)}
          @change=${(e: Event) => num(e) > 0 && this.set({ lineHeight: num(e) }, t('eLine'))}><span class="unit">${t('times')}</span>
      </div>
    </div>`;
  }
}

/** A first outline that shows at banner distance: about 4 % of the character size. */
function strokeDefault(el: TextElement, fitted: number | undefined): number {
  const mm = fitted ?? (el.size.mode === 'fixed' ? el.size.mm : el.size.maxMm);
  return Math.max(0.5, Math.round(mm * 0.04 * 2) / 2);
}

customElements.define('cs-text-style', CsTextStyle);

declare global {
  interface HTMLElementTagNameMap {
    'cs-text-style': CsTextStyle;
  }
}
