import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import type { AssetRef } from '../../main/core/design/assets.js';
import type { StudioDesign } from '../../main/core/design/design.js';
import {
  LARGE_IMAGE_BYTES,
  findElement,
  formatBytes,
  imageAsset,
  imageBytes,
  placeImage,
  removeImage,
} from '../../main/core/design/edit.js';
import { assetThumbnailPath } from '../../main/core/resource-paths.js';
import { MM_PER_INCH } from '../../main/core/units.js';
import { errorMessage, resourceUrl } from './data/api-client.js';
import { addImageFile, IMAGE_ACCEPT, imageError } from './data/images.js';
import { fire } from './events.js';
import { LocaleController, defineMessages } from './i18n/i18n.js';
import { controls } from './shared-styles.js';

const t = defineMessages({
  choose: { zh: '选择图片…', en: 'Choose image…' },
  replace: { zh: '更换图片…', en: 'Replace…' },
  remove: { zh: '移除', en: 'Remove' },
  empty: { zh: '还没有放图片', en: 'No image yet' },
  drop: { zh: '或把照片拖到这里 · PNG、JPEG、WebP', en: 'or drop a photo here · PNG, JPEG, WebP' },
  dropNow: { zh: '松开鼠标放入图片', en: 'Release to place the image' },
  reading: { zh: '正在读取「{name}」…', en: 'Reading “{name}”…' },
  pixels: { zh: '{w}×{h} 像素 · 约 {dpi} dpi', en: '{w}×{h} px · about {dpi} dpi' },
  large: {
    zh: '「{name}」有 {size}，会原样存进设计文件（文件中图片共 {total}）：文件会很大。可以先压缩到 20 MB 以下。',
    en: '“{name}” is {size} and goes into the design file as is (images in the file: {total}): the file gets big. Consider compressing it below 20 MB.',
  },
  thumb: { zh: '{label}的当前图片', en: 'Current image of {label}' },
  eReplace: { zh: '更换图片', en: 'Replace image' },
  eRemove: { zh: '移除图片', en: 'Remove image' },
});

/**
 * An image slot: pick a file or drop one, see a thumbnail, remove it. The file goes to the main
 * side, which checks it and keeps it; the design names it by reference, and the saved file
 * embeds it again. Fires `design-change` {design, label}. Focusing the host focuses its button (a
 * preflight finding about the photo lands here).
 */
export class CsImageField extends LitElement {
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override properties = {
    design: { attribute: false },
    elementId: { attribute: false },
    label: { attribute: false },
    over: { state: true },
    busy: { state: true },
    error: { state: true },
    warning: { state: true },
  };
  design!: StudioDesign;
  elementId = '';
  label = '';
  over = false;
  busy = '';
  error = '';
  warning = '';
  private readonly i18n = new LocaleController(this);

  static override styles = [
    controls,
    css`
      :host { display: block; }
      .drop { display: flex; gap: 12px; align-items: center; border: 1px dashed var(--cs-border); border-radius: 8px; padding: 10px; background: #fafbfd; }
      .drop.over { border: 2px dashed var(--cs-blue); background: #eef3fb; padding: 9px; }
      .thumb { width: 72px; height: 72px; flex: none; border-radius: 6px; background: repeating-conic-gradient(#e4e8ee 0 25%, #f4f6f9 0 50%) 0 0 / 12px 12px; display: grid; place-items: center; overflow: hidden; border: 1px solid var(--cs-border); }
      .thumb img { width: 100%; height: 100%; object-fit: cover; display: block; }
      .thumb span { font-size: 26px; color: #9aa5b4; }
      .info { min-width: 0; flex: 1; display: flex; flex-direction: column; gap: 4px; }
      .meta { font-size: 12px; font-variant-numeric: tabular-nums; }
      .actions { margin: 2px 0; }
      .name { font-size: 14px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
      .actions { display: flex; gap: 8px; }
      .actions button { min-height: 32px; padding: 4px 12px; }
      input[type='file'] { display: none; }
      .note { margin: 6px 0 0; font-size: 13px; }
      .warn { color: var(--cs-warn); }
    `,
  ];

