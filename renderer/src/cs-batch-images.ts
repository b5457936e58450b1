import { LitElement, css, html } from 'lit';
import { defineMessages, LocaleController } from './i18n/i18n.js';
import { controls, fileButton } from './shared-styles.js';
import { fire } from './events.js';

const t = defineMessages({
  head: { zh: '照片', en: 'Photos' },
  hint: {
    zh: '模板有照片位：表格的照片列写文件名（如「城关.jpg」），再把这些照片选上或拖到这里。',
    en: 'The template has a photo slot: put file names in the table’s photo column (e.g. 城关.jpg), then choose or drop those photos here.',
  },
  pick: { zh: '添加照片…', en: 'Add photos…' },
  busy: { zh: '正在上传照片 {done} / {total}…', en: 'Uploading photos {done} / {total}…' },
  added: { zh: '已添加 {n} 张照片', en: '{n} photos added' },
  skipped: { zh: '（跳过非图片：{names}）', en: ' (skipped, not images: {names})' },
});

/** Photos for the table's image column: a drop zone and a picker. Fires `images-pick` {files}. */
export class CsBatchImages extends LitElement {
  static override properties = {
    added: { attribute: false },
    skipped: { attribute: false },
    progress: { attribute: false },
    dragging: { state: true },
  };
  /** Names of the photos handed over so far. */
  added: string[] = [];
  skipped: string[] = [];
  /** While uploading: done / total. */
  progress: { done: number; total: number } | null = null;
  dragging = false;
  private readonly i18n = new LocaleController(this);

  static override styles = [
    controls,
    fileButton,
    css`
      :host { display: block; margin-top: 14px; }
      .drop { border: 2px dashed var(--cs-border); border-radius: 10px; padding: 10px 14px; background: #f8fafc; display: flex; align-items: center; gap: 14px; }
      .drop.over { border-color: var(--cs-blue); background: #eef3fb; }
      .text { flex: 1; font-size: 14px; }
      .text strong { display: block; margin-bottom: 2px; }
      .status { margin: 6px 0 0; font-size: 13px; }
    `,
  ];

  private emit(list: FileList | null | undefined) {
    const files = [...(list ?? [])];
    if (files.length) fire(this, 'images-pick', { files });
  }

  override render() {
    const p = this.progress;
    return html`
      <div class="drop ${this.dragging ? 'over' : ''}"
        @dragover=${(e: DragEvent) => {
          e.preventDefault();
          this.dragging = true;
        }}
        @dragleave=${() => (this.dragging = false)}
        @drop=${(e: DragEvent) => {
          e.preventDefault();
          this.dragging = false;
          this.emit(e.dataTransfer?.files);
        }}>
        <div class="text"><strong>${t('head')}</strong><span class="muted">${t('hint')}</span></div>
        <span class="file-btn"><button type="button" class="secondary" tabindex="-1" aria-hidden="true">${t('pick')}</button>
          <input type="file" name="photos" multiple accept=".png,.jpg,.jpeg,.webp,image/png,image/jpeg,image/webp" aria-label=${t('pick')} ?disabled=${p !== null}
            @change=${(e: Event) => {
              const input = e.target as HTMLInputElement;
              this.emit(input.files);
              input.value = '';
            }}></span>
      </div>
      <p class="status muted" aria-live="polite">
        ${p ? t('busy', p) : this.added.length ? t('added', { n: this.added.length }) : ''}${!p && this.skipped.length ? t('skipped', { names: this.skipped.join('、') }) : ''}
      </p>
    `;
  }
}
customElements.define('cs-batch-images', CsBatchImages);

declare global {
  interface HTMLElementTagNameMap {
    'cs-batch-images': CsBatchImages;
  }
}
