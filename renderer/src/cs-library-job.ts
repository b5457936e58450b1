import { LitElement, css, html, nothing } from 'lit';
import type { JobStatusOf } from '../../main/core/api-jobs.js';
import { isFinished } from '../../main/core/job-states.js';
import { call, errorMessage, saveDownload } from './data/api-client.js';
import { watchJob } from './data/jobs.js';
import type { LibraryTask } from './data/library-controller.js';
import { sizeText, uploadFiles } from './data/library-client.js';
import { fire } from './events.js';
import { defineMessages, LocaleController } from './i18n/i18n.js';
import { controls } from './shared-styles.js';

const m = defineMessages({
  noneUploaded: { zh: '没有文件上传成功，未导入任何内容', en: 'No file could be uploaded; nothing was imported' },
  nothing: { zh: '没有要导入的文件', en: 'No files to import' },
  cancelledUpload: { zh: '已取消，未导入任何内容', en: 'Cancelled; nothing was imported' },
  saved: { zh: '已保存', en: 'Saved' },
  uploading: { zh: '正在上传 {n} / {total} 个文件', en: 'Uploading {n} of {total} files' },
  importing: { zh: '正在导入 {n} / {total} 个文件', en: 'Importing {n} of {total} files' },
  queued: { zh: '（排队中）', en: ' (waiting)' },
  packing: { zh: '正在打包 {n} 个样本…', en: 'Packing {n} samples…' },
  importCancelled: { zh: '导入已取消', en: 'Import cancelled' },
  importStopped: { zh: '导入中断', en: 'Import stopped' },
  importDone: { zh: '导入完成', en: 'Import finished' },
  added: { zh: '新增', en: 'added' },
  existing: { zh: '已存在', en: 'already there' },
  failed: { zh: '失败', en: 'failed' },
  skipped: { zh: '跳过', en: 'skipped' },
  failedList: { zh: '未能导入的文件', en: 'Files not imported' },
  skippedList: { zh: '跳过的文件（不是图片、PDF 或文件包）', en: 'Files skipped (not images, PDFs or bundles)' },
  bundleReady: { zh: '文件包已生成', en: 'Bundle ready' },
  bundleCancelled: { zh: '已取消打包', en: 'Bundle cancelled' },
  bundleFailed: { zh: '打包失败：{why}', en: 'Bundle failed: {why}' },
  save: { zh: '保存文件包', en: 'Save bundle' },
  cancel: { zh: '取消', en: 'Cancel' },
  close: { zh: '关闭', en: 'Close' },
});

type Phase = 'upload' | 'job' | 'finished';

/**
 * One import or bundle export, from start to result: uploading with a count, then the main
 * side's job with progress and cancel, then the outcome — every refused file by name with the
 * reason, or the bundle to save. Fires `job-finished` {kind, status} and `job-dismiss`.
 */
export class CsLibraryJob extends LitElement {
  static override properties = {
    task: { attribute: false },
    phase: { state: true },
    uploaded: { state: true },
    status: { state: true },
    error: { state: true },
    saved: { state: true },
  };
  task!: LibraryTask;
  phase: Phase = 'upload';
  uploaded = 0;
  status: JobStatusOf<'import'> | JobStatusOf<'bundle'> | null = null;
  error = '';
  saved = '';
  private uploadFailed: { name: string; reason: string }[] = [];
  private readonly abort = new AbortController();
  private started = false;
  private readonly i18n = new LocaleController(this);

