import { LitElement, css, html } from 'lit';
import type { ApiValue, TemplateSummary } from '../../main/core/api.js';
import type { BatchRowPreview, BatchTableInfo } from '../../main/core/api-batch.js';
import type { JobStatusOf } from '../../main/core/api-jobs.js';
import { isFinished } from '../../main/core/job-states.js';
import type { BatchSettingsInput } from '../../main/core/batch.js';
import { call, errorMessage, resourceUrl, upload, type Uploaded } from './data/api-client.js';
import { watchJob } from './data/jobs.js';
import type { CsEvent } from './events.js';
import { defineMessages, LocaleController } from './i18n/i18n.js';
import { controls } from './shared-styles.js';
import type { OutputSettings } from './cs-batch-output.js';
import type { PublishForm } from './cs-batch-run.js';
import './cs-batch-templates.js';
import './cs-batch-table.js';
import './cs-batch-images.js';
import './cs-batch-mapping.js';
import './cs-batch-previews.js';
import './cs-batch-output.js';
import './cs-batch-run.js';

const t = defineMessages({
  title: { zh: '批量制作', en: 'Batch production' },
  intro: {
    zh: '一个模板 + 一张表格（如 120 个派出所的名称），一次生成全部物料。',
    en: 'One template + one table (say, 120 police stations) → every item in one go.',
  },
  s1: { zh: '选择模板', en: 'Choose a template' },
  s2: { zh: '导入表格', en: 'Load the table' },
  s3: { zh: '对应列与槽位', en: 'Map columns to slots' },
  s4: { zh: '输出设置', en: 'Output' },
  s5: { zh: '生成', en: 'Produce' },
  change: { zh: '更换模板', en: 'Change template' },
  needTemplate: { zh: '请先选择模板。', en: 'Choose a template first.' },
  needTable: { zh: '导入表格后在这里设置。', en: 'Set this up after loading a table.' },
  previews: { zh: '前 {n} 行预览', en: 'Preview of the first {n} rows' },
  mm: { zh: '{w}×{h} 厘米', en: '{w}×{h} cm' },
  px: { zh: '{w}×{h} 像素', en: '{w}×{h} px' },
});

const PREVIEW_ROWS = 3;
const today = () => new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 10);

/**
 * The 批量制作 screen: template → table → mapping with previews → output → run. It holds the
 * state; each step is its own element and reports changes by events. The table lives on the main
 * side (by uploadId); every call names it with the template.
 */
export class CsBatch extends LitElement {
  static override properties = {
    templates: { attribute: false },
    templateId: { state: true },
    picking: { state: true },
    info: { state: true },
    reading: { state: true },
    tableError: { state: true },
    images: { state: true },
    previews: { state: true },
    previewing: { state: true },
    output: { state: true },
    recommendedDpi: { state: true },
    plan: { state: true },
    planError: { state: true },
    publish: { state: true },
    status: { state: true },
    runError: { state: true },
  };
  templates: TemplateSummary[] = [];
  templateId: string | null = null;
  picking = true;
  info: BatchTableInfo | null = null;
  reading = false;
  tableError = '';
  previews: BatchRowPreview[] = [];
  previewing = false;
  output: OutputSettings = { output: 'pdf', zip: true, namePattern: '', dpi: 150, allowPlaceholder: false };
  recommendedDpi = 150;
  plan: ApiValue<'planBatch'> | null = null;
  planError = '';
  publish: PublishForm = { enabled: false, unit: '', publishedAt: today() };
  status: JobStatusOf<'batch'> | null = null;
  runError = '';
  private uploaded: Uploaded | null = null;
  /** Photos handed over for the table's image column, and what was skipped. */
  images: { added: string[]; skipped: string[]; progress: { done: number; total: number } | null } = {
    added: [],
    skipped: [],
    progress: null,
  };
  private seq = { preview: 0, plan: 0 };
  private timers: Record<'preview' | 'plan', ReturnType<typeof setTimeout> | undefined> = {
    preview: undefined,
    plan: undefined,
  };
  /** Stops following the run when the screen goes away (the run itself goes on). */
  private watching: AbortController | undefined;
  private readonly i18n = new LocaleController(this);

