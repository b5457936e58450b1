import { LitElement, css, html } from 'lit';
import type { JobStatusOf } from '../../main/core/api-jobs.js';
import { isFinished } from '../../main/core/job-states.js';
import { errorMessage, saveDownload } from './data/api-client.js';
import { fire } from './events.js';
import { defineMessages, LocaleController } from './i18n/i18n.js';
import { controls } from './shared-styles.js';

const t = defineMessages({
  publish: { zh: '同时存入素材库（每行一个样本）', en: 'Also publish to the library (one sample per row)' },
  unit: { zh: '默认单位（表格中没有单位时使用）', en: 'Default unit (when the row has none)' },
  date: { zh: '发布日期', en: 'Publish date' },
  start: { zh: '开始批量生成', en: 'Start batch' },
  again: { zh: '重新生成', en: 'Run again' },
  cancel: { zh: '取消', en: 'Cancel' },
  queued: { zh: '排队中…', en: 'Queued…' },
  running: { zh: '正在生成：已完成 {done} / {total} 行', en: 'Producing: {done} of {total} rows done' },
  publishing: { zh: '正在存入素材库…', en: 'Publishing to the library…' },
  cancelled: { zh: '已取消，没有保留任何文件。', en: 'Cancelled; no files were kept.' },
  failedRun: { zh: '批量生成失败', en: 'The batch failed' },
  made: { zh: '成功 {n} 行', en: '{n} rows made' },
  failed: { zh: '失败 {n} 行', en: '{n} failed' },
  sep: { zh: '，', en: ', ' },
  skipped: { zh: '，空行跳过 {n} 行', en: ', {n} blank rows skipped' },
  published: { zh: '已存入素材库 {n} 个样本。', en: '{n} samples published to the library.' },
  download: { zh: '下载 {name}', en: 'Download {name}' },
  report: { zh: '下载失败行清单（CSV）', en: 'Download the failed rows (CSV)' },
  failures: {
    zh: '失败的行（改好表格后可只重做这些行）',
    en: 'Rows that failed (fix the table and run just these again)',
  },
  publishFailures: {
    zh: '未能存入素材库的行（文件已生成，不受影响）',
    en: 'Rows not published (their files are made and kept)',
  },
  rowLine: { zh: '第 {n} 行（表格第 {line} 行）', en: 'Row {n} (sheet line {line})' },
  notes: { zh: '提示', en: 'Notes' },
});

type BatchStatus = JobStatusOf<'batch'>;

export interface PublishForm {
  enabled: boolean;
  unit: string;
  publishedAt: string;
}

/**
 * Publish options, start/cancel, progress (aria-live), the failed rows as they happen, and at the
 * end the summary with the download(s). Fires `batch-start`, `batch-cancel`, `publish-change` {patch}.
 */
export class CsBatchRun extends LitElement {
  static override properties = {
    status: { attribute: false },
    canStart: { attribute: false },
    publish: { attribute: false },
    error: { state: true },
  };
  status: BatchStatus | null = null;
  canStart = false;
  publish: PublishForm = { enabled: false, unit: '', publishedAt: '' };
  error = '';
  private readonly i18n = new LocaleController(this);

  static override styles = [
    controls,
    css`
      :host { display: block; }
      .publish { margin-bottom: 16px; }
      .publish .fields { display: grid; grid-template-columns: minmax(160px, 320px) 180px; gap: 12px 18px; margin: 8px 0 0 26px; }
      .check { display: flex; gap: 8px; align-items: center; font-weight: normal; margin: 0; }
      .publish .fields label { font-size: 13px; }
      .actions { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
      button.start { font-size: 16px; padding: 10px 26px; font-weight: 700; }
      .bar { display: flex; gap: 16px; align-items: center; margin-top: 6px; }
      .bar progress { flex: 1; }
      .progress { margin-top: 4px; }
      .status { font-weight: 600; }
      .again { margin-top: 18px; }
      progress { width: 100%; height: 14px; }
      .summary { font-size: 18px; font-weight: 700; margin: 0 0 10px; }
      .summary .bad { color: var(--cs-red); }
      .summary .ok { color: var(--cs-ok); }
      button.download { background: var(--cs-ok); border-color: var(--cs-ok); font-weight: 600; }
      button.download:hover { background: #145f2c; }
      h3 { font-size: 14px; margin: 16px 0 6px; }
      ul.failures { margin: 0; padding: 0; list-style: none; border: 1px solid #f0c4cb; border-radius: 8px; background: #fff7f8; max-height: 220px; overflow: auto; }
      ul.failures li { padding: 6px 12px; border-bottom: 1px solid #f6dbe0; font-size: 14px; }
      ul.failures li:last-child { border-bottom: none; }
      ul.failures .n { font-weight: 700; color: var(--cs-red); margin-right: 8px; white-space: nowrap; }
    `,
  ];

