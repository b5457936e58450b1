import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Colour } from '../../main/core/colour.js';
import type { StudioDesign } from '../../main/core/design/design.js';
import { findElement, patchElement, presetColour, type ElementPatch } from '../../main/core/design/edit.js';
import type { Element, TextElement } from '../../main/core/design/elements.js';
import { fire, type CsEvent } from './events.js';
import { LocaleController, defineMessages } from './i18n/i18n.js';
import { controls } from './shared-styles.js';
import './cs-colour-field.js';
import { fontFamilies, type FontFamily } from './data/fonts.js';

const t = defineMessages({
  title: { zh: '样式', en: 'Style' },
  element: { zh: '元素', en: 'Element' },
  pick: { zh: '— 选择要修改的元素 —', en: '— choose an element —' },
  hint: {
    zh: '在预览上点击文字、图片或二维码，或在上面的列表中选择，即可修改它的样式。',
    en: 'Click text, an image or a QR code on the preview, or choose it above, to change its style.',
  },
  text: { zh: '文字', en: 'Text' },
  image: { zh: '图片', en: 'Image' },
  qr: { zh: '二维码', en: 'QR code' },
  rect: { zh: '矩形', en: 'Rectangle' },
  ellipse: { zh: '椭圆', en: 'Ellipse' },
  line: { zh: '线条', en: 'Line' },
  illustration: { zh: '插图', en: 'Illustration' },
  shape: { zh: '形状', en: 'Shape' },
  colour: { zh: '颜色', en: 'Colour' },
  font: { zh: '字体', en: 'Font' },
  weight: { zh: '粗细', en: 'Weight' },
  w400: { zh: '常规', en: 'Regular' },
  w700: { zh: '粗体', en: 'Bold' },
  w900: { zh: '特粗', en: 'Black' },
  sans: { zh: '思源黑体', en: 'Noto Sans SC' },
  serif: { zh: '思源宋体', en: 'Noto Serif SC' },
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
  spacingUnit: { zh: '%', en: '%' },
  lineHeight: { zh: '行距', en: 'Leading' },
  times: { zh: '倍', en: '×' },
  imageFit: { zh: '适应', en: 'Fit' },
  cover: { zh: '填满（裁掉多余）', en: 'Fill (crop)' },
  contain: { zh: '完整显示', en: 'Show whole' },
  imageNote: { zh: '更换图片请到左侧“内容”中的图片位。', en: 'Change the picture in its slot under “Content”.' },
  qrDark: { zh: '码色', en: 'Modules' },
  qrLight: { zh: '底色', en: 'Background' },
  fill: { zh: '填充', en: 'Fill' },
  // Undo-history labels.
  eColour: { zh: '修改颜色', en: 'Change colour' },
  eFont: { zh: '修改字体', en: 'Change font' },
  eSize: { zh: '修改字号', en: 'Change size' },
  eStroke: { zh: '修改描边', en: 'Change outline' },
  eAlign: { zh: '修改对齐', en: 'Change alignment' },
  eWriting: { zh: '切换竖排', en: 'Toggle vertical text' },
  eSpacing: { zh: '修改字距', en: 'Change tracking' },
  eLine: { zh: '修改行距', en: 'Change leading' },
  eFit: { zh: '修改图片适应方式', en: 'Change image fit' },
  eQr: { zh: '修改二维码颜色', en: 'Change QR colours' },
  eFill: { zh: '修改填充色', en: 'Change fill' },
});

/** The fonts that ship with the app, with the weights they have. */
const FONTS = [
  { family: 'Noto Sans SC', name: 'sans', weights: [400, 700, 900] },
  { family: 'Noto Serif SC', name: 'serif', weights: [700, 900] },
] as const;
const WEIGHT_NAMES: Record<number, 'w400' | 'w700' | 'w900'> = { 400: 'w400', 700: 'w700', 900: 'w900' };

const num = (e: Event): number => (e.target as HTMLInputElement).valueAsNumber;

/** Style of the selected element. Fires `design-change` {design, label} and `element-select` {elementId}. */
export class CsStylePanel extends LitElement {
  static override properties = {
    design: { attribute: false },
    selectedId: { attribute: false },
    error: { state: true },
    pcFonts: { state: true },
  };
  /** Families installed on this PC, beyond the bundled ones. */
  pcFonts: FontFamily[] = [];
  design!: StudioDesign;
  selectedId = '';
  error = '';
  private readonly i18n = new LocaleController(this);

