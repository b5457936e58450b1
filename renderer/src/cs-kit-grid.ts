import { LitElement, css, html } from 'lit';
import type { JobStatusOf } from '../../main/core/api-jobs.js';
import type { AudiencePlan, AudienceRow } from '../../main/core/kit.js';
import { call, errorMessage, upload } from './data/api-client.js';
import { watchJob } from './data/jobs.js';
import { defineMessages, LocaleController } from './i18n/i18n.js';
import { controls, fileButton } from './shared-styles.js';
import './cs-kit-job.js';
import type { CsEvent } from './events.js';

const t = defineMessages({
  s1: { zh: '人群', en: 'Audiences' },
  pick: { zh: '选择要发的网格群人群（每类人群一个文件夹）', en: 'Pick the grid groups’ audiences (a folder each)' },
  warns: { zh: '重点防范：{list}', en: 'Warned about: {list}' },
  list: { zh: '导入人群表（TXT / CSV / Excel）…', en: 'Import an audience list (TXT / CSV / Excel)…' },
  listHint: {
    zh: 'TXT 一行一类人群，可写「老年人：公检法、保健品」；表格用「人群」列，可加「诈骗类型」列。诈骗类型与人群的对应可在 templates/kits/grid.json 中修改。',
    en: 'TXT: one audience a line, optionally 老年人：公检法、保健品; tables: a 人群 column and optionally 诈骗类型. The audience table lives in templates/kits/grid.json.',
  },
  preview: { zh: '预览标语和群消息', en: 'Preview jingles and messages' },
  s2: { zh: '标语与群消息', en: 'Jingles and messages' },
  message: { zh: '群消息', en: 'Message' },
  s3: { zh: '生成图片包', en: 'Make the image sets' },
  makes: {
    zh: '每类人群：手机竖图 1080×1920、方图 1080×1080、公众号封面 900×383（关键文字在中间正方形内），JPEG 质量 90，每张不到 1 MB；加一份可直接粘贴的群消息。',
    en: 'Per audience: a 1080×1920 phone poster, a 1080×1080 square and a 900×383 cover (key text in its centre square), JPEG quality 90, under 1 MB each; and the message to paste.',
  },
  start: { zh: '开始制作', en: 'Make them' },
  none: { zh: '请至少选择一类人群。', en: 'Pick at least one audience.' },
});

const DEFAULT_PICK = ['老年人', '学生', '宝妈', '个体商户', '企业财务'];

/** The grid-group kit (网格群宣防包): audiences → a jingle and a message each → image folders as a job → one zip. */
export class CsKitGrid extends LitElement {
  static override properties = {
    known: { state: true },
    picked: { state: true },
    extra: { state: true },
    plans: { state: true },
    busy: { state: true },
    error: { state: true },
    status: { state: true },
  };
  known: { audience: string; warns: string[] }[] = [];
  picked = new Set<string>(DEFAULT_PICK);
  /** Audiences from an imported list (with what they say to warn about). */
  extra: AudienceRow[] = [];
  plans: AudiencePlan[] = [];
  busy = false;
  error = '';
  status: JobStatusOf<'kit'> | null = null;
  private proof = false;
  private watching: AbortController | undefined;
  private readonly i18n = new LocaleController(this);

