import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import type { StudioDesign } from '../../main/core/design/design.js';
import { elementAt, elementBox } from '../../main/core/design/edit.js';
import { MM_PER_INCH, SCREEN_DPI } from '../../main/core/units.js';
import type { PreviewLayer } from '../../main/core/api.js';
import { assetScreenPath } from '../../main/core/resource-paths.js';
import { resourceUrl } from './data/api-client.js';
import { fire } from './events.js';
import { LocaleController, defineMessages, locale } from './i18n/i18n.js';
import { controls } from './shared-styles.js';

const t = defineMessages({
  title: { zh: '实时预览', en: 'Live preview' },
  loading: { zh: '正在生成预览…', en: 'Rendering the preview…' },
  alt: { zh: '设计预览（{w} × {h}）', en: 'Design preview ({w} × {h})' },
  size: { zh: '成品尺寸 {w} × {h}', en: 'Finished size {w} × {h}' },
  tools: { zh: '缩放与参考线', en: 'Zoom and guides' },
  zoomOut: { zh: '缩小', en: 'Zoom out' },
  zoomIn: { zh: '放大', en: 'Zoom in' },
  actual: { zh: '100%', en: '100%' },
  actualHint: { zh: '实际尺寸（Ctrl+1）', en: 'Actual size (Ctrl+1)' },
  fit: { zh: '适合窗口', en: 'Fit' },
  fitHint: { zh: '整幅放进预览区（Ctrl+0）', en: 'Fit the whole page (Ctrl+0)' },
  zoomLevel: { zh: '缩放比例', en: 'Zoom level' },
  bleed: { zh: '出血线', en: 'Bleed' },
  safe: { zh: '安全区', en: 'Safe area' },
  trimKey: { zh: '裁切线', en: 'Trim' },
  bleedKey: { zh: '出血 {mm}', en: 'Bleed {mm}' },
  noBleed: { zh: '无出血', en: 'No bleed' },
  safeKey: { zh: '安全边距 {mm}', en: 'Safe margin {mm}' },
  stage: {
    zh: '预览区：点击元素可选中它，Ctrl 加 +/− 缩放',
    en: 'Preview: click an element to select it, Ctrl +/− to zoom',
  },
});

/** CSS px per mm at 100 % (96 px per inch). */
const PX_PER_MM = SCREEN_DPI / MM_PER_INCH;
/** Zoom levels the +/− buttons step through, as fractions of actual size. */
const STEPS = [
  0.01, 0.02, 0.03, 0.05, 0.08, 0.1, 0.125, 0.167, 0.2, 0.25, 0.33, 0.5, 0.67, 0.75, 1, 1.25, 1.5, 2, 3, 4,
];
/** Longest displayed side: Chromium paints an SVG image in tiles, but past this it is only slow. */
const MAX_SIDE_PX = 32_000;
const STAGE_PAD = 24;

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Sets an element's position and size through the CSSOM (the CSP forbids style attributes). */
class PlaceDirective extends Directive {
  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('place() goes on an element');
  }
  render(_r: Rect | undefined, _radius?: number) {
    return nothing;
  }
  override update(part: ElementPart, [r, radius]: [Rect | undefined, number?]) {
    const s = (part.element as HTMLElement).style;
    if (!r) return nothing;
    s.left = `${r.x}px`;
    s.top = `${r.y}px`;
    s.width = `${r.w}px`;
    s.height = `${r.h}px`;
    if (radius !== undefined) s.borderRadius = `${radius}px`;
    return nothing;
  }
}
const place = directive(PlaceDirective);

/** A layer as shown: an SVG layer by the blob URL of its markup and the region its viewBox draws. */
type ShownLayer =
  Exclude<PreviewLayer, { kind: 'svg' }> | { kind: 'svg'; svg: string; url: string; region: Rect | undefined };

/** The region the engine's SVG draws, in mm, from its viewBox (the trim, or the trim plus bleed). */
function svgRegion(svg: string): Rect | undefined {
  const m = /viewBox="([-\d.e]+) ([-\d.e]+) ([\d.e]+) ([\d.e]+)"/.exec(svg.slice(0, 400));
  return m ? { x: +m[1]!, y: +m[2]!, w: +m[3]!, h: +m[4]! } : undefined;
}