  override connectedCallback() {
    super.connectedCallback();
    void fontFamilies().then(
      (all) => (this.pcFonts = all.filter((f) => !f.bundled && !FONTS.some((b) => b.family === f.family))),
    );
  }

  static override styles = [
    controls,
    css`
      .grid { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 12px 12px; align-items: center; }
      .grid > .k { font-weight: 600; font-size: 14px; margin: 0; align-self: start; padding-top: 5px; }
      .pair { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
      .pair > select { flex: 1 1 120px; width: auto; min-width: 0; }
      select, input[type='number'] { padding: 5px 8px; min-height: 32px; }
      input[type='number'] { width: 76px; font-variant-numeric: tabular-nums; }
      .unit { color: var(--cs-muted); font-size: 13px; }
      .seg { display: inline-flex; border: 1px solid var(--cs-border); border-radius: 6px; overflow: hidden; }
      .seg button { border: 0; border-radius: 0; background: #fff; color: var(--cs-text); min-height: 30px; padding: 3px 12px; font-size: 14px; }
      .seg button + button { border-left: 1px solid var(--cs-border); }
      .seg button:hover { background: #eef3fb; }
      .seg button[aria-pressed='true'] { background: var(--cs-blue); color: #fff; }
      .seg button:focus-visible { outline-offset: -3px; }
      .check { display: inline-flex; align-items: center; gap: 6px; font-weight: 400; margin: 0; }
      .check input { width: 16px; height: 16px; margin: 0; }
      .sub { display: flex; flex-direction: column; align-items: flex-start; gap: 8px; }
      .pick { margin-bottom: 16px; }
      .pick label { font-size: 14px; }
      hr { border: 0; border-top: 1px solid var(--cs-border); margin: 2px 0; grid-column: 1 / -1; }
      .hint { margin: 0; }
    `,
  ];

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('selectedId')) this.error = '';
  }

  private change(patchFor: (el: Element) => StudioDesign, label: string) {
    const el = findElement(this.design, this.selectedId);
    if (!el) return;
    try {
      const design = patchFor(el);
      this.error = '';
      fire(this, 'design-change', { design, label });
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      this.requestUpdate(); // fields go back to the design's values (live())
    }
  }

  private text(patch: ElementPatch<'text'>, label: string) {
    this.change(() => patchElement(this.design, this.selectedId, 'text', patch), label);
  }

  private select(elementId: string) {
    this.error = '';
    fire(this, 'element-select', { elementId });
  }

  private seg<V extends string>(
    label: string,
    name: string,
    value: V,
    options: readonly V[],
    onPick: (v: V) => void,
  ): TemplateResult {
    return html`<div class="seg" role="group" aria-label=${label} data-name=${name}>
      ${options.map((o) => html`<button type="button" data-value=${o} aria-pressed=${value === o} @click=${() => value !== o && onPick(o)}>${t(o as Parameters<typeof t>[0])}</button>`)}
    </div>`;
  }

  private colour(label: string, name: string, value: Colour | undefined, onPick: (c: Colour) => void): TemplateResult {
    return html`<cs-colour-field .label=${label} .name=${name} .value=${value} @colour-change=${(e: CsEvent<'colour-change'>) => onPick(e.detail.colour)}></cs-colour-field>`;
  }

  private optionName(el: Element): string {
    const kind = t(el.type);
    if (el.label) return `${el.label}（${kind}）`;
    if (el.type === 'text') return `${kind}：${el.text.length > 12 ? `${el.text.slice(0, 12)}…` : el.text}`;
    return `${kind} ${el.id}`;
  }

  private renderText(el: TextElement) {
    const font =
      FONTS.find((f) => f.family === el.font.family) ?? this.pcFonts.find((f) => f.family === el.font.family);
    const weights = font ? font.weights : [el.font.weight];
    const size = el.size;
    const stroke = el.stroke;
    return html`
      <span class="k">${t('colour')}</span>
      ${this.colour(t('colour'), 'colour', el.colour, (colour) => this.text({ colour }, t('eColour')))}
      <label class="k" for="font">${t('font')}</label>
      <div class="pair">
        <select id="font" name="font" @change=${(e: Event) => {
          const family = (e.target as HTMLSelectElement).value;
          const f = FONTS.find((x) => x.family === family) ?? this.pcFonts.find((x) => x.family === family)!;
          const weight = [...f.weights].sort((a, b) => Math.abs(a - el.font.weight) - Math.abs(b - el.font.weight))[0]!;
          this.text({ font: { family: f.family, weight } }, t('eFont'));
        }}>
          ${FONTS.map((f) => html`<option value=${f.family} ?selected=${f.family === el.font.family}>${t(f.name)}</option>`)}
          ${
            this.pcFonts.length
              ? html`<optgroup label=${t('pcFonts')}>
                ${this.pcFonts.map((f) => html`<option value=${f.family} ?selected=${f.family === el.font.family}>${f.family}</option>`)}
              </optgroup>`
              : nothing
          }
          ${font ? nothing : html`<option value=${el.font.family} selected disabled>${el.font.family}${t('installed')}</option>`}
        </select>
        <select name="weight" aria-label=${t('weight')} @change=${(e: Event) => this.text({ font: { ...el.font, weight: Number((e.target as HTMLSelectElement).value) } }, t('eFont'))}>
          ${weights.map((w) => html`<option value=${w} ?selected=${w === el.font.weight}>${WEIGHT_NAMES[w] ? t(WEIGHT_NAMES[w]) : w} ${w}</option>`)}
        </select>
      </div>
      <span class="k">${t('size')}</span>
      <div class="sub">
        ${this.seg(t('size'), 'size-mode', size.mode, ['fit', 'fixed'] as const, (mode) =>
          this.text(
            {
              size:
                mode === 'fixed'
                  ? { mode, mm: Math.round(size.mode === 'fit' ? size.maxMm : size.mm) }
                  : {
                      mode,
                      minMm: Math.max(1, Math.round((size.mode === 'fixed' ? size.mm : 10) / 2)),
                      maxMm: size.mode === 'fixed' ? size.mm : 100,
                    },
            },
            t('eSize'),
          ),
        )}
        <div class="pair">
          ${
            size.mode === 'fixed'
              ? html`<input type="number" name="size-mm" aria-label=${t('sizeMm')} min="1" step="1" .value=${live(String(size.mm))}
                @change=${(e: Event) => num(e) > 0 && this.text({ size: { mode: 'fixed', mm: num(e) } }, t('eSize'))}><span class="unit">${t('mm')}</span>`
              : html`<label class="check" for="size-min">${t('min')}</label>
                <input type="number" id="size-min" name="size-min" min="1" step="1" .value=${live(String(size.minMm))}
                  @change=${(e: Event) => num(e) > 0 && this.text({ size: { ...size, minMm: num(e) } }, t('eSize'))}>
                <label class="check" for="size-max">${t('max')}</label>
                <input type="number" id="size-max" name="size-max" min="1" step="1" .value=${live(String(size.maxMm))}
                  @change=${(e: Event) => num(e) > 0 && this.text({ size: { ...size, maxMm: num(e) } }, t('eSize'))}>
                <span class="unit">${t('mm')}</span>`
          }
        </div>
      </div>
      <span class="k">${t('stroke')}</span>
      <div class="sub">
        <div class="pair">
          <label class="check"><input type="checkbox" name="stroke" .checked=${!!stroke}
            @change=${(e: Event) => this.text({ stroke: (e.target as HTMLInputElement).checked ? { colour: presetColour('black'), widthMm: strokeDefault(el) } : undefined }, t('eStroke'))}>${t('strokeOn')}</label>
          ${
            stroke
              ? html`<input type="number" name="stroke-width" aria-label=${t('strokeWidth')} min="0.1" step="0.5" .value=${live(String(stroke.widthMm))}
                @change=${(e: Event) => num(e) > 0 && this.text({ stroke: { ...stroke, widthMm: num(e) } }, t('eStroke'))}><span class="unit">${t('mm')}</span>`
              : nothing
          }
        </div>
        ${stroke ? this.colour(t('strokeColour'), 'stroke-colour', stroke.colour, (colour) => this.text({ stroke: { ...stroke, colour } }, t('eStroke'))) : nothing}
      </div>
      <span class="k">${t('align')}</span>
      <div class="pair">
        ${this.seg(t('hAlign'), 'align', el.align, ['left', 'center', 'right'] as const, (align) => this.text({ align }, t('eAlign')))}
        ${this.seg(t('vAlign'), 'valign', el.valign, ['top', 'middle', 'bottom'] as const, (valign) => this.text({ valign }, t('eAlign')))}
      </div>
      <span class="k">${t('writing')}</span>
      <div class="pair">${this.seg(t('writing'), 'writing', el.writing, ['horizontal', 'vertical'] as const, (writing) => this.text({ writing }, t('eWriting')))}</div>
      <label class="k" for="spacing">${t('spacing')}</label>
      <div class="pair">
        <input type="number" id="spacing" name="spacing" min="-50" max="500" step="5" .value=${live(String(Math.round(el.letterSpacing * 100)))}
          @change=${(e: Event) => Number.isFinite(num(e)) && this.text({ letterSpacing: num(e) / 100 }, t('eSpacing'))}><span class="unit">${t('spacingUnit')}</span>
        <label class="check" for="line-height">${t('lineHeight')}</label>
        <input type="number" id="line-height" name="line-height" min="0.5" max="5" step="0.05" .value=${live(String(el.lineHeight))}
          @change=${(e: Event) => num(e) > 0 && this.text({ lineHeight: num(e) }, t('eLine'))}><span class="unit">${t('times')}</span>
      </div>
    `;
  }

  private renderOther(el: Exclude<Element, TextElement>) {
    const id = this.selectedId;
    switch (el.type) {
      case 'image':
        return html`<span class="k">${t('imageFit')}</span>
          <div class="sub">${this.seg(t('imageFit'), 'fit', el.fit, ['cover', 'contain'] as const, (fit) => this.change(() => patchElement(this.design, id, 'image', { fit }), t('eFit')))}
          <p class="muted hint">${t('imageNote')}</p></div>`;
      case 'qr':
        return html`<span class="k">${t('qrDark')}</span>${this.colour(t('qrDark'), 'qr-dark', el.dark, (dark) => this.change(() => patchElement(this.design, id, 'qr', { dark }), t('eQr')))}
          <span class="k">${t('qrLight')}</span>${this.colour(t('qrLight'), 'qr-light', el.light, (light) => this.change(() => patchElement(this.design, id, 'qr', { light }), t('eQr')))}`;
      case 'rect':
      case 'ellipse':
        return html`<span class="k">${t('fill')}</span>${this.colour(t('fill'), 'fill', el.fill, (fill) => this.change(() => patchElement(this.design, id, el.type, { fill }), t('eFill')))}`;
      case 'line':
        return html`<span class="k">${t('colour')}</span>${this.colour(t('colour'), 'line-colour', el.stroke.colour, (colour) => this.change(() => patchElement(this.design, id, 'line', { stroke: { ...el.stroke, colour } }), t('eColour')))}`;
    }
  }

  override render() {
    const el = this.design ? findElement(this.design, this.selectedId) : undefined;
    return html`
      <section class="panel" aria-labelledby="st-h">
        <h2 id="st-h">${t('title')}</h2>
        <div class="pick">
          <label for="element">${t('element')}</label>
          <select id="element" name="element" @change=${(e: Event) => this.select((e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!el}>${t('pick')}</option>
            ${(this.design?.elements ?? []).map((x) => html`<option value=${x.id} ?selected=${x.id === el?.id}>${this.optionName(x)}</option>`)}
          </select>
        </div>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        ${
          el
            ? html`<div class="grid" data-type=${el.type}>${el.type === 'text' ? this.renderText(el) : this.renderOther(el)}</div>`
            : html`<p class="muted hint">${t('hint')}</p>`
        }
      </section>
    `;
  }
}

/** A first outline that shows at banner distance: about 4 % of the character size. */
function strokeDefault(el: TextElement): number {
  const mm = el.size.mode === 'fixed' ? el.size.mm : el.size.maxMm;
  return Math.max(0.5, Math.round(mm * 0.04 * 2) / 2);
}

customElements.define('cs-style-panel', CsStylePanel);

declare global {
  interface HTMLElementTagNameMap {
    'cs-style-panel': CsStylePanel;
  }
}
