import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { PreviewGeometry, PreviewLayer } from '../../main/core/api.js';
import type { StudioDesign } from '../../main/core/design/design.js';
import { findElement, type Guide } from '../../main/core/design/edit.js';
import type { Point, Rect } from '../../main/core/design/geometry.js';
import { assetScreenPath } from '../../main/core/resource-paths.js';
import { resourceUrl } from './data/api-client.js';
import { CanvasInput, type CanvasHost } from './data/canvas-input.js';
import { clampZoom, PX_PER_MM, zoomStep } from './data/canvas-math.js';
import { canvasOverlay } from './canvas-overlay.js';
import { decodeLayers, drawThumbnail, formatLength, type ShownLayer } from './data/preview-layers.js';
import { fire } from './events.js';
import { LocaleController, defineMessages } from './i18n/i18n.js';
import { place, restore } from './place.js';
import { previewStyles } from './preview-styles.js';
import './cs-ruler.js';

const t = defineMessages({
  title: { zh: '画布', en: 'Canvas' },
  loading: { zh: '正在生成预览…', en: 'Rendering the preview…' },
  alt: { zh: '设计预览（{w} × {h}）', en: 'Design preview ({w} × {h})' },
  size: { zh: '成品尺寸 {w} × {h}', en: 'Finished size {w} × {h}' },
  tools: { zh: '缩放与参考线', en: 'Zoom and guides' },
  zoomOut: { zh: '缩小', en: 'Zoom out' },
  zoomIn: { zh: '放大', en: 'Zoom in' },
  actual: { zh: '100%', en: '100%' },
  actualHint: { zh: '实际尺寸（Ctrl+1）', en: 'Actual size (Ctrl+1)' },
  fit: { zh: '适合窗口', en: 'Fit' },
  fitHint: { zh: '整幅放进画布（Ctrl+0）', en: 'Fit the whole page (Ctrl+0)' },
  zoomLevel: { zh: '缩放比例', en: 'Zoom level' },
  bleed: { zh: '出血线', en: 'Bleed' },
  safe: { zh: '安全区', en: 'Safe area' },
  rulers: { zh: '标尺', en: 'Rulers' },
  bleedKey: { zh: '出血 {mm}', en: 'Bleed {mm}' },
  noBleed: { zh: '无出血', en: 'No bleed' },
  safeKey: { zh: '安全边距 {mm}', en: 'Safe margin {mm}' },
  stage: {
    zh: '画布：点击选中元素，拖动移动，方向键微调 1 毫米（Shift 10 毫米），Tab 切换元素，双击文字直接修改，Ctrl 加滚轮缩放，按住空格拖动平移',
    en: 'Canvas: click to select, drag to move, arrows nudge 1 mm (Shift 10 mm), Tab to the next element, double-click a text to edit it, Ctrl+wheel to zoom, hold Space and drag to pan',
  },
  crop: { zh: '拖动照片调整裁切，按 Esc 完成', en: 'Drag the photo to reframe it; Esc when done' },
  rotate: { zh: '旋转', en: 'Rotate' },
});

const STAGE_PAD = 32;
/** Longest displayed side: Chromium paints an image in tiles, but past this it is only slow. */
const MAX_SIDE_PX = 32_000;

/**
 * The canvas: the engine's preview, one image per element (never inserted as markup: an SVG in
 * <img> runs no scripts and loads nothing), with rulers, zoom and pan, and direct manipulation —
 * select, drag, resize, rotate, snap, marquee, double-click to edit a text, crop a photo. A drag
 * moves what is already on screen; the design changes once, on release (data/gestures.ts).
 * Fires `elements-select`, `design-change`, `canvas-command` (keys for the selection),
 * `text-commit`, `canvas-files` (a dropped photo), `edit-refused` and `preview-load`.
 */