  static override styles = [
    controls,
    css`
      :host { display: block; max-width: 1180px; margin: 0 auto; }
      .intro { margin: -4px 0 18px; }
      h1 { font-size: 22px; margin: 0 0 6px; }
      section.panel { margin-bottom: 16px; }
      section.panel.off { opacity: 0.6; }
      h2 { display: flex; align-items: center; gap: 10px; }
      .n { display: inline-flex; width: 26px; height: 26px; border-radius: 50%; background: var(--cs-blue); color: #fff; font-size: 14px; align-items: center; justify-content: center; flex: none; }
      .off .n { background: var(--cs-muted); }
      .chosen { display: flex; gap: 14px; align-items: center; }
      .chosen .thumb { width: 150px; height: 64px; display: flex; align-items: center; justify-content: center; background: #e9edf3; border-radius: 6px; }
      .chosen img { max-width: 140px; max-height: 56px; box-shadow: 0 1px 3px rgba(0, 0, 0, 0.25); }
      .chosen .name { font-weight: 700; }
      .chosen .spacer { flex: 1; }
      h3 { font-size: 14px; margin: 18px 0 8px; }
    `,
  ];

  private get template(): TemplateSummary | undefined {
    return this.templates.find((x) => x.id === this.templateId);
  }

  private get running(): boolean {
    return this.status !== null && !isFinished(this.status);
  }

  private source() {
    return { uploadId: this.uploaded!.uploadId, templateId: this.templateId! };
  }

  private mappingOverride(): Record<string, string | null> {
    return Object.fromEntries(this.info?.mapping.slots.map((s) => [s.slot, s.column]) ?? []);
  }

  private settings(): BatchSettingsInput {
    const o = this.output;
    const raster = o.output !== 'pdf' && o.output !== 'single-pdf';
    return {
      output: o.output,
      zip: o.zip,
      mapping: this.mappingOverride(),
      namePattern: o.namePattern.trim() ? o.namePattern : undefined,
      dpi: raster ? o.dpi : undefined,
      ...(o.allowPlaceholder ? { allowPlaceholder: true } : {}),
    };
  }

  private async pickTemplate(e: CsEvent<'template-pick'>) {
    this.templateId = e.detail.id;
    this.picking = false;
    this.status = null;
    try {
      const d = await call('getTemplate', { id: e.detail.id });
      this.recommendedDpi = d.format.dpi;
      this.output = { ...this.output, dpi: d.format.dpi };
    } catch {
      // The dpi hint falls back to the default; the run itself does not need the design here.
    }
    if (this.uploaded) await this.readTable();
  }

  private async onFile(e: CsEvent<'table-file'>) {
    this.tableError = '';
    this.reading = true;
    this.status = null;
    try {
      this.uploaded = await upload(e.detail.file);
      this.images = { added: [], skipped: [], progress: null };
      await this.readTable();
    } catch (err) {
      this.tableError = errorMessage(err);
    } finally {
      this.reading = false;
    }
  }

  private async readTable() {
    if (!this.uploaded || !this.templateId) return;
    this.reading = true;
    this.tableError = '';
    try {
      this.info = await call('readBatchTable', this.source());
      this.output = { ...this.output, namePattern: this.info.namePattern };
      this.previews = [];
      this.schedule('preview', 0);
      this.schedule('plan', 0);
    } catch (err) {
      this.info = null;
      this.tableError = errorMessage(err);
    } finally {
      this.reading = false;
    }
  }

