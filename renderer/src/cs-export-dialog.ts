import { LitElement, css, html } from 'lit';
import type { StudioDesign } from '../../main/core/design/design.js';
import type { JobStatusOf } from '../../main/core/api-jobs.js';
import { MAX_DPI } from '../../main/core/limits.js';
import { call, downloadUrl, errorMessage, saveDownload } from './data/api-client.js';
import { watchJob } from './data/jobs.js';
import { transport } from './data/transport.js';
import { defineMessages, LocaleController } from './i18n/i18n.js';
import type { PreflightReport } from '../../main/core/preflight.js';
import './cs-preflight-list.js';
import { dialogStyles } from './dialog-styles.js';
import { controls } from './shared-styles.js';

const t = defineMessages({
  heading: { zh: '导出设计', en: 'Export design' },
  format: { zh: '格式', en: 'Format' },
  pdf: { zh: 'PDF（印刷厂）', en: 'PDF (print shop)' },
  png: { zh: 'PNG（微信、无损）', en: 'PNG (WeChat, lossless)' },
  jpeg: { zh: 'JPEG（照片、体积小）', en: 'JPEG (photos, small)' },
  webp: { zh: 'WebP', en: 'WebP' },
  dpi: { zh: '分辨率（dpi）', en: 'Resolution (dpi)' },
  dpiHint: { zh: '此版式推荐 {dpi} dpi。', en: 'Recommended for this format: {dpi} dpi. ' },
  pdfVector: {
    zh: 'PDF 中文字与图形为矢量，分辨率只影响图片。',
    en: 'Text and shapes in the PDF are vectors; the resolution only affects images.',
  },
  cmyk: { zh: 'CMYK 印刷色', en: 'CMYK print colours' },
  cmykRgb: { zh: 'PNG 和 WebP 只有屏幕色（RGB）', en: 'PNG and WebP have screen colours only (RGB)' },
  allowOverflow: {
    zh: '允许文字超出（文字放不下时照样导出）',
    en: 'Allow overflow (export even if a text does not fit)',
  },
  allowPlaceholder: { zh: '仍导出样稿（保留模板的示例内容）', en: 'Export as a proof (keep the template’s samples)' },
  samples: { zh: '还没填好的地方', en: 'Still to fill in' },
  outline: { zh: '文字转曲（PDF）', en: 'Convert text to outlines (PDF)' },
  queued: { zh: '排队中', en: 'Queued' },
  running: { zh: '正在导出', en: 'Exporting' },
  done: { zh: '已完成', en: 'Done' },
  error: { zh: '导出失败', en: 'Export failed' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
  download: { zh: '下载 {name}', en: 'Download {name}' },
  saveFile: { zh: '保存 {name}…', en: 'Save {name}…' },
  savedTo: { zh: '已保存。', en: 'Saved.' },
  cancel: { zh: '取消导出', en: 'Cancel export' },
  again: { zh: '重新导出', en: 'Export again' },
  start: { zh: '开始导出', en: 'Export' },
  close: { zh: '关闭', en: 'Close' },
});

type Format = 'pdf' | 'png' | 'jpeg' | 'webp';
const FORMATS: Format[] = ['pdf', 'png', 'jpeg', 'webp'];
type ExportStatus = JobStatusOf<'export'>;

/**
 * Export options, then a job with progress and cancel. The finished file: in the desktop app a
 * button opening the native save dialog, in browser mode a download link.
 */
export class CsExportDialog extends LitElement {
  static override properties = {
    design: { attribute: false },
    report: { attribute: false },
    names: { attribute: false },
    allowOverflow: { state: true },
    allowPlaceholder: { state: true },
    format: { state: true },
    dpi: { state: true },
    cmyk: { state: true },
    outline: { state: true },
    status: { state: true },
    error: { state: true },
    saved: { state: true },
  };
  design!: StudioDesign;
  report: PreflightReport | null = null;
  names: ReadonlyMap<string, string> = new Map();
  allowOverflow = false;
  allowPlaceholder = false;
  format: Format = 'pdf';
  dpi = 150;
  cmyk = false;
  outline = false;
  status: ExportStatus | null = null;
  error = '';
  saved = false;
  private readonly i18n = new LocaleController(this);
  /** Stops following the job (closed, or a new export started). */
  private watching: AbortController | undefined;

  static override styles = [
    controls,
    dialogStyles,
    css`
      .body { padding: 20px 24px; display: flex; flex-direction: column; gap: 14px; max-height: 72vh; overflow: auto; }
      dialog { width: min(600px, 94vw); }
      fieldset { border: 1px solid var(--cs-border); border-radius: 8px; padding: 10px 14px; margin: 0; }
      legend { font-weight: 600; padding: 0 4px; }
      .formats { display: grid; grid-template-columns: 1fr 1fr; gap: 6px 16px; }
      .check { display: flex; gap: 8px; align-items: center; font-weight: normal; margin: 0; }
      progress { width: 100%; height: 14px; }
      .actions { display: flex; gap: 12px; justify-content: flex-end; padding: 0 24px 24px; flex-wrap: wrap; }
      a.download { display: inline-block; background: var(--cs-ok); color: #fff; border-radius: 6px; padding: 8px 16px; text-decoration: none; font-weight: 600; }
      a.download:focus-visible { outline: 3px solid var(--cs-focus); outline-offset: 2px; }
      .saved { color: var(--cs-ok); font-weight: 600; align-self: center; }
    `,
  ];

  open() {
    this.reset();
    this.cmyk = this.design.format.colourMode === 'cmyk';
    this.allowOverflow = false;
    this.allowPlaceholder = false;
    this.setFormat(this.format);
    this.renderRoot.querySelector('dialog')?.showModal();
  }

  private reset() {
    this.watching?.abort();
    this.status = null;
    this.error = '';
    this.saved = false;
  }

  private async saveFile(downloadId: string) {
    this.error = '';
    try {
      this.saved = await saveDownload(downloadId);
    } catch (e) {
      this.error = errorMessage(e);
    }
  }

  private doneAction(s: ExportStatus) {
    if (s.state !== 'done' || !s.downloadId) return '';
    const name = s.fileName ?? '';
    if (transport.desktop) {
      const id = s.downloadId;
      return html`${this.saved ? html`<span class="saved" role="status">${t('savedTo')}</span>` : ''}
        <button type="button" class="save-file" @click=${() => this.saveFile(id)}>${t('saveFile', { name })}</button>`;
    }
    return html`<a class="download" href=${downloadUrl(s.downloadId)} download=${name}>${t('download', { name })}</a>`;
  }

  /** PNG and WebP have no CMYK: the choice made for PDF and JPEG is kept for when they come back. */
  private get hasCmyk(): boolean {
    return this.format === 'pdf' || this.format === 'jpeg';
  }

  private setFormat(f: Format) {
    // A file made in another format is not this one: its download goes with the choice.
    if (f !== this.format && !this.running) this.reset();
    this.format = f;
    this.dpi = this.design.format.dpi;
  }

  private get running() {
    return this.status !== null && (this.status.state === 'queued' || this.status.state === 'running');
  }

  private async start() {
    this.reset();
    try {
      const { jobId } = await call('exportDesign', {
        design: this.design,
        format: this.format,
        dpi: this.dpi,
        // Said either way: left out, the format's own colour mode would apply (walkthrough bug 7).
        cmyk: this.hasCmyk && this.cmyk,
        outlineText: this.format === 'pdf' ? this.outline || undefined : undefined,
        allowOverflow: this.allowOverflow || undefined,
        allowPlaceholder: this.allowPlaceholder || undefined,
      });
      this.status = { jobId, kind: 'export', state: 'queued', progress: 0 };
      this.watching = new AbortController();
      await watchJob(jobId, 'export', (s) => (this.status = s), this.watching.signal);
    } catch (e) {
      this.error = errorMessage(e);
    }
  }

  private async cancel() {
    if (!this.status) return;
    this.watching?.abort();
    try {
      await call('cancelJob', { jobId: this.status.jobId });
      this.status = { ...this.status, state: 'cancelled' };
    } catch (e) {
      this.error = errorMessage(e);
    }
  }

  private close() {
    if (this.running) void this.cancel();
    this.watching?.abort();
    this.renderRoot.querySelector('dialog')?.close();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.watching?.abort();
  }

  override render() {
    const s = this.status;
    const rasterOnly = this.format !== 'pdf';
    return html`
      <dialog aria-labelledby="ex-h" @cancel=${(e: Event) => {
        e.preventDefault();
        this.close();
      }}>
        <header id="ex-h">${t('heading')}</header>
        <div class="body">
          <fieldset ?disabled=${this.running}>
            <legend>${t('format')}</legend>
            <div class="formats">
              ${FORMATS.map((f) => html`<label class="check"><input type="radio" name="format" value=${f} .checked=${this.format === f} @change=${() => this.setFormat(f)}>${t(f)}</label>`)}
            </div>
          </fieldset>
          <div>
            <label for="dpi">${t('dpi')}</label>
            <input id="dpi" type="number" min="1" max=${MAX_DPI} step="any" .value=${String(this.dpi)} ?disabled=${this.running}
              @input=${(e: Event) => (this.dpi = Number((e.target as HTMLInputElement).value) || this.design.format.dpi)} aria-describedby="dpi-hint">
            <div class="muted" id="dpi-hint">${t('dpiHint', { dpi: this.design.format.dpi })}${rasterOnly ? '' : t('pdfVector')}</div>
          </div>
          <label class="check" title=${this.hasCmyk ? '' : t('cmykRgb')}><input type="checkbox" name="cmyk" .checked=${this.hasCmyk && this.cmyk} ?disabled=${this.running || !this.hasCmyk} @change=${(e: Event) => (this.cmyk = (e.target as HTMLInputElement).checked)}>${t('cmyk')}</label>
          <label class="check"><input type="checkbox" name="outline" .checked=${this.outline} ?disabled=${this.running || rasterOnly} @change=${(e: Event) => (this.outline = (e.target as HTMLInputElement).checked)}>${t('outline')}</label>
          <cs-preflight-list .report=${this.report} .names=${this.names} .only=${['placeholder', 'text-overflow']} .heading=${t('samples')}
            @finding-select=${() => this.close()}></cs-preflight-list>
          <label class="check"><input type="checkbox" name="allow-overflow" .checked=${this.allowOverflow} ?disabled=${this.running} @change=${(e: Event) => (this.allowOverflow = (e.target as HTMLInputElement).checked)}>${t('allowOverflow')}</label>
          <label class="check"><input type="checkbox" name="allow-placeholder" .checked=${this.allowPlaceholder} ?disabled=${this.running} @change=${(e: Event) => (this.allowPlaceholder = (e.target as HTMLInputElement).checked)}>${t('allowPlaceholder')}</label>
          ${
            s
              ? html`<div aria-live="polite">
                <label for="progress">${t(s.state)}${s.state === 'running' ? ` ${Math.round(s.progress * 100)}%` : ''}</label>
                <progress id="progress" max="1" .value=${s.state === 'done' ? 1 : s.progress}></progress>
                ${s.error ? html`<p class="error">${s.error}</p>` : ''}
                ${s.notes?.length ? html`<ul class="muted">${s.notes.map((n) => html`<li>${n}</li>`)}</ul>` : ''}
              </div>`
              : ''
          }
          ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
        </div>
        <div class="actions">
          ${s ? this.doneAction(s) : ''}
          ${
            this.running
              ? html`<button type="button" class="secondary" @click=${this.cancel}>${t('cancel')}</button>`
              : html`<button type="button" class="start ${s?.state === 'done' ? 'secondary' : ''}" @click=${this.start}>${s ? t('again') : t('start')}</button>`
          }
          <button type="button" class="secondary" @click=${this.close}>${t('close')}</button>
        </div>
      </dialog>
    `;
  }
}
customElements.define('cs-export-dialog', CsExportDialog);

declare global {
  interface HTMLElementTagNameMap {
    'cs-export-dialog': CsExportDialog;
  }
}