export function formatLength(mm: number): string {
  const en = locale() === 'en';
  if (mm >= 1000) return `${(mm / 1000).toFixed(mm % 1000 ? 2 : 0)} ${en ? 'm' : '米'}`;
  if (mm >= 100 || mm % 10 === 0) return `${+(mm / 10).toFixed(1)} ${en ? 'cm' : '厘米'}`;
  return `${+mm.toFixed(1)} ${en ? 'mm' : '毫米'}`;
}

/**
 * The engine's own SVG, shown as an image. Never inserted as markup: an SVG in <img> runs no
 * scripts and loads nothing, whatever it holds. Over it, drawn from the design's numbers: trim,
 * bleed and safe-area guides and the selected element's box. Fires `preview-load` when a new
 * image is on screen and `element-select` {elementId} ('' for none) when the page is clicked.
 */
export class CsPreview extends LitElement {
  static override properties = {
    layers: { attribute: false },
    design: { attribute: false },
    selectedId: { attribute: false },
    shown: { state: true },
    zoom: { state: true },
    showBleed: { state: true },
    showSafe: { state: true },
    stageWidth: { state: true },
    hoverId: { state: true },
  };
  /** The preview's layers as the main side sent them (previewSvg). */
  layers: readonly PreviewLayer[] = [];
  design: StudioDesign | undefined;
  selectedId = '';
  /** The layers on screen: SVG layers by a blob URL of their markup. */
  shown: readonly ShownLayer[] = [];
  /** 'fit', or a fraction of actual size. */
  zoom: 'fit' | number = 'fit';
  showBleed = true;
  showSafe = true;
  stageWidth = 0;
  hoverId = '';
  private readonly i18n = new LocaleController(this);
  private resize: ResizeObserver | undefined;
  /** The point (fractions of the sheet) to keep in the middle of the stage after a zoom. */
  private anchor: { fx: number; fy: number } | undefined;

