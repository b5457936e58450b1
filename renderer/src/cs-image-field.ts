import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import type { Design } from '../../main/core/index.js';
import {
  LARGE_IMAGE_BYTES,
  base64Bytes,
  embedImage,
  embeddedBytes,
  findElement,
  formatBytes,
  imageAsset,
  refuseImageFile,
  removeImage,
} from './data/design-edit.js';
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
    zh: '「{name}」有 {size}，会原样存进设计文件（文件中图片共 {total}）：文件变大、预览变慢。可以先压缩到 20 MB 以下。',
    en: '“{name}” is {size} and goes into the design file as is (images in the file: {total}): the file gets big and the preview slow. Consider compressing it below 20 MB.',
  },
  readFailed: { zh: '读取「{name}」失败，请重试。', en: 'Could not read “{name}”. Please try again.' },
  thumb: { zh: '{label}的当前图片', en: 'Current image of {label}' },
  eReplace: { zh: '更换图片', en: 'Replace image' },
  eRemove: { zh: '移除图片', en: 'Remove image' },
});

const ACCEPT = 'image/png,image/jpeg,image/webp,.png,.jpg,.jpeg,.webp';

/** A file's bytes as base64, read in the page (the design carries the image itself). */
function readBase64(file: File): Promise<string> {
  return new Promise((ok, fail) => {
    const r = new FileReader();
    r.onload = () => ok(String(r.result).slice(String(r.result).indexOf(',') + 1));
    r.onerror = () => fail(r.error);
    r.readAsDataURL(file);
  });
}

function blobOf(data: string, mime: string): Blob {
  const bin = atob(data);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type: mime });
}

/**
 * An image slot: pick a file or drop one, see a thumbnail, remove it. The image is embedded in
 * the design as an asset. Fires `design-change` {design, label}. Focusing the host focuses its
 * button (a preflight finding about the photo lands here).
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
    thumbUrl: { state: true },
    dims: { state: true },
  };
  design!: Design;
  elementId = '';
  label = '';
  over = false;
  busy = '';
  error = '';
  warning = '';
  thumbUrl = '';
  dims: { w: number; h: number } | undefined;
  private thumbKey = '';
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

  private get asset() {
    return this.design ? imageAsset(this.design, this.elementId) : undefined;
  }

  /** Identifies the shown image without comparing megabytes of base64. */
  private keyOf(design: Design | undefined): string {
    const el = design && findElement(design, this.elementId);
    const a = design && imageAsset(design, this.elementId);
    return a && el?.type === 'image' ? `${el.asset}:${a.data.length}:${a.data.slice(-32)}` : '';
  }

  private showThumb(key: string, url: string) {
    if (this.thumbUrl) URL.revokeObjectURL(this.thumbUrl);
    this.thumbKey = key;
    this.thumbUrl = url;
    this.dims = undefined;
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (!changed.has('design') && !changed.has('elementId')) return;
    const key = this.keyOf(this.design);
    if (key === this.thumbKey) return;
    const a = this.asset;
    // Decoding base64 happens only for an image that came with the design (opened, undone);
    // a file the user just picked is shown from the file itself.
    this.showThumb(key, a ? URL.createObjectURL(blobOf(a.data, a.mime)) : '');
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    if (this.thumbUrl) URL.revokeObjectURL(this.thumbUrl);
    this.thumbUrl = '';
    this.thumbKey = '';
  }

  private emit(design: Design, label: string) {
    this.dispatchEvent(new CustomEvent('design-change', { detail: { design, label }, bubbles: true, composed: true }));
  }

  /** Reads, checks and embeds one file; on any refusal the design stays as it was. */
  async take(file: File) {
    this.error = '';
    this.warning = '';
    const refused = refuseImageFile(file);
    if (refused) {
      this.error = refused;
      return;
    }
    this.busy = file.name;
    try {
      const data = await readBase64(file);
      const base = this.design;
      const design = embedImage(base, this.elementId, { name: file.name, data });
      if (base64Bytes(data) > LARGE_IMAGE_BYTES)
        this.warning = t('large', {
          name: file.name,
          size: formatBytes(base64Bytes(data)),
          total: formatBytes(embeddedBytes(design)),
        });
      this.showThumb(this.keyOf(design), URL.createObjectURL(file));
      this.busy = '';
      // Painted first (a frame, not just a render): a big photo makes the editor's next steps slow.
      await this.updateComplete;
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      this.emit(
        this.design === base ? design : embedImage(this.design, this.elementId, { name: file.name, data }),
        t('eReplace'),
      );
    } catch (e) {
      this.error = e instanceof Error && e.name === 'StudioError' ? e.message : t('readFailed', { name: file.name });
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
    this.emit(removeImage(this.design, this.elementId), t('eRemove'));
  }

  private onThumb(e: Event) {
    const img = e.target as HTMLImageElement;
    this.dims = { w: img.naturalWidth, h: img.naturalHeight };
  }

  private pixelsText(): string {
    const el = findElement(this.design, this.elementId);
    if (!this.dims || !el || el.type !== 'image') return '';
    // Cover enlarges until both sides fill the box, so the side with fewer pixels per inch decides.
    const sx = this.dims.w / (el.box.w / 25.4);
    const sy = this.dims.h / (el.box.h / 25.4);
    const dpi = Math.round(el.fit === 'cover' ? Math.min(sx, sy) : Math.max(sx, sy));
    return t('pixels', { w: this.dims.w, h: this.dims.h, dpi });
  }

  override render() {
    const a = this.asset;
    return html`
      <div class="drop ${this.over ? 'over' : ''}" @dragenter=${this.onDrag} @dragover=${this.onDrag} @dragleave=${() => (this.over = false)} @drop=${this.onDrop}>
        <div class="thumb">
          ${this.thumbUrl ? html`<img src=${this.thumbUrl} alt=${t('thumb', { label: this.label })} @load=${this.onThumb}>` : html`<span aria-hidden="true">＋</span>`}
        </div>
        <div class="info">
          <div class="name" aria-live="polite">
            ${this.busy ? t('reading', { name: this.busy }) : a ? (a.name ?? '') : html`<span class="muted">${t('empty')}</span>`}
          </div>
          ${a && !this.busy ? html`<div class="meta muted">${formatBytes(base64Bytes(a.data))}${this.dims ? ` · ${this.pixelsText()}` : ''}</div>` : nothing}
          <div class="actions">
            <button type="button" class="secondary pick" ?disabled=${!!this.busy} @click=${() => this.renderRoot.querySelector<HTMLInputElement>('input[type=file]')?.click()}>${a ? t('replace') : t('choose')}</button>
            ${a ? html`<button type="button" class="secondary remove" @click=${this.clear}>${t('remove')}</button>` : nothing}
          </div>
          <div class="muted">${this.over ? t('dropNow') : t('drop')}</div>
        </div>
        <input type="file" accept=${ACCEPT} aria-label="${this.label} · ${t('choose')}" @change=${this.onPick}>
      </div>
      ${this.error ? html`<p class="note error" role="alert">${this.error}</p>` : nothing}
      ${this.warning ? html`<p class="note warn" role="status">${this.warning}</p>` : nothing}
    `;
  }
}
customElements.define('cs-image-field', CsImageField);
