import { LitElement, css, html } from 'lit';
import type { JobStatusOf } from '../../main/core/api-jobs.js';
import { isFinished } from '../../main/core/job-states.js';
import type { Stall, StallPlan } from '../../main/core/kit.js';
import { call, errorMessage, upload } from './data/api-client.js';
import { watchJob } from './data/jobs.js';
import { DEMO_STALLS, stallsFromText, stallsToText } from './data/kit-stalls.js';
import type { CsEvent } from './events.js';
import { defineMessages, LocaleController } from './i18n/i18n.js';
import { controls, fileButton } from './shared-styles.js';
import './cs-kit-job.js';
import './cs-kit-stalls.js';

const t = defineMessages({
  s1: { zh: '摊位', en: 'Stalls' },
  stallsLabel: {
    zh: '一行一个摊位：摊位名称，再写它卖的商品',
    en: 'One stall a line: its name, then the goods it sells',
  },
  demo: { zh: '填入示例（三明）', en: 'Fill in the example (Sanming)' },
  table: { zh: '导入摊位表（CSV / Excel）…', en: 'Import a stall table (CSV / Excel)…' },
  tableHint: {
    zh: '表格第 1 行写列名「摊位」「商品」，可加「诈骗类型」「贴纸数量」「吊牌数量」。',
    en: 'Row 1 names the columns 摊位 (stall) and 商品 (goods); 诈骗类型, 贴纸数量, 吊牌数量 are optional.',
  },
  badLines: {
    zh: '第 {lines} 行没有写商品或写得太长，先改好再编标语。',
    en: 'Line(s) {lines}: no goods, or too long — fix them first.',
  },
  plan: { zh: '编标语', en: 'Compose jingles' },
  planning: { zh: '正在编标语…', en: 'Composing…' },
  s2: { zh: '标语（每句都可以换）', en: 'Jingles (swap any of them)' },
  s3: { zh: '生成全套物料', en: 'Make the whole set' },
  job: { zh: '活动名称（写在制作单和压缩包上）', en: 'Event name (on the order and the zip)' },
  jobPlaceholder: { zh: '如：列东菜市场反诈小铺', en: 'e.g. Liedong market anti-fraud stall' },
  makes: {
    zh: '每个摊位一块展板、一批吊牌和贴纸（拼版），外加入口横幅、易拉宝、制作单（PDF 和 Excel），打成一个交给印刷厂的压缩包。',
    en: 'A board per stall, its tags and stickers (imposed), the entrance banner, a roll-up and the production order (PDF and Excel), in one zip for the print shop.',
  },
  start: { zh: '开始制作', en: 'Make it' },
});

/**
 * The market kit (反诈小铺套装): the stalls (typed, the demo, or a table) → a jingle each from the
 * slogan engine, swappable → the whole set as a job → the print shop's zip.
 */
export class CsKitMarket extends LitElement {
  static override properties = {
    text: { state: true },
    plans: { state: true },
    planning: { state: true },
    error: { state: true },
    job: { state: true },
    status: { state: true },
  };
  text = '';
  plans: StallPlan[] = [];
  planning = false;
  error = '';
  job = '';
  status: JobStatusOf<'kit'> | null = null;
  private proof = false;
  /** The user's swaps, by stall; cleared when the stalls change. */
  private chosen: (string | null)[] = [];
  /** Stalls read from a table (quantities included) while the text is still what the table gave. */
  private fromTable: { text: string; stalls: Stall[] } | null = null;
  private watching: AbortController | undefined;
  private readonly i18n = new LocaleController(this);