  static override styles = [
    controls,
    css`
      :host { display: block; background: #fff; border: 1px solid var(--cs-border); border-radius: 10px; padding: 12px 16px; box-shadow: 0 4px 16px rgba(0, 0, 0, 0.12); }
      .row { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; }
      .what { font-weight: 700; }
      .state { flex: 1; min-width: 200px; }
      progress { width: 100%; height: 12px; }
      .actions { display: flex; gap: 8px; }
      .actions button { padding: 5px 12px; min-height: 30px; font-size: 14px; }
      .summary { margin: 6px 0 0; }
      .ok { color: var(--cs-ok); font-weight: 600; }
      details { margin-top: 6px; font-size: 14px; }
      summary { cursor: pointer; font-weight: 600; }
      ul { margin: 4px 0; padding-left: 20px; max-height: 160px; overflow-y: auto; }
      li .name { font-weight: 600; }
      .failed summary { color: var(--cs-red); }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    if (!this.started) {
      this.started = true;
      void this.start();
    }
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.abort.abort();
  }

  private async start() {
    try {
      let jobId: string;
      if (this.task.kind === 'import') {
        const files = this.task.files;
        const up = await uploadFiles(files, (n) => (this.uploaded = n), this.abort.signal);
        this.uploadFailed = up.failed;
        if (this.abort.signal.aborted) return;
        if (!up.uploaded.length) {
          this.phase = 'finished';
          this.error = up.failed.length ? m('noneUploaded') : m('nothing');
          return this.finished();
        }
        this.phase = 'job';
        ({ jobId } = await call('libraryImport', {
          uploadIds: up.uploaded.map((u) => u.up.uploadId),
          lastModified: up.uploaded.map((u) => (u.file.lastModified > 0 ? u.file.lastModified : null)),
        }));
      } else {
        this.phase = 'job';
        ({ jobId } = await call('libraryExportBundle', this.task.request));
      }
      const kind = this.task.kind === 'import' ? 'import' : 'bundle';
      await watchJob(jobId, kind, (s) => (this.status = s), this.abort.signal);
    } catch (e) {
      this.error = errorMessage(e);
    }
    if (this.abort.signal.aborted) return;
    this.phase = 'finished';
    this.finished();
  }

  private finished() {
    fire(this, 'job-finished', { kind: this.task.kind, status: this.status });
  }

  private async cancel() {
    if (this.phase === 'upload') {
      this.abort.abort();
      this.phase = 'finished';
      this.error = m('cancelledUpload');
      return this.finished();
    }
    if (this.status && !isFinished(this.status)) {
      try {
        await call('cancelJob', { jobId: this.status.jobId });
      } catch (e) {
        this.error = errorMessage(e);
      }
    }
  }

  private async save() {
    if (!this.status?.downloadId) return;
    try {
      if (await saveDownload(this.status.downloadId)) this.saved = m('saved');
    } catch (e) {
      this.error = errorMessage(e);
    }
  }

  private list(cls: string, title: string, items: { name: string; reason: string }[], open: boolean) {
    if (!items.length) return nothing;
    return html`<details class=${cls} ?open=${open}>
      <summary>${title}（${items.length}）</summary>
      <ul>${items.map((f) => html`<li><span class="name">${f.name}</span>：${f.reason}</li>`)}</ul>
    </details>`;
  }

  private progressLine() {
    const s = this.status;
    const t = this.task;
    if (this.phase === 'upload' && t.kind === 'import') {
      return html`<label for="p">${m('uploading', { n: this.uploaded, total: t.files.length })}</label><progress id="p" max=${t.files.length} .value=${this.uploaded}></progress>`;
    }
    if (t.kind === 'import') {
      return html`<label for="p">${m('importing', { n: s?.done ?? 0, total: s?.total ?? this.uploaded })}${s?.state === 'queued' ? m('queued') : ''}</label>
        <progress id="p" max="1" .value=${s?.progress ?? 0}></progress>`;
    }
    return html`<label for="p">${m('packing', { n: t.count || s?.total || '' })}</label><progress id="p"></progress>`;
  }

  private outcome() {
    const s = this.status;
    const failed = [...this.uploadFailed, ...(s?.failed ?? [])];
    if (this.task.kind === 'import') {
      if (!s && !failed.length) return nothing;
      const head =
        s?.state === 'cancelled' ? m('importCancelled') : s?.state === 'error' ? m('importStopped') : m('importDone');
      return html`
        <p class="summary" role="status"><span class=${s?.state === 'done' && !failed.length ? 'ok' : ''}>${head}</span> —
          ${m('added')} <b class="n-imported">${s?.imported ?? 0}</b> · ${m('existing')} <b class="n-duplicates">${s?.duplicates ?? 0}</b> ·
          ${m('failed')} <b class="n-failed">${failed.length}</b>${s?.skipped.length ? html` · ${m('skipped')} <b class="n-skipped">${s.skipped.length}</b>` : nothing}</p>
        ${s?.error ? html`<p class="error">${s.error}</p>` : nothing}
        ${this.list('failed', m('failedList'), failed, true)}
        ${this.list('skipped', m('skippedList'), s?.skipped ?? [], false)}
      `;
    }
    if (!s) return nothing;
    if (s.state === 'done') {
      return html`<p class="summary" role="status"><span class="ok">${m('bundleReady')}</span>：${s.fileName}（${sizeText(s.bytes ?? 0)}${s.notes?.length ? `，${s.notes.join('，')}` : ''}）
        ${this.saved ? html` <span class="ok">${this.saved}</span>` : nothing}</p>`;
    }
    return html`<p class="summary error" role="alert">${s.state === 'cancelled' ? m('bundleCancelled') : m('bundleFailed', { why: s.error ?? '' })}</p>`;
  }

  override render() {
    const running = this.phase !== 'finished';
    return html`
      <div class="row">
        <span class="what">${this.task.label}</span>
        <div class="state" aria-live="polite">${running ? this.progressLine() : nothing}</div>
        <div class="actions">
          ${
            !running && this.status?.state === 'done' && this.status.downloadId
              ? html`<button type="button" class="save-bundle" @click=${this.save}>${m('save')}</button>`
              : nothing
          }
          ${
            running
              ? html`<button type="button" class="secondary cancel" @click=${this.cancel}>${m('cancel')}</button>`
              : html`<button type="button" class="secondary dismiss" @click=${() => fire(this, 'job-dismiss')}>${m('close')}</button>`
          }
        </div>
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${!running ? this.outcome() : nothing}
    `;
  }
}
customElements.define('cs-library-job', CsLibraryJob);

declare global {
  interface HTMLElementTagNameMap {
    'cs-library-job': CsLibraryJob;
  }
}