export class CsPreview extends LitElement implements CanvasHost {
  static override properties = {
    design: { attribute: false },
    selected: { attribute: false },
    geometry: { attribute: false },
    names: { attribute: false },
    shown: { state: true },
    zoom: { state: true },
    showBleed: { state: true },
    showSafe: { state: true },
    showRulers: { state: true },
    stageSize: { state: true },
    hoverId: { state: true },
    cropId: { state: true },
    editingId: { state: true },
  };
  /** The preview's layers (previewSvg) and the design they were drawn for; set directly (latency). */
  layers: readonly PreviewLayer[] = [];
  layersFor: StudioDesign | undefined;
  design: StudioDesign | undefined;
  selected: readonly string[] = [];
  geometry: ReadonlyMap<string, PreviewGeometry> = new Map();
  names: ReadonlyMap<string, string> = new Map();
  shown: readonly ShownLayer[] = [];
  zoom: 'fit' | number = 'fit';
  showBleed = true;
  showSafe = true;
  showRulers = true;
  stageSize = { w: 0, h: 0 };
  hoverId = '';
  cropId = '';
  editingId = '';
  private readonly i18n = new LocaleController(this);
  private resize: ResizeObserver | undefined;
  private anchor: { at: Point; sx: number; sy: number } | undefined;
  private readonly input = new CanvasInput(this);
  /** A drop's layers keep their drag transform until the preview of the design it made is shown. */
  private held = false;
  private shownFor: StudioDesign | undefined;

  static override styles = previewStyles;

  override connectedCallback() {
    super.connectedCallback();
    this.resize = new ResizeObserver(([e]) => {
      if (e) this.stageSize = { w: e.contentRect.width, h: e.contentRect.height };
    });
    window.addEventListener('keyup', this.input.keyup);
  }

  override firstUpdated() {
    const stage = this.stageNode;
    if (stage) this.resize?.observe(stage);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.resize?.disconnect();
    window.removeEventListener('keyup', this.input.keyup);
    this.input.dispose();
    this.shown = [];
    this.decoding = [];
  }

  get stageNode(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.stage');
  }

  // ---- layers ----------------------------------------------------------------------------------

