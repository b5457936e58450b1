import { LitElement, css, html } from 'lit';
import type { JobStatusOf } from '../../main/core/api-jobs.js';
import { isFinished } from '../../main/core/job-states.js';
import { call, errorMessage, saveDownload } from './data/api-client.js';
import { fire } from './events.js';
import { defineMessages, LocaleController } from './i18n/i18n.js';
import { controls } from './shared-styles.js';
import './cs-kit-proof.js';

const t = defineMessages({
  queued: { zh: '排队中…', en: 'Queued…' },
  step: { zh: '正在制作：{step}（{done}/{total}）', en: 'Making: {step} ({done}/{total})' },
  imposing: { zh: '正在拼版…', en: 'Imposing…' },
  cancel: { zh: '取消', en: 'Cancel' },
  cancelled: { zh: '已取消，没有保留任何文件。', en: 'Cancelled; no files were kept.' },
  failedRun: { zh: '没有完成', en: 'Not finished' },
  kitDone: { zh: '已完成：{n} 个文件打包好了', en: 'Done: {n} files packed' },
  kitSome: { zh: '，{n} 项没有做成', en: ', {n} not made' },
  imposeDone: {
    zh: '已拼好：{sheets} 张，共 {pieces} 件，损耗 {waste}%',
    en: 'Imposed: {sheets} sheets, {pieces} pieces, {waste}% waste',
  },
  download: { zh: '下载 {name}', en: 'Download {name}' },
  failures: { zh: '没有做成的（其余已照常做好）', en: 'Not made (everything else was)' },
});

type KitJob = JobStatusOf<'kit'> | JobStatusOf<'impose'>;

/**
 * A kit's or an imposition's run: the proof option (when the unit's details are missing), the start
 * button, then progress with the step being made (aria-live) and cancel, then the summary, the
 * download and what could not be made. Fires `kit-start`, and `proof-change` from its proof option.
 */
export class CsKitJob extends LitElement {
  static override properties = {
    status: { attribute: false },
    canStart: { attribute: false },
    startLabel: { attribute: false },
    error: { state: true },
  };
  status: KitJob | null = null;
  canStart = false;
  startLabel = '';
  error = '';
  private readonly i18n = new LocaleController(this);

  static override styles = [
    controls,
    css`
      :host { display: block; }
      button.start { font-size: 16px; padding: 10px 26px; font-weight: 700; margin: 12px 0 14px; }
      .bar { display: flex; gap: 16px; align-items: center; margin-top: 6px; }
      progress { flex: 1; height: 14px; }
      .status { font-weight: 600; }
      .summary { font-size: 17px; font-weight: 700; margin: 0 0 10px; color: var(--cs-ok); }
      .summary .bad { color: var(--cs-red); }
      button.download { background: var(--cs-ok); border-color: var(--cs-ok); font-weight: 600; }
      button.download:hover { background: #145f2c; }
      h3 { font-size: 14px; margin: 14px 0 6px; }
      ul.failures { margin: 0; padding: 0; list-style: none; border: 1px solid #f0c4cb; border-radius: 8px; background: #fff7f8; max-height: 200px; overflow: auto; }
      ul.failures li { padding: 6px 12px; border-bottom: 1px solid #f6dbe0; font-size: 14px; }
      ul.failures li:last-child { border-bottom: none; }
      ul.failures .item { font-weight: 700; color: var(--cs-red); margin-right: 8px; }
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

  private async cancel(jobId: string) {
    await call('cancelJob', { jobId }).catch((e: unknown) => (this.error = errorMessage(e)));
  }

  private progress(s: KitJob) {
    const label =
      s.state === 'queued'
        ? t('queued')
        : s.kind === 'kit'
          ? t('step', { step: s.step || '…', done: s.stepsDone, total: s.stepsTotal || '…' })
          : t('imposing');
    return html`<div class="status" aria-live="polite" role="status">${label}</div>
      <div class="bar"><progress max="1" .value=${s.progress} aria-label=${label}></progress>
        <button type="button" class="secondary cancel" @click=${() => this.cancel(s.jobId)}>${t('cancel')}</button></div>`;
  }

  private summary(s: KitJob) {
    if (s.kind === 'impose')
      return t('imposeDone', { sheets: s.sheets ?? 0, pieces: s.pieces ?? 0, waste: s.wastePct ?? 0 });
    return html`${t('kitDone', { n: s.files })}${s.failures.length ? html`<span class="bad">${t('kitSome', { n: s.failures.length })}</span>` : ''}`;
  }

  private result(s: KitJob) {
    if (s.state === 'cancelled') return html`<p class="muted" role="status">${t('cancelled')}</p>`;
    if (s.state === 'error') return html`<p class="error" role="alert">${t('failedRun')}：${s.error ?? ''}</p>`;
    return html`<p class="summary" role="status">${this.summary(s)}</p>
      ${s.downloadId ? html`<button type="button" class="download" @click=${() => this.save(s.downloadId!)}>${t('download', { name: s.fileName ?? '' })}</button>` : ''}`;
  }

  override render() {
    const s = this.status;
    const running = s !== null && !isFinished(s);
    const failures = s?.kind === 'kit' ? s.failures : [];
    return html`
      <cs-kit-proof></cs-kit-proof>
      <button type="button" class="start" ?disabled=${!this.canStart || running} @click=${() => fire(this, 'kit-start')}>${this.startLabel}</button>
      ${s ? (running ? this.progress(s) : this.result(s)) : ''}
      ${failures.length ? html`<h3>${t('failures')}</h3><ul class="failures">${failures.map((f) => html`<li><span class="item">${f.item}</span>${f.reason}</li>`)}</ul>` : ''}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
    `;
  }
}
customElements.define('cs-kit-job', CsKitJob);

declare global {
  interface HTMLElementTagNameMap {
    'cs-kit-job': CsKitJob;
  }
}