  static override styles = [
    controls,
    fileButton,
    css`
      :host { display: block; }
      section.panel { margin-bottom: 16px; }
      fieldset { border: none; margin: 0; padding: 0; }
      legend { font-weight: 600; margin-bottom: 8px; }
      .audiences { display: grid; grid-template-columns: repeat(auto-fill, minmax(250px, 1fr)); gap: 8px 16px; }
      .audiences label { display: flex; gap: 8px; align-items: flex-start; font-weight: normal; margin: 0; padding: 8px 10px; border: 1px solid var(--cs-border); border-radius: 8px; background: #fff; }
      .audiences .name { font-weight: 700; }
      .row { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; margin-top: 12px; }
      .row .spacer { flex: 1; }
      ol { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(380px, 1fr)); gap: 12px; }
      ol li { border: 1px solid var(--cs-border); border-radius: 10px; padding: 12px 14px; background: #fff; }
      .jingle { font-size: 18px; font-weight: 700; color: var(--cs-blue); margin: 4px 0; }
      pre { white-space: pre-wrap; font: inherit; font-size: 13px; background: #f6f8fb; border-radius: 6px; padding: 8px 10px; margin: 6px 0 0; }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    void call('gridAudiences', {})
      .then((k) => (this.known = k))
      .catch((e: unknown) => (this.error = errorMessage(e)));
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.watching?.abort();
  }

  private get audiences(): AudienceRow[] {
    const fromList = new Set(this.extra.map((a) => a.audience));
    return [
      ...this.known
        .filter((k) => this.picked.has(k.audience) && !fromList.has(k.audience))
        .map((k) => ({ audience: k.audience })),
      ...this.extra,
    ];
  }

  private toggle(name: string, on: boolean) {
    const next = new Set(this.picked);
    if (on) next.add(name);
    else next.delete(name);
    this.picked = next;
    this.plans = [];
  }

  private async importList(file: File | undefined) {
    if (!file) return;
    this.error = '';
    try {
      const { uploadId } = await upload(file);
      this.extra = (await call('readAudienceList', { uploadId })).audiences;
      this.plans = [];
    } catch (e) {
      this.error = errorMessage(e);
    }
  }

  private async preview() {
    this.error = '';
    this.busy = true;
    try {
      this.plans = await call('planGridKit', { audiences: this.audiences });
    } catch (e) {
      this.error = errorMessage(e);
    } finally {
      this.busy = false;
    }
  }

  private async start() {
    this.error = '';
    this.watching?.abort();
    this.watching = new AbortController();
    try {
      const { jobId } = await call('startGridKit', { audiences: this.audiences, allowPlaceholder: this.proof });
      this.status = (await watchJob(jobId, 'kit', (s) => (this.status = s), this.watching.signal)) ?? this.status;
    } catch (e) {
      this.error = errorMessage(e);
    }
  }

  override render() {
    const rows = this.audiences;
    return html`
      <section class="panel">
        <h2>1. ${t('s1')}</h2>
        <fieldset><legend>${t('pick')}</legend>
          <div class="audiences">${this.known.map(
            (
              k,
            ) => html`<label><input type="checkbox" name="audience" value=${k.audience} .checked=${this.picked.has(k.audience)}
              @change=${(e: Event) => this.toggle(k.audience, (e.target as HTMLInputElement).checked)}>
              <span><span class="name">${k.audience}</span><br><span class="muted">${t('warns', { list: k.warns.join('、') })}</span></span></label>`,
          )}
          ${this.extra.map((a) => html`<label><input type="checkbox" checked disabled><span><span class="name">${a.audience}</span>${a.warns?.length ? html`<br><span class="muted">${t('warns', { list: a.warns.join('、') })}</span>` : ''}</span></label>`)}</div>
        </fieldset>
        <div class="row">
          <span class="file-btn"><button type="button" class="secondary" tabindex="-1" aria-hidden="true">${t('list')}</button>
            <input type="file" accept=".txt,.csv,.xlsx,text/plain,text/csv" aria-label=${t('list')} @change=${(
              e: Event,
            ) => {
              const input = e.target as HTMLInputElement;
              void this.importList(input.files?.[0]);
              input.value = '';
            }}></span>
          <span class="spacer"></span>
          <button type="button" class="preview" ?disabled=${rows.length === 0 || this.busy} @click=${() => this.preview()}>${t('preview')}</button>
        </div>
        <p class="muted">${rows.length ? t('listHint') : t('none')}</p>
      </section>
      ${
        this.plans.length
          ? html`<section class="panel">
        <h2>2. ${t('s2')}</h2>
        <ol>${this.plans.map(
          (
            p,
          ) => html`<li data-audience=${p.audience}><strong>${p.audience}</strong> <span class="muted">${t('warns', { list: p.warns.map((w) => w.label).join('、') })}</span>
            ${p.problem ? html`<p class="error" role="alert">${p.problem}</p>` : html`<div class="jingle">${p.jingle}</div><pre aria-label=${t('message')}>${p.message}</pre>`}</li>`,
        )}</ol>
      </section>
      <section class="panel">
        <h2>3. ${t('s3')}</h2>
        <p class="muted">${t('makes')}</p>
        <cs-kit-job .status=${this.status} .canStart=${rows.length > 0} .startLabel=${t('start')} @kit-start=${() => this.start()}
          @proof-change=${(e: CsEvent<'proof-change'>) => (this.proof = e.detail.proof)}></cs-kit-job>
      </section>`
          : ''
      }
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
    `;
  }
}
customElements.define('cs-kit-grid', CsKitGrid);

declare global {
  interface HTMLElementTagNameMap {
    'cs-kit-grid': CsKitGrid;
  }
}
