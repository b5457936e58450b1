import { LitElement, css, html } from 'lit';
import type { Design } from '../../main/core/index.js';
import type { JobStatus } from '../../main/core/api.js';
import { call, downloadUrl, errorMessage } from './data/api-client.js';
import { controls } from './shared-styles.js';

type Format = 'pdf' | 'png' | 'jpeg' | 'webp';
const FORMATS: { id: Format; label: string }[] = [
  { id: 'pdf', label: 'PDF（印刷厂）' },
  { id: 'png', label: 'PNG（微信、无损）' },
  { id: 'jpeg', label: 'JPEG（照片、体积小）' },
  { id: 'webp', label: 'WebP' },
];
const POLL_MS = 200;
const STATE_LABELS: Record<JobStatus['state'], string> = { queued: '排队中', running: '正在导出', done: '已完成', error: '导出失败', cancelled: '已取消' };

/** Export options, then a job with progress, cancel and a download link. */
export class CsExportDialog extends LitElement {
  static override properties = {
    design: { attribute: false },
    format: { state: true },
    dpi: { state: true },
    cmyk: { state: true },
    outline: { state: true },
    status: { state: true },
    error: { state: true },
  };
  design!: Design;
  format: Format = 'pdf';
  dpi = 150;
  cmyk = false;
  outline = false;
  status: JobStatus | null = null;
  error = '';
  private pollTimer: ReturnType<typeof setTimeout> | undefined;

  static override styles = [
    controls,
    css`
      dialog { border: none; border-radius: 12px; padding: 0; width: min(520px, 92vw); box-shadow: 0 12px 40px rgba(0, 0, 0, 0.3); }
      dialog::backdrop { background: rgba(8, 20, 45, 0.45); }
      header { background: var(--cs-blue); color: #fff; padding: 14px 24px; font-weight: 700; font-size: 17px; }
      .body { padding: 24px; display: flex; flex-direction: column; gap: 16px; }
      fieldset { border: 1px solid var(--cs-border); border-radius: 8px; padding: 10px 14px; margin: 0; }
      legend { font-weight: 600; padding: 0 4px; }
      .formats { display: grid; grid-template-columns: 1fr 1fr; gap: 6px 16px; }
      .check { display: flex; gap: 8px; align-items: center; font-weight: normal; margin: 0; }
      progress { width: 100%; height: 14px; }
      .actions { display: flex; gap: 12px; justify-content: flex-end; padding: 0 24px 24px; flex-wrap: wrap; }
      a.download { display: inline-block; background: var(--cs-ok); color: #fff; border-radius: 6px; padding: 8px 16px; text-decoration: none; font-weight: 600; }
      a.download:focus-visible { outline: 3px solid var(--cs-focus); outline-offset: 2px; }
    `,
  ];

  open() {
    this.reset();
    this.cmyk = this.design.format.colourMode === 'cmyk';
    this.setFormat(this.format);
    this.renderRoot.querySelector('dialog')?.showModal();
  }

  private reset() {
    clearTimeout(this.pollTimer);
    this.status = null;
    this.error = '';
  }

  private setFormat(f: Format) {
    this.format = f;
    this.dpi = this.design.format.dpi;
    if (f !== 'pdf' && f !== 'jpeg') this.cmyk = false;
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
        cmyk: this.cmyk || undefined,
        outlineText: this.format === 'pdf' ? this.outline || undefined : undefined,
      });
      this.status = { jobId, state: 'queued', progress: 0 };
      this.poll();
    } catch (e) {
      this.error = errorMessage(e);
    }
  }

  private poll() {
    this.pollTimer = setTimeout(async () => {
      if (!this.status) return;
      try {
        this.status = await call('jobStatus', { jobId: this.status.jobId });
        if (this.running) this.poll();
      } catch (e) {
        this.error = errorMessage(e);
      }
    }, POLL_MS);
  }

  private async cancel() {
    if (!this.status) return;
    clearTimeout(this.pollTimer);
    try {
      await call('cancelJob', { jobId: this.status.jobId });
      this.status = { ...this.status, state: 'cancelled' };
    } catch (e) {
      this.error = errorMessage(e);
    }
  }

  private close() {
    if (this.running) void this.cancel();
    clearTimeout(this.pollTimer);
    this.renderRoot.querySelector('dialog')?.close();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.pollTimer);
  }

  override render() {
    const s = this.status;
    const rasterOnly = this.format !== 'pdf';
    return html`
      <dialog aria-labelledby="ex-h" @cancel=${(e: Event) => { e.preventDefault(); this.close(); }}>
        <header id="ex-h">导出设计</header>
        <div class="body">
          <fieldset ?disabled=${this.running}>
            <legend>格式</legend>
            <div class="formats">
              ${FORMATS.map((f) => html`<label class="check"><input type="radio" name="format" value=${f.id} .checked=${this.format === f.id} @change=${() => this.setFormat(f.id)}>${f.label}</label>`)}
            </div>
          </fieldset>
          <div>
            <label for="dpi">分辨率（dpi）</label>
            <input id="dpi" type="number" min="1" max="2400" step="any" .value=${String(this.dpi)} ?disabled=${this.running}
              @input=${(e: Event) => (this.dpi = Number((e.target as HTMLInputElement).value) || this.design.format.dpi)} aria-describedby="dpi-hint">
            <div class="muted" id="dpi-hint">此版式推荐 ${this.design.format.dpi} dpi。${rasterOnly ? '' : 'PDF 中文字与图形为矢量，分辨率只影响图片。'}</div>
          </div>
          <label class="check"><input type="checkbox" .checked=${this.cmyk} ?disabled=${this.running || this.format === 'png' || this.format === 'webp'} @change=${(e: Event) => (this.cmyk = (e.target as HTMLInputElement).checked)}>CMYK 印刷色</label>
          <label class="check"><input type="checkbox" .checked=${this.outline} ?disabled=${this.running || rasterOnly} @change=${(e: Event) => (this.outline = (e.target as HTMLInputElement).checked)}>文字转曲（PDF）</label>
          ${s
            ? html`<div aria-live="polite">
                <label for="progress">${STATE_LABELS[s.state]}${s.state === 'running' ? ` ${Math.round(s.progress * 100)}%` : ''}</label>
                <progress id="progress" max="1" .value=${s.state === 'done' ? 1 : s.progress}></progress>
                ${s.error ? html`<p class="error">${s.error}</p>` : ''}
                ${s.notes?.length ? html`<ul class="muted">${s.notes.map((n) => html`<li>${n}</li>`)}</ul>` : ''}
              </div>`
            : ''}
          ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
        </div>
        <div class="actions">
          ${s?.state === 'done' && s.downloadId
            ? html`<a class="download" href=${downloadUrl(s.downloadId)} download=${s.fileName ?? ''}>下载 ${s.fileName ?? ''}</a>`
            : ''}
          ${this.running
            ? html`<button type="button" class="secondary" @click=${this.cancel}>取消导出</button>`
            : html`<button type="button" class="start" @click=${this.start}>${s ? '重新导出' : '开始导出'}</button>`}
          <button type="button" class="secondary" @click=${this.close}>关闭</button>
        </div>
      </dialog>
    `;
  }
}
customElements.define('cs-export-dialog', CsExportDialog);