  static override styles = [
    controls,
    css`
      .head { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; margin-bottom: 12px; }
      .head h2 { margin: 0; flex: 1; }
      .tools { display: flex; align-items: center; gap: 6px; flex-wrap: wrap; }
      .tools button { min-height: 32px; padding: 4px 10px; }
      .tools .icon { width: 32px; padding: 0; font-size: 18px; line-height: 1; }
      .level { min-width: 56px; text-align: center; font-variant-numeric: tabular-nums; font-size: 14px; }
      .sep { width: 1px; align-self: stretch; background: var(--cs-border); margin: 0 6px; }
      .toggle { display: inline-flex; align-items: center; gap: 6px; font-weight: 400; margin: 0; font-size: 14px; cursor: pointer; }
      .toggle input { margin: 0; width: 16px; height: 16px; }
      .stage {
        background: repeating-conic-gradient(#e4e8ee 0 25%, #f4f6f9 0 50%) 0 0 / 20px 20px;
        border-radius: 8px; padding: ${STAGE_PAD}px; display: flex; overflow: auto; max-height: 72vh; min-height: 160px;
      }
      .sheet { position: relative; margin: auto; flex: none; cursor: default; }
      .sheet.hot { cursor: pointer; }
      .sheet img { position: absolute; display: block; user-select: none; -webkit-user-drag: none; }
      .sheet img.layer:first-child { box-shadow: 0 2px 10px rgba(0, 0, 0, 0.25); background: #fff; }
      /* Its own compositing layer: painting a new text layer over it does not rescale the photo again. */
      .photo { position: absolute; overflow: hidden; pointer-events: none; will-change: transform; }
      .g { position: absolute; pointer-events: none; }
      .trim { outline: 1px solid rgba(0, 0, 0, 0.55); }
      .bleed { border: 1px dashed #d4145a; }
      .safe { border: 1px dashed #00a0e9; }
      .hover { outline: 1px solid rgba(11, 61, 145, 0.7); }
      .sel { outline: 2px solid var(--cs-focus); box-shadow: 0 0 0 1px rgba(0, 0, 0, 0.45), inset 0 0 0 1px rgba(0, 0, 0, 0.45); }
      .sel-tag {
        position: absolute; left: -2px; bottom: 100%; margin-bottom: 2px; white-space: nowrap;
        background: var(--cs-focus); color: #1b2430; font-size: 12px; line-height: 18px; padding: 0 6px; border-radius: 3px 3px 0 0;
      }
      .loading { margin: auto; }
      .caption { margin-top: 8px; display: flex; gap: 16px; flex-wrap: wrap; align-items: center; }
      .key { display: inline-flex; align-items: center; gap: 6px; }
      .key::before { content: ''; width: 18px; border-top: 1px solid rgba(0, 0, 0, 0.55); }
      .key.b::before { border-top: 1px dashed #d4145a; }
      .key.s::before { border-top: 1px dashed #00a0e9; }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    this.resize = new ResizeObserver(([entry]) => {
      if (entry) this.stageWidth = entry.contentRect.width;
    });
  }

  override firstUpdated() {
    const stage = this.renderRoot.querySelector('.stage');
    if (stage) this.resize?.observe(stage);
  }

  /** The newest layers asked to be shown (an older set still decoding is dropped for them). */
  private decoding: readonly PreviewLayer[] = [];
  /** SVG layers of the set on screen whose image has not fired `load` yet. */
  private pending = 0;

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('layers')) void this.show(this.layers);
  }

  /**
   * Decodes the new SVG layers off screen and only then swaps them in, so the page never waits on
   * a decode and the old preview stays up meanwhile. Photos are <img>s of the image store's
   * screen-size file: the browser decodes each once and keeps it while the text changes around it.
   */
  private async show(layers: readonly PreviewLayer[]) {
    this.decoding = layers;
    // A layer the edit did not change (the ground under a photo while the slogan is typed) keeps
    // its image: only what changed is decoded and painted again.
    const kept = new Map(this.shown.flatMap((l) => (l.kind === 'svg' ? [[l.svg, l] as const] : [])));
    const next: ShownLayer[] = layers.map((l) =>
      l.kind === 'svg'
        ? (kept.get(l.svg) ?? {
            ...l,
            url: URL.createObjectURL(new Blob([l.svg], { type: 'image/svg+xml' })),
            region: svgRegion(l.svg),
          })
        : l,
    );
    const fresh = next.flatMap((l) => (l.kind === 'svg' && !kept.has(l.svg) ? [l.url] : []));
    if (this.shown.length)
      await Promise.all(
        fresh.map((url) => {
          const img = new Image();
          img.src = url;
          return img.decode().catch(() => undefined);
        }),
      );
    if (this.decoding !== layers) return fresh.forEach((u) => URL.revokeObjectURL(u));
    this.release(next);
    this.shown = next;
    this.pending = fresh.length;
    if (!fresh.length) fire(this, 'preview-load');
  }

  /** Revokes the URLs of shown layers that `next` does not keep. */
  private release(next: readonly ShownLayer[] = []) {
    const still = new Set(next.flatMap((l) => (l.kind === 'svg' ? [l.url] : [])));
    for (const l of this.shown) if (l.kind === 'svg' && !still.has(l.url)) URL.revokeObjectURL(l.url);
  }

  override updated() {
    const a = this.anchor;
    const stage = this.renderRoot.querySelector<HTMLElement>('.stage');
    if (!a || !stage) return;
    this.anchor = undefined;
    const { w, h } = this.sheetPx();
    stage.scrollLeft = a.fx * w + STAGE_PAD - stage.clientWidth / 2;
    stage.scrollTop = a.fy * h + STAGE_PAD - stage.clientHeight / 2;
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.resize?.disconnect();
    this.release();
    this.shown = [];
    this.decoding = [];
  }

  private get trim() {
    const f = this.design?.format;
    return { w: f?.widthMm ?? 0, h: f?.heightMm ?? 0, bleed: f?.bleedMm ?? 0, safe: f?.safeMm ?? 0 };
  }

  /** The sheet in mm: the trim plus its bleed on every side. */
  private sheetMm(): Rect {
    const { w, h, bleed } = this.trim;
    return { x: -bleed, y: -bleed, w: w + 2 * bleed, h: h + 2 * bleed };
  }

  private fitScale(): number {
    const s = this.sheetMm();
    if (!s.w || !s.h || !this.stageWidth) return 0.1;
    const maxH = window.innerHeight * 0.72 - 2 * STAGE_PAD;
    return Math.min(this.stageWidth / s.w, Math.max(120, maxH) / s.h) / PX_PER_MM;
  }

  /** Displayed px per mm. */
  private get scale(): number {
    const s = this.sheetMm();
    const z = this.zoom === 'fit' ? this.fitScale() : this.zoom;
    const cap = MAX_SIDE_PX / (Math.max(s.w, s.h, 1) * PX_PER_MM);
    return Math.min(z, cap) * PX_PER_MM;
  }

  private sheetPx() {
    const s = this.sheetMm();
    return { w: s.w * this.scale, h: s.h * this.scale };
  }

  /** A rectangle in mm (trim coordinates) to px on the sheet. */
  private px(r: Rect): Rect {
    const k = this.scale;
    const o = this.sheetMm();
    return { x: (r.x - o.x) * k, y: (r.y - o.y) * k, w: r.w * k, h: r.h * k };
  }

  private setZoom(z: 'fit' | number) {
    const stage = this.renderRoot.querySelector<HTMLElement>('.stage');
    if (stage) {
      const { w, h } = this.sheetPx();
      const fx = (stage.scrollLeft + stage.clientWidth / 2 - STAGE_PAD) / w;
      const fy = (stage.scrollTop + stage.clientHeight / 2 - STAGE_PAD) / h;
      this.anchor = { fx: Math.min(1, Math.max(0, fx)), fy: Math.min(1, Math.max(0, fy)) };
    }
    this.zoom = z;
  }

  private step(dir: 1 | -1) {
    const now = this.scale / PX_PER_MM;
    const next = dir > 0 ? STEPS.find((s) => s > now * 1.001) : [...STEPS].reverse().find((s) => s < now * 0.999);
    this.setZoom(next ?? (dir > 0 ? STEPS.at(-1)! : STEPS[0]!));
  }

  private onKey(e: KeyboardEvent) {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    const act: Record<string, () => void> = {
      '+': () => this.step(1),
      '=': () => this.step(1),
      '-': () => this.step(-1),
      _: () => this.step(-1),
      '0': () => this.setZoom('fit'),
      '1': () => this.setZoom(1),
    };
    const f = act[e.key];
    if (!f) return;
    e.preventDefault();
    f();
  }

  /** The element under a pointer event, from the design's boxes in mm. */
  private hit(e: MouseEvent): string {
    const sheet = e.currentTarget as HTMLElement;
    const r = sheet.getBoundingClientRect();
    const o = this.sheetMm();
    if (!this.design) return '';
    return (
      elementAt(this.design, (e.clientX - r.left) / this.scale + o.x, (e.clientY - r.top) / this.scale + o.y)?.id ?? ''
    );
  }

  private onClick(e: MouseEvent) {
    fire(this, 'element-select', { elementId: this.hit(e) });
  }

  /** Every SVG layer of the new set has loaded: the preview on screen is the latest. */
  private loaded() {
    if (--this.pending === 0) fire(this, 'preview-load');
  }

  private renderLayer(l: ShownLayer, alt: string) {
    const { w, h } = this.trim;
    if (l.kind === 'svg')
      return html`<img class="layer" src=${l.url} alt=${alt} draggable="false" @load=${this.loaded} ${place(this.px(l.region ?? { x: 0, y: 0, w, h }))}>`;
    const c = this.px(l.clip);
    const b = this.px(l.box);
    return html`<div class="photo" ${place(c, l.clip.r * this.scale)}><img src=${resourceUrl(assetScreenPath(l.sha256))} alt="" draggable="false" ${place({ ...b, x: b.x - c.x, y: b.y - c.y })}></div>`;
  }

  private renderGuides() {
    const { w, h, bleed, safe } = this.trim;
    const design = this.design;
    const sel = design?.elements.find((e) => e.id === this.selectedId);
    const hov =
      this.hoverId && this.hoverId !== this.selectedId
        ? design?.elements.find((e) => e.id === this.hoverId)
        : undefined;
    return html`
      <div class="g trim" ${place(this.px({ x: 0, y: 0, w, h }))}></div>
      ${this.showBleed && bleed > 0 ? html`<div class="g bleed" data-guide="bleed" ${place(this.px(this.sheetMm()))}></div>` : nothing}
      ${this.showSafe && safe > 0 ? html`<div class="g safe" data-guide="safe" ${place(this.px({ x: safe, y: safe, w: w - 2 * safe, h: h - 2 * safe }))}></div>` : nothing}
      ${hov ? html`<div class="g hover" ${place(this.px(elementBox(hov)))}></div>` : nothing}
      ${sel ? html`<div class="g sel" data-selected=${sel.id} ${place(this.px(elementBox(sel)))}><span class="sel-tag">${sel.label ?? sel.id}</span></div>` : nothing}
    `;
  }

  // The stage takes the keys (Tab, arrows, Enter); the sheet inside it takes pointer clicks.
  /* eslint-disable lit-a11y/click-events-have-key-events */
  override render() {
    const { w, h, bleed, safe } = this.trim;
    const sheet = this.sheetPx();
    const pct = (this.scale / PX_PER_MM) * 100;
    const size = { w: formatLength(w), h: formatLength(h) };
    return html`
      <section class="panel" aria-labelledby="pv-h">
        <div class="head">
          <h2 id="pv-h">${t('title')}</h2>
          <div class="tools" role="toolbar" aria-label=${t('tools')}>
            <button type="button" class="secondary icon zoom-out" title=${t('zoomOut')} aria-label=${t('zoomOut')} @click=${() => this.step(-1)}>−</button>
            <span class="level" aria-label=${t('zoomLevel')} aria-live="polite" data-zoom=${pct.toFixed(2)}>${pct < 10 ? pct.toFixed(1) : Math.round(pct)}%</span>
            <button type="button" class="secondary icon zoom-in" title=${t('zoomIn')} aria-label=${t('zoomIn')} @click=${() => this.step(1)}>+</button>
            <button type="button" class="secondary zoom-actual" title=${t('actualHint')} @click=${() => this.setZoom(1)}>${t('actual')}</button>
            <button type="button" class="secondary zoom-fit" title=${t('fitHint')} aria-pressed=${this.zoom === 'fit'} @click=${() => this.setZoom('fit')}>${t('fit')}</button>
            <span class="sep" aria-hidden="true"></span>
            <label class="toggle" title=${bleed > 0 ? t('bleedKey', { mm: `${bleed} mm` }) : t('noBleed')}>
              <input type="checkbox" name="bleed" .checked=${this.showBleed} ?disabled=${bleed <= 0} @change=${(e: Event) => (this.showBleed = (e.target as HTMLInputElement).checked)}>${t('bleed')}
            </label>
            <label class="toggle">
              <input type="checkbox" name="safe" .checked=${this.showSafe} ?disabled=${safe <= 0} @change=${(e: Event) => (this.showSafe = (e.target as HTMLInputElement).checked)}>${t('safe')}
            </label>
          </div>
        </div>
        <div class="stage" tabindex="0" aria-label=${t('stage')} @keydown=${this.onKey}>
          ${
            this.shown.length
              ? html`<div class="sheet ${this.hoverId ? 'hot' : ''}" ${place({ x: 0, y: 0, w: sheet.w, h: sheet.h })}
                  @click=${this.onClick} @pointermove=${(e: PointerEvent) => (this.hoverId = this.hit(e))} @pointerleave=${() => (this.hoverId = '')}>
                ${this.shown.map((l, i) => this.renderLayer(l, i === 0 ? t('alt', size) : ''))}
                ${this.renderGuides()}
              </div>`
              : html`<p class="muted loading">${t('loading')}</p>`
          }
        </div>
        <div class="caption muted">
          <span>${t('size', size)}</span>
          <span class="key">${t('trimKey')}</span>
          ${bleed > 0 ? html`<span class="key b">${t('bleedKey', { mm: `${bleed} mm` })}</span>` : html`<span>${t('noBleed')}</span>`}
          ${safe > 0 ? html`<span class="key s">${t('safeKey', { mm: formatLength(safe) })}</span>` : nothing}
        </div>
      </section>
    `;
  }
  /* eslint-enable lit-a11y/click-events-have-key-events */
}
customElements.define('cs-preview', CsPreview);

declare global {
  interface HTMLElementTagNameMap {
    'cs-preview': CsPreview;
  }
}