  private async save(id: string) {
    this.error = '';
    try {
      await saveDownload(id);
    } catch (e) {
      this.error = errorMessage(e);
    }
  }

  private get active(): boolean {
    return this.status !== null && !isFinished(this.status);
  }

  private failureList(title: string, cls: string, items: BatchStatus['failures']) {
    if (!items.length) return '';
    return html`<h3>${title}</h3><ul class="failures ${cls}">${items.map((f) => html`<li data-row=${f.row}><span class="n">${t('rowLine', { n: f.row, line: f.row + 1 })}</span>${f.reason}</li>`)}</ul>`;
  }

  private progress(s: BatchStatus) {
    const label =
      s.state === 'queued'
        ? t('queued')
        : s.phase === 'publishing'
          ? t('publishing')
          : t('running', { done: s.rowsDone, total: s.rowsTotal });
    return html`<div class="progress">
      <div class="status" aria-live="polite" role="status">${label}</div>
      <div class="bar"><progress max="1" .value=${s.progress} aria-label=${label}></progress>
        <button type="button" class="secondary cancel" @click=${() => fire(this, 'batch-cancel')}>${t('cancel')}</button></div>
    </div>`;
  }

  private result(s: BatchStatus) {
    if (s.state === 'cancelled') return html`<p class="muted" role="status">${t('cancelled')}</p>`;
    if (s.state === 'error') return html`<p class="error" role="alert">${t('failedRun')}：${s.error ?? ''}</p>`;
    return html`
      <p class="summary" role="status">
        <span class="ok">${t('made', { n: s.succeeded })}</span>${t('sep')}<span class=${s.failures.length ? 'bad' : ''}>${t('failed', { n: s.failures.length })}</span>${s.skipped.length ? t('skipped', { n: s.skipped.length }) : ''}
      </p>
      ${s.published ? html`<p>${t('published', { n: s.published })}</p>` : ''}
      <div class="actions">
        ${s.downloadId ? html`<button type="button" class="download" @click=${() => this.save(s.downloadId!)}>${t('download', { name: s.fileName ?? '' })}</button>` : ''}
        ${s.failureReportId ? html`<button type="button" class="secondary report" @click=${() => this.save(s.failureReportId!)}>${t('report')}</button>` : ''}
      </div>
      ${s.notes?.length ? html`<h3>${t('notes')}</h3><ul class="muted">${s.notes.map((n) => html`<li>${n}</li>`)}</ul>` : ''}
    `;
  }

  override render() {
    const s = this.status;
    const p = this.publish;
    const pub = (patch: Partial<PublishForm>) => fire(this, 'publish-change', { patch });
    return html`
      ${s && this.active ? this.progress(s) : ''}
      ${s && !this.active ? this.result(s) : ''}
      ${s ? this.failureList(t('failures'), 'rows', s.failures) : ''}
      ${s ? this.failureList(t('publishFailures'), 'publish', s.publishFailures) : ''}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      ${
        this.active
          ? ''
          : html`
        <div class="publish ${s ? 'again' : ''}">
          <label class="check"><input type="checkbox" name="publish" .checked=${p.enabled} @change=${(e: Event) => pub({ enabled: (e.target as HTMLInputElement).checked })}>${t('publish')}</label>
          ${
            p.enabled
              ? html`<div class="fields">
            <div><label for="pub-unit">${t('unit')}</label><input id="pub-unit" type="text" maxlength="100" .value=${p.unit} @input=${(e: Event) => pub({ unit: (e.target as HTMLInputElement).value })}></div>
            <div><label for="pub-date">${t('date')}</label><input id="pub-date" type="date" required .value=${p.publishedAt} @change=${(e: Event) => pub({ publishedAt: (e.target as HTMLInputElement).value })}></div>
          </div>`
              : ''
          }
        </div>
        <button type="button" class="start ${s ? 'secondary' : ''}" ?disabled=${!this.canStart} @click=${() => fire(this, 'batch-start')}>${s ? t('again') : t('start')}</button>`
      }
    `;
  }
}
customElements.define('cs-batch-run', CsBatchRun);

declare global {
  interface HTMLElementTagNameMap {
    'cs-batch-run': CsBatchRun;
  }
}