  /** Photos for the image column go beside the table on the main side; then the previews are redrawn. */
  private async onImages(e: CsEvent<'images-pick'>) {
    if (!this.uploaded) return;
    const files = e.detail.files;
    this.tableError = '';
    try {
      const ids: string[] = [];
      for (const [k, f] of files.entries()) {
        this.images = { ...this.images, progress: { done: k, total: files.length } };
        ids.push((await upload(f)).uploadId);
      }
      const r = await call('addBatchImages', { uploadId: this.uploaded.uploadId, images: ids });
      this.images = { added: [...new Set([...this.images.added, ...r.added])], skipped: r.skipped, progress: null };
      this.schedule('preview', 0);
    } catch (err) {
      this.images = { ...this.images, progress: null };
      this.tableError = errorMessage(err);
    }
  }

  private onMapping(e: CsEvent<'mapping-change'>) {
    if (!this.info) return;
    const slots = this.info.mapping.slots.map((s) =>
      s.slot === e.detail.slot ? { ...s, column: e.detail.column } : s,
    );
    const taken = new Set(slots.map((s) => s.column));
    this.info = { ...this.info, mapping: { slots, unusedColumns: this.info.columns.filter((c) => !taken.has(c)) } };
    this.schedule('preview', 150);
    this.schedule('plan', 150);
  }

  private onSettings(e: CsEvent<'settings-change'>) {
    this.output = { ...this.output, ...e.detail.patch };
    this.schedule('plan', 200);
  }

  private schedule(what: 'preview' | 'plan', ms: number) {
    clearTimeout(this.timers[what]);
    this.timers[what] = setTimeout(() => void (what === 'preview' ? this.loadPreviews() : this.loadPlan()), ms);
  }

  private async loadPreviews() {
    if (!this.info || !this.uploaded) return;
    const n = ++this.seq.preview;
    const rows = Array.from({ length: Math.min(PREVIEW_ROWS, this.info.rowCount) }, (_, i) => i + 1);
    this.previewing = true;
    try {
      const previews = await call('previewBatchRows', { ...this.source(), mapping: this.mappingOverride(), rows });
      if (n === this.seq.preview) this.previews = previews;
    } catch (err) {
      if (n === this.seq.preview) this.previews = rows.map((row) => ({ row, problem: errorMessage(err), notes: [] }));
    } finally {
      if (n === this.seq.preview) this.previewing = false;
    }
  }

  private async loadPlan() {
    if (!this.info || !this.uploaded) return;
    const n = ++this.seq.plan;
    try {
      const plan = await call('planBatch', { ...this.source(), settings: this.settings() });
      if (n === this.seq.plan) [this.plan, this.planError] = [plan, ''];
    } catch (err) {
      if (n === this.seq.plan) [this.plan, this.planError] = [null, errorMessage(err)];
    }
  }

  private async start() {
    this.runError = '';
    this.watching?.abort();
    const p = this.publish;
    try {
      const { jobId } = await call('startBatch', {
        ...this.source(),
        settings: this.settings(),
        publish: p.enabled ? { unit: p.unit, publishedAt: p.publishedAt } : undefined,
      });
      // Its first status at once (the run shows as started), then the poller's.
      const first = await call('jobStatus', { jobId });
      if (first.kind === 'batch') this.status = first;
      this.watching = new AbortController();
      await watchJob(jobId, 'batch', (s) => (this.status = s), this.watching.signal);
    } catch (err) {
      this.runError = errorMessage(err);
    }
  }

  private async cancel() {
    if (!this.status) return;
    try {
      await call('cancelJob', { jobId: this.status.jobId });
    } catch (err) {
      this.runError = errorMessage(err);
    }
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    for (const k of Object.keys(this.timers) as (keyof typeof this.timers)[]) clearTimeout(this.timers[k]);
    this.watching?.abort();
  }

  private step(n: number, title: string, on: boolean, body: unknown) {
    return html`<section class="panel ${on ? '' : 'off'}" aria-labelledby="step-${n}"><h2 id="step-${n}"><span class="n" aria-hidden="true">${n}</span>${title}</h2>${body}</section>`;
  }