  private decoding: readonly PreviewLayer[] = [];
  /** The URLs of the shown preview's new layers not loaded yet; `preview-load` when none is left. */
  private loading = new Set<string>();

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('design') && this.cropId && !findElement(this.design ?? { elements: [] }, this.cropId))
      this.cropId = '';
  }

  /** New layers from the main side: decoded off screen, then swapped in (the old stay up meanwhile). */
  async show(layers: readonly PreviewLayer[], made: StudioDesign | undefined) {
    this.layers = layers;
    this.layersFor = made;
    this.decoding = layers;
    const { next, fresh } = await decodeLayers(this.shown, layers);
    if (this.decoding !== layers) return;
    this.shown = next;
    this.shownFor = made;
    this.loading = new Set(fresh);
    await this.updateComplete;
    // A layer decoded before the swap is complete the moment its <img> is set: it is painted with
    // the next frame, whenever its load event comes (0.3 ms to tens of ms later on a busy page).
    for (const img of this.renderRoot.querySelectorAll<HTMLImageElement>('img.layer'))
      if (img.complete && img.naturalWidth) this.loading.delete(img.getAttribute('src') ?? '');
    if (this.shown === next && !this.loading.size) fire(this, 'preview-load');
  }

  private loaded(e: Event) {
    const src = (e.target as HTMLImageElement).getAttribute('src') ?? '';
    if (this.loading.delete(src) && !this.loading.size) fire(this, 'preview-load');
  }

  override updated(changed: PropertyValues<this>) {
    // A drop's transforms end when the preview of the design it made is on screen; the outlines
    // are drawn from the design, so they go back to rest as soon as it changes.
    if (this.held && this.shownFor === this.design) {
      this.held = false;
      restore(this.renderRoot.querySelectorAll<HTMLElement>('[data-layer]'));
    }
    if (changed.has('design') || changed.has('selected'))
      restore(this.renderRoot.querySelectorAll<HTMLElement>('[data-sel]'));
    const stage = this.stageNode;
    const sheet = this.renderRoot.querySelector<HTMLElement>('.sheet');
    if (stage && sheet && this.anchor) {
      const a = this.anchor;
      this.anchor = undefined;
      const p = this.toPx(a.at);
      stage.scrollLeft = sheet.offsetLeft + p.x - a.sx;
      stage.scrollTop = sheet.offsetTop + p.y - a.sy;
    }
    this.syncRulers();
  }

  // ---- geometry --------------------------------------------------------------------------------

  get trim() {
    const f = this.design?.format;
    return { w: f?.widthMm ?? 0, h: f?.heightMm ?? 0, bleed: f?.bleedMm ?? 0, safe: f?.safeMm ?? 0 };
  }

  private sheetMm(): Rect {
    const { w, h, bleed } = this.trim;
    return { x: -bleed, y: -bleed, w: w + 2 * bleed, h: h + 2 * bleed };
  }

  private fitZoom(): number {
    const s = this.sheetMm();
    const { w, h } = this.stageSize;
    if (!s.w || !s.h || !w) return 0.1;
    return Math.min((w - 2 * STAGE_PAD) / s.w, (Math.max(120, h) - 2 * STAGE_PAD) / s.h) / PX_PER_MM;
  }

  /** Displayed px per mm. */
  get scale(): number {
    const s = this.sheetMm();
    const z = this.zoom === 'fit' ? this.fitZoom() : this.zoom;
    const cap = MAX_SIDE_PX / (Math.max(s.w, s.h, 1) * PX_PER_MM);
    return Math.max(0.0001, Math.min(z, cap) * PX_PER_MM);
  }

  toPx(p: Point): Point {
    const o = this.sheetMm();
    return { x: (p.x - o.x) * this.scale, y: (p.y - o.y) * this.scale };
  }

  px(r: Rect): Rect {
    const p = this.toPx(r);
    return { ...p, w: r.w * this.scale, h: r.h * this.scale };
  }

  /** The page point under a pointer, mm. */
  toMm(e: { clientX: number; clientY: number }): Point {
    const r = this.renderRoot.querySelector('.sheet')!.getBoundingClientRect();
    const o = this.sheetMm();
    return { x: (e.clientX - r.left) / this.scale + o.x, y: (e.clientY - r.top) / this.scale + o.y };
  }

  /** Zoom to `z`, keeping the page point under the pointer (or the stage's middle) where it is. */
  setZoom(z: 'fit' | number, at?: { clientX: number; clientY: number }) {
    const stage = this.stageNode;
    if (stage && this.shown.length) {
      const r = stage.getBoundingClientRect();
      const c = at ?? { clientX: r.left + r.width / 2, clientY: r.top + r.height / 2 };
      this.anchor = { at: this.toMm(c), sx: c.clientX - r.left, sy: c.clientY - r.top };
    }
    this.zoom = z === 'fit' ? z : clampZoom(z);
  }

  step(dir: 1 | -1) {
    this.setZoom(zoomStep(this.scale / PX_PER_MM, dir));
  }

  private readonly syncRulers = () => {
    const stage = this.stageNode;
    const sheet = this.renderRoot.querySelector<HTMLElement>('.sheet');
    const [h, v] = this.renderRoot.querySelectorAll('cs-ruler');
    if (!stage || !sheet || !h || !v) return;
    const b = this.trim.bleed * this.scale;
    h.scale = v.scale = this.scale;
    h.origin = sheet.offsetLeft - stage.scrollLeft + b;
    v.origin = sheet.offsetTop - stage.scrollTop + b;
  };

  // ---- the gesture host --------------------------------------------------------------------------

  nodesOf(ids: readonly string[]): HTMLElement[] {
    const sel = ids.map((id) => `[data-layer="${CSS.escape(id)}"],[data-sel="${CSS.escape(id)}"]`).join(',');
    return sel ? [...this.renderRoot.querySelectorAll<HTMLElement>(sel)] : [];
  }
  photoNodes(id: string): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>(`[data-photo="${CSS.escape(id)}"]`)];
  }
  // Guides and the marquee change every frame of a drag: drawn straight into their layer.
  guides(g: readonly Guide[]) {
    const box = this.renderRoot.querySelector<HTMLElement>('.guides');
    if (!box || (!g.length && !box.childElementCount)) return;
    box.replaceChildren(
      ...g.map((line) => {
        const d = document.createElement('div');
        const p = this.toPx(line.axis === 'x' ? { x: line.at, y: line.from } : { x: line.from, y: line.at });
        const len = (line.to - line.from) * this.scale;
        d.className = 'snap';
        d.dataset['snap'] = line.axis;
        Object.assign(d.style, {
          left: `${p.x}px`,
          top: `${p.y}px`,
          [line.axis === 'x' ? 'height' : 'width']: `${len}px`,
        });
        return d;
      }),
    );
  }
  marquee(r: Rect | null) {
    const m = this.renderRoot.querySelector<HTMLElement>('.marquee');
    if (!m) return;
    m.hidden = !r;
    if (r) {
      const p = this.px(r);
      Object.assign(m.style, { left: `${p.x}px`, top: `${p.y}px`, width: `${p.w}px`, height: `${p.h}px` });
    }
  }
  commit(design: StudioDesign, label: string) {
    this.held = true;
    fire(this, 'design-change', { design, label });
  }
  select(ids: string[]) {
    fire(this, 'elements-select', { ids });
  }
  refuse(message: string) {
    fire(this, 'edit-refused', { message });
  }

  /** A small picture of the page as shown (the start screen's recent designs). */
  thumbnail(px = 280): string | undefined {
    const sheet = this.renderRoot.querySelector<HTMLElement>('.sheet');
    return sheet ? drawThumbnail(sheet, px) : undefined;
  }

  /** The page point in the middle of what the canvas shows (where a new element goes), mm. */
  visibleCentre(): Point | undefined {
    const stage = this.stageNode;
    if (!stage || !this.shown.length) return undefined;
    const r = stage.getBoundingClientRect();
    const p = this.toMm({ clientX: r.left + r.width / 2, clientY: r.top + r.height / 2 });
    const { w, h } = this.trim;
    return { x: Math.min(w, Math.max(0, p.x)), y: Math.min(h, Math.max(0, p.y)) };
  }

  /**
   * Enter or double-click: a text is edited in place, a photo is reframed. A lock holds an
   * element's place, not its words (a template's locked hotline still takes the station's number),
   * so a locked text is edited too; a locked photo is not reframed.
   */
  edit(id: string) {
    const el = this.design && findElement(this.design, id);
    if (!el) return;
    if (el.type === 'text') this.editingId = id;
    else if (el.type === 'image' && el.asset && !el.locked) this.cropId = this.cropId === id ? '' : id;
  }

  // ---- rendering ---------------------------------------------------------------------------------

  private renderLayer(l: ShownLayer, alt: string) {
    const { w, h } = this.trim;
    if (l.kind === 'svg')
      return html`<img class="layer" data-layer=${l.id} src=${l.url} alt=${alt} draggable="false" @load=${this.loaded} ${place(this.px(l.region ?? { x: 0, y: 0, w, h }))}>`;
    const c = this.px(l.clip);
    const b = this.px(l.box);
    const src = resourceUrl(assetScreenPath(l.sha256));
    const o = l.rotate && this.toPx({ x: l.rotate.cx, y: l.rotate.cy });
    const turn = o
      ? `translate(${o.x - c.x}px, ${o.y - c.y}px) rotate(${l.rotate!.deg}deg) translate(${c.x - o.x}px, ${c.y - o.y}px)`
      : '';
    const inner = { ...b, x: b.x - c.x, y: b.y - c.y };
    // Reframing: the whole photo shows faintly around its frame, and moves with it.
    const ghost =
      this.cropId === l.id
        ? html`<img class="ghost" data-photo=${l.id} src=${src} alt="" draggable="false" ${place(b)}>`
        : nothing;
    return html`${ghost}<div class="photo" data-layer=${l.id} ${place(c, { radius: l.clip.r * this.scale, transform: turn })}>
      <img src=${src} alt="" draggable="false" data-photo=${l.id} ${place(inner)}></div>`;
  }

  override render() {
    const { w, h, bleed, safe } = this.trim;
    const sheet = this.px(this.sheetMm());
    const pct = (this.scale / PX_PER_MM) * 100;
    const size = { w: formatLength(w), h: formatLength(h) };
    const toggle = (name: string, label: string, on: boolean, set: (v: boolean) => void, disabled = false) =>
      html`<label class="toggle"><input type="checkbox" name=${name} .checked=${on} ?disabled=${disabled} @change=${(e: Event) => set((e.target as HTMLInputElement).checked)}>${label}</label>`;
    return html`
      <div class="head">
        <div class="tools" role="toolbar" aria-label=${t('tools')}>
          <button type="button" class="secondary icon zoom-out" title=${t('zoomOut')} aria-label=${t('zoomOut')} @click=${() => this.step(-1)}>−</button>
          <span class="level" aria-label=${t('zoomLevel')} aria-live="polite" data-zoom=${pct.toFixed(2)}>${pct < 10 ? pct.toFixed(1) : Math.round(pct)}%</span>
          <button type="button" class="secondary icon zoom-in" title=${t('zoomIn')} aria-label=${t('zoomIn')} @click=${() => this.step(1)}>+</button>
          <button type="button" class="secondary zoom-actual" title=${t('actualHint')} @click=${() => this.setZoom(1)}>${t('actual')}</button>
          <button type="button" class="secondary zoom-fit" title=${t('fitHint')} aria-pressed=${this.zoom === 'fit'} @click=${() => this.setZoom('fit')}>${t('fit')}</button>
          <span class="sep" aria-hidden="true"></span>
          ${toggle('bleed', t('bleed'), this.showBleed, (v) => (this.showBleed = v), bleed <= 0)}
          ${toggle('safe', t('safe'), this.showSafe, (v) => (this.showSafe = v), safe <= 0)}
          ${toggle('rulers', t('rulers'), this.showRulers, (v) => (this.showRulers = v))}
        </div>
        <span class="muted size">${t('size', size)} · ${bleed > 0 ? t('bleedKey', { mm: `${bleed} mm` }) : t('noBleed')}${safe > 0 ? ` · ${t('safeKey', { mm: formatLength(safe) })}` : ''}</span>
      </div>
      <div class="view ${this.showRulers ? 'with-rulers' : ''}">
        ${this.showRulers ? html`<span class="corner">mm</span><cs-ruler class="rh"></cs-ruler><cs-ruler class="rv" vertical></cs-ruler>` : nothing}
        <div class="stage" tabindex="0" role="application" aria-label=${t('stage')} aria-roledescription=${t('title')}
          @keydown=${this.input.keydown} @wheel=${this.input.wheel} @scroll=${this.syncRulers}
          @dragover=${(e: DragEvent) => e.dataTransfer?.types.includes('Files') && e.preventDefault()} @drop=${this.input.drop}>
          ${
            this.shown.length
              ? html`<div class="sheet ${this.hoverId ? 'hot' : ''}" ${place(sheet)}
                  @pointerdown=${this.input.down} @pointermove=${this.input.move} @pointerup=${this.input.up} @pointercancel=${this.input.up}
                  @dblclick=${this.input.dblclick} @pointerleave=${() => (this.hoverId = '')}>
                ${repeat(
                  this.shown,
                  (l) => (l.kind === 'svg' ? l : `p:${l.id}:${l.sha256}`),
                  (l, i) => this.renderLayer(l, i === 0 ? t('alt', size) : ''),
                )}
                ${canvasOverlay(this, { crop: t('crop'), rotate: t('rotate') })}
              </div>`
              : html`<p class="muted loading">${t('loading')}</p>`
          }
        </div>
      </div>
    `;
  }
}
customElements.define('cs-preview', CsPreview);

declare global {
  interface HTMLElementTagNameMap {
    'cs-preview': CsPreview;
  }
}