  static override styles = [
    controls,
    fileButton,
    css`
      :host { display: block; }
      section.panel { margin-bottom: 16px; }
      textarea { min-height: 120px; font-size: 15px; line-height: 1.7; }
      .row { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; margin-top: 10px; }
      .row .spacer { flex: 1; }
      .job { max-width: 420px; }
    `,
  ];

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.watching?.abort();
  }

  private get parsed() {
    return stallsFromText(this.text);
  }

  private get stalls(): Stall[] {
    return this.fromTable?.text === this.text ? this.fromTable.stalls : this.parsed.stalls;
  }

  private get running(): boolean {
    return this.status !== null && !isFinished(this.status);
  }

  private edit(text: string) {
    this.text = text;
    this.plans = [];
    this.chosen = [];
  }

  private async demo() {
    this.edit(DEMO_STALLS);
    await this.plan();
  }

  private async importTable(file: File | undefined) {
    if (!file) return;
    this.error = '';
    try {
      const { uploadId } = await upload(file);
      const { stalls } = await call('readStallTable', { uploadId });
      this.edit(stallsToText(stalls));
      this.fromTable = { text: this.text, stalls };
      await this.plan();
    } catch (e) {
      this.error = errorMessage(e);
    }
  }

  private async plan() {
    this.error = '';
    this.planning = true;
    try {
      this.plans = await call('planMarketKit', { stalls: this.stalls, chosen: this.chosen });
    } catch (e) {
      this.error = errorMessage(e);
    } finally {
      this.planning = false;
    }
  }

  private async swap(e: CsEvent<'jingle-swap'>) {
    const { index, text } = e.detail;
    this.chosen = this.stalls.map((_, i) => (i === index ? text || null : (this.chosen[i] ?? null)));
    await this.plan();
  }

  private async start() {
    this.error = '';
    this.watching?.abort();
    this.watching = new AbortController();
    try {
      const chosen = this.plans.map((p) => p.jingle?.text ?? null);
      const { jobId } = await call('startMarketKit', {
        stalls: this.stalls,
        chosen,
        ...(this.job.trim() ? { job: this.job.trim() } : {}),
        allowPlaceholder: this.proof,
      });
      this.status = (await watchJob(jobId, 'kit', (s) => (this.status = s), this.watching.signal)) ?? this.status;
    } catch (e) {
      this.error = errorMessage(e);
    }
  }

  override render() {
    const { bad } = this.parsed;
    const canPlan = this.stalls.length > 0 && bad.length === 0 && !this.planning;
    const canStart = this.plans.some((p) => p.jingle) && !this.running;
    return html`
      <section class="panel">
        <h2>1. ${t('s1')}</h2>
        <label for="stalls">${t('stallsLabel')}</label>
        <textarea id="stalls" name="stalls" placeholder=${DEMO_STALLS} .value=${this.text}
          @input=${(e: Event) => this.edit((e.target as HTMLTextAreaElement).value)}></textarea>
        ${bad.length ? html`<p class="error" role="alert">${t('badLines', { lines: bad.join('、') })}</p>` : ''}
        <div class="row">
          <button type="button" class="secondary demo" @click=${() => this.demo()}>${t('demo')}</button>
          <span class="file-btn"><button type="button" class="secondary" tabindex="-1" aria-hidden="true">${t('table')}</button>
            <input type="file" accept=".csv,.xlsx,.xlsm,text/csv" aria-label=${t('table')} @change=${(e: Event) => {
              const input = e.target as HTMLInputElement;
              void this.importTable(input.files?.[0]);
              input.value = '';
            }}></span>
          <span class="spacer"></span>
          <button type="button" class="plan" ?disabled=${!canPlan} @click=${() => this.plan()}>${this.planning ? t('planning') : t('plan')}</button>
        </div>
        <p class="muted">${t('tableHint')}</p>
      </section>
      ${
        this.plans.length
          ? html`<section class="panel">
        <h2>2. ${t('s2')}</h2>
        <cs-kit-stalls .plans=${this.plans} .busy=${this.planning || this.running} @jingle-swap=${this.swap}></cs-kit-stalls>
      </section>
      <section class="panel">
        <h2>3. ${t('s3')}</h2>
        <p class="muted">${t('makes')}</p>
        <div class="job"><label for="job">${t('job')}</label>
          <input id="job" type="text" maxlength="40" placeholder=${t('jobPlaceholder')} .value=${this.job}
            @input=${(e: Event) => (this.job = (e.target as HTMLInputElement).value)}></div>
        <cs-kit-job .status=${this.status} .canStart=${canStart} .startLabel=${t('start')} @kit-start=${() => this.start()}
          @proof-change=${(e: CsEvent<'proof-change'>) => (this.proof = e.detail.proof)}></cs-kit-job>
      </section>`
          : ''
      }
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
    `;
  }
}
customElements.define('cs-kit-market', CsKitMarket);

declare global {
  interface HTMLElementTagNameMap {
    'cs-kit-market': CsKitMarket;
  }
}