  private templateStep() {
    const x = this.template;
    if (x && !this.picking) {
      const size =
        x.widthPx && x.heightPx
          ? t('px', { w: x.widthPx, h: x.heightPx })
          : t('mm', { w: x.widthMm / 10, h: x.heightMm / 10 });
      return html`<div class="chosen" data-chosen=${x.id}>
        <span class="thumb"><img src=${resourceUrl(x.thumbnail)} alt=""></span>
        <span><div class="name">${x.title}</div><div class="muted">${size} · ${x.slots.map((s) => s.label).join('、')}</div></span>
        <span class="spacer"></span>
        <button type="button" class="secondary" ?disabled=${this.running} @click=${() => (this.picking = true)}>${t('change')}</button>
      </div>`;
    }
    return html`<cs-batch-templates .templates=${this.templates} .selected=${this.templateId} @template-pick=${this.pickTemplate}></cs-batch-templates>`;
  }

  override render() {
    const info = this.info;
    const ready = info !== null && this.templateId !== null;
    const x = this.template;
    const mapped = info?.mapping.slots.some((s) => s.column !== null) ?? false;
    return html`
      <h1>${t('title')}</h1>
      <p class="muted intro">${t('intro')}</p>
      ${this.step(1, t('s1'), true, this.templateStep())}
      ${this.step(
        2,
        t('s2'),
        this.templateId !== null,
        this.templateId
          ? html`<cs-batch-table .info=${info} .busy=${this.reading} @table-file=${this.onFile}></cs-batch-table>
            ${
              info && x?.slots.some((s) => s.type === 'image')
                ? html`<cs-batch-images .added=${this.images.added} .skipped=${this.images.skipped} .progress=${this.images.progress} @images-pick=${this.onImages}></cs-batch-images>`
                : ''
            }
            ${this.tableError ? html`<p class="error" role="alert">${this.tableError}</p>` : ''}`
          : html`<p class="muted">${t('needTemplate')}</p>`,
      )}
      ${this.step(
        3,
        t('s3'),
        ready,
        ready
          ? html`<cs-batch-mapping .mapping=${info.mapping} .columns=${info.columns} @mapping-change=${this.onMapping}></cs-batch-mapping>
            <h3>${t('previews', { n: Math.min(PREVIEW_ROWS, info.rowCount) })}</h3>
            <cs-batch-previews .previews=${this.previews} .loading=${this.previewing} .landscape=${!x || x.widthMm >= x.heightMm * 1.6}></cs-batch-previews>`
          : html`<p class="muted">${t('needTable')}</p>`,
      )}
      ${this.step(
        4,
        t('s4'),
        ready,
        ready
          ? html`<cs-batch-output .settings=${this.output} .columns=${info.columns} .recommendedDpi=${this.recommendedDpi} .plan=${this.plan} .planError=${this.planError}
            .disabled=${this.running} @settings-change=${this.onSettings}></cs-batch-output>`
          : html`<p class="muted">${t('needTable')}</p>`,
      )}
      ${this.step(
        5,
        t('s5'),
        ready,
        ready
          ? html`<cs-batch-run .status=${this.status} .canStart=${mapped && !this.planError && !this.reading} .publish=${this.publish}
            @publish-change=${(e: CsEvent<'publish-change'>) => (this.publish = { ...this.publish, ...e.detail.patch })}
            @batch-start=${this.start} @batch-cancel=${this.cancel}></cs-batch-run>
            ${this.runError ? html`<p class="error" role="alert">${this.runError}</p>` : ''}`
          : html`<p class="muted">${t('needTable')}</p>`,
      )}
    `;
  }
}
customElements.define('cs-batch', CsBatch);

declare global {
  interface HTMLElementTagNameMap {
    'cs-batch': CsBatch;
  }
}