  private get asset(): AssetRef | undefined {
    return this.design ? imageAsset(this.design, this.elementId) : undefined;
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('elementId')) {
      this.error = '';
      this.warning = '';
    }
  }

  /** Hands one file over and puts it in; on any refusal the design stays as it was. */
  async take(file: File) {
    this.error = '';
    this.warning = '';
    this.busy = file.name;
    try {
      const ref = await addImageFile(file);
      const design = placeImage(this.design, this.elementId, ref);
      if (ref.bytes > LARGE_IMAGE_BYTES)
        this.warning = t('large', {
          name: file.name,
          size: formatBytes(ref.bytes),
          total: formatBytes(imageBytes(design)),
        });
      fire(this, 'design-change', { design, label: t('eReplace') });
    } catch (e) {
      this.error = imageError(e, errorMessage);
    } finally {
      this.busy = '';
    }
  }

  private onPick(e: Event) {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = ''; // the same file picked again still fires change
    if (file) void this.take(file);
  }

  private onDrag(e: DragEvent) {
    if (!e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    this.over = true;
  }

  private onDrop(e: DragEvent) {
    e.preventDefault();
    this.over = false;
    const file = e.dataTransfer?.files[0];
    if (file) void this.take(file);
  }

  private clear() {
    this.error = '';
    this.warning = '';
    fire(this, 'design-change', { design: removeImage(this.design, this.elementId), label: t('eRemove') });
  }

  private pixelsText(a: AssetRef): string {
    const el = findElement(this.design, this.elementId);
    if (!el || el.type !== 'image') return '';
    // Cover enlarges until both sides fill the box, so the side with fewer pixels per inch decides.
    const sx = a.widthPx / (el.box.w / MM_PER_INCH);
    const sy = a.heightPx / (el.box.h / MM_PER_INCH);
    const dpi = Math.round(el.fit === 'cover' ? Math.min(sx, sy) : Math.max(sx, sy));
    return t('pixels', { w: a.widthPx, h: a.heightPx, dpi });
  }

  override render() {
    const a = this.asset;
    return html`
      <div class="drop ${this.over ? 'over' : ''}" @dragenter=${this.onDrag} @dragover=${this.onDrag} @dragleave=${() => (this.over = false)} @drop=${this.onDrop}>
        <div class="thumb">
          ${a ? html`<img src=${resourceUrl(assetThumbnailPath(a.sha256))} alt=${t('thumb', { label: this.label })}>` : html`<span aria-hidden="true">＋</span>`}
        </div>
        <div class="info">
          <div class="name" aria-live="polite">
            ${this.busy ? t('reading', { name: this.busy }) : a ? (a.name ?? '') : html`<span class="muted">${t('empty')}</span>`}
          </div>
          ${a && !this.busy ? html`<div class="meta muted">${formatBytes(a.bytes)} · ${this.pixelsText(a)}</div>` : nothing}
          <div class="actions">
            <button type="button" class="secondary pick" ?disabled=${!!this.busy} @click=${() => this.renderRoot.querySelector<HTMLInputElement>('input[type=file]')?.click()}>${a ? t('replace') : t('choose')}</button>
            ${a ? html`<button type="button" class="secondary remove" @click=${this.clear}>${t('remove')}</button>` : nothing}
          </div>
          <div class="muted">${this.over ? t('dropNow') : t('drop')}</div>
        </div>
        <input type="file" accept=${IMAGE_ACCEPT} aria-label="${this.label} · ${t('choose')}" @change=${this.onPick}>
      </div>
      ${this.error ? html`<p class="note error" role="alert">${this.error}</p>` : nothing}
      ${this.warning ? html`<p class="note warn" role="status">${this.warning}</p>` : nothing}
    `;
  }
}
customElements.define('cs-image-field', CsImageField);

declare global {
  interface HTMLElementTagNameMap {
    'cs-image-field': CsImageField;
  }
}
