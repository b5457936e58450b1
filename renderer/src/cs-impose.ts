import { LitElement, css, html } from 'lit';
import type { TemplateSummary } from '../../main/core/api.js';
import type { ImposePreview, ImposeRequest } from '../../main/core/api-kit.js';
import type { JobStatusOf } from '../../main/core/api-jobs.js';
import type { StudioDesign } from '../../main/core/design/design.js';
import { call, errorMessage } from './data/api-client.js';
import { watchJob } from './data/jobs.js';
import type { CsEvent } from './events.js';
import { defineMessages, LocaleController } from './i18n/i18n.js';
import { controls } from './shared-styles.js';
import { screenHead } from './kit-styles.js';
import { PIECE_COLOURS } from './cs-impose-sheet.js';
import './cs-impose-sheet.js';
import './cs-kit-job.js';

const t = defineMessages({
  title: { zh: '拼版', en: 'Imposition' },
  intro: {
    zh: '把贴纸、吊牌、台卡按数量排满整张纸交给印刷厂：每件带出血和模切线（CutContour），纸边有裁切标记和纸张标签。',
    en: 'Stickers, tags and table cards laid out n-up on press sheets by quantity: each with its bleed and cut line (CutContour), crop marks and a sheet label.',
  },
  pieces: { zh: '物料和数量', en: 'Pieces and quantities' },
  piece: { zh: '物料', en: 'Piece' },
  count: { zh: '数量', en: 'Quantity' },
  open: { zh: '正在编辑的设计：{name}', en: 'The design being edited: {name}' },
  add: { zh: '添加一款', en: 'Add a piece' },
  remove: { zh: '删除', en: 'Remove' },
  sheet: { zh: '纸张', en: 'Sheet' },
  custom: { zh: '自定义', en: 'Custom' },
  width: { zh: '宽（毫米）', en: 'Width (mm)' },
  height: { zh: '高（毫米）', en: 'Height (mm)' },
  gap: { zh: '间距（毫米，出血之间）', en: 'Gap (mm, bleed to bleed)' },
  rotate: { zh: '允许旋转 90°', en: 'Allow turning 90°' },
  rotateHint: {
    zh: '转过来能排得更多、少用纸时才转。有纹理方向的材料或不能转的模具请取消勾选。',
    en: 'Pieces turn only when that saves sheets. Untick for a material with a grain or a die that must not turn.',
  },
  turned: { zh: '，其中 {n} 件转 90° 排', en: ', {n} of them turned 90°' },
  plan: {
    zh: '共 {sheets} 张，{pieces} 件，每张 {per} 件，损耗 {waste}%',
    en: '{sheets} sheets, {pieces} pieces, {per} a sheet, {waste}% waste',
  },
  on: { zh: '第 {list} 张', en: 'sheet {list}' },
  start: { zh: '生成拼版 PDF', en: 'Make the imposed PDF' },
});

type SheetName = 'a4' | 'a3' | 'sra3' | 'custom';
interface Row {
  /** A template id, or '' for the design being edited. */
  source: string;
  count: number;
}

/** Kinds small enough to impose. */
const SMALL = new Set(['sticker', 'tag', 'table-card', 'sign']);

/**
 * The imposition screen: pieces (templates with the unit's details, or the open design) and
 * their quantities, the sheet and gap → the plan drawn to scale with sheets and waste → the
 * imposed PDF as a job.
 */
export class CsImpose extends LitElement {
  static override properties = {
    templates: { attribute: false },
    design: { attribute: false },
    rows: { state: true },
    sheet: { state: true },
    customW: { state: true },
    customH: { state: true },
    gap: { state: true },
    rotate: { state: true },
    preview: { state: true },
    error: { state: true },
    status: { state: true },
  };
  templates: TemplateSummary[] = [];
  design: StudioDesign | null = null;
  rows: Row[] = [];
  sheet: SheetName = 'a3';
  customW = 320;
  customH = 464;
  gap = 3;
  rotate = true;
  preview: ImposePreview | null = null;
  error = '';
  status: JobStatusOf<'impose'> | null = null;
  private proof = false;
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private watching: AbortController | undefined;
  private readonly i18n = new LocaleController(this);

  static override styles = [
    controls,
    screenHead,
    css`
      .layout { display: grid; grid-template-columns: minmax(360px, 1fr) minmax(280px, 420px); gap: 16px; align-items: start; }
      table { border-collapse: collapse; width: 100%; }
      th { text-align: left; font-size: 13px; color: var(--cs-muted); font-weight: 600; padding: 4px 6px; }
      td { padding: 4px 6px; vertical-align: middle; }
      td.count { width: 110px; }
      td.piece { display: flex; align-items: center; gap: 8px; }
      .swatch { width: 12px; height: 12px; flex: none; }
      .sheet { display: grid; grid-template-columns: repeat(3, minmax(100px, 1fr)); gap: 10px; margin-top: 14px; }
      .check { display: flex; gap: 8px; align-items: center; font-weight: normal; margin: 12px 0 0; }
      .hint { font-size: 13px; margin: 2px 0 0 24px; }
      .summary { font-weight: 700; margin: 12px 0 4px; }
      .where { font-size: 13px; margin: 0; padding-left: 18px; }
      @media (max-width: 1000px) { .layout { grid-template-columns: 1fr; } }
    `,
  ];

  private get choices(): TemplateSummary[] {
    return this.templates.filter((x) => SMALL.has(x.kind) && Math.max(x.widthMm, x.heightMm) <= 450);
  }

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('templates') && this.rows.length === 0 && this.choices.length) {
      const first = this.choices.find((c) => c.kind === 'sticker') ?? this.choices[0]!;
      this.rows = [{ source: first.id, count: 50 }];
    }
  }

  override updated(changed: Map<string, unknown>) {
    if (['rows', 'sheet', 'customW', 'customH', 'gap', 'rotate', 'design'].some((k) => changed.has(k))) this.schedule();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.timer);
    this.watching?.abort();
  }

  private request(): ImposeRequest {
    return {
      items: this.rows.map((r) =>
        r.source ? { templateId: r.source, count: r.count } : { design: this.design!, count: r.count },
      ),
      sheet: this.sheet === 'custom' ? { widthMm: this.customW, heightMm: this.customH } : this.sheet,
      gapMm: this.gap,
      rotate: this.rotate,
      allowPlaceholder: this.proof,
    };
  }

  private valid(): boolean {
    return (
      this.rows.length > 0 &&
      this.rows.every((r) => Number.isInteger(r.count) && r.count >= 1 && (r.source || this.design))
    );
  }

  /** The plan again a moment after the last change (typing a count should not ask on every key). */
  private schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.plan(), 200);
  }

  private async plan() {
    if (!this.valid()) return;
    const seq = ++this.seq;
    try {
      const p = await call('planImpose', this.request());
      if (seq !== this.seq) return;
      this.preview = p;
      this.error = '';
    } catch (e) {
      if (seq !== this.seq) return;
      this.preview = null;
      this.error = errorMessage(e);
    }
  }

  private patch(i: number, row: Partial<Row>) {
    this.rows = this.rows.map((r, k) => (k === i ? { ...r, ...row } : r));
  }

  private async start() {
    this.error = '';
    this.watching?.abort();
    this.watching = new AbortController();
    try {
      const { jobId } = await call('startImpose', this.request());
      this.status = (await watchJob(jobId, 'impose', (s) => (this.status = s), this.watching.signal)) ?? this.status;
    } catch (e) {
      this.error = errorMessage(e);
    }
  }

  private row(r: Row, i: number) {
    return html`<tr>
      <td class="piece"><svg class="swatch" viewBox="0 0 12 12" aria-hidden="true"><rect width="12" height="12" rx="3" fill=${PIECE_COLOURS[i % PIECE_COLOURS.length]!}></rect></svg>
        <select aria-label=${t('piece')} name="piece" @change=${(e: Event) => this.patch(i, { source: (e.target as HTMLSelectElement).value })}>
          ${this.design ? html`<option value="" ?selected=${!r.source}>${t('open', { name: this.design.name })}</option>` : ''}
          ${this.choices.map((c) => html`<option value=${c.id} ?selected=${c.id === r.source}>${c.title}</option>`)}
        </select></td>
      <td class="count"><input type="number" name="count" min="1" max="100000" step="1" aria-label=${t('count')} .value=${String(r.count)}
        @input=${(e: Event) => this.patch(i, { count: Number((e.target as HTMLInputElement).value) })}></td>
      <td><button type="button" class="secondary remove" ?disabled=${this.rows.length === 1}
        @click=${() => (this.rows = this.rows.filter((_, k) => k !== i))}>${t('remove')}</button></td>
    </tr>`;
  }

  override render() {
    const p = this.preview;
    const num = (set: (v: number) => void) => (e: Event) => set(Number((e.target as HTMLInputElement).value));
    return html`
      <h1>${t('title')}</h1>
      <p class="intro muted">${t('intro')}</p>
      <div class="layout">
        <section class="panel">
          <h2>${t('pieces')}</h2>
          <table><thead><tr><th scope="col">${t('piece')}</th><th scope="col">${t('count')}</th><th></th></tr></thead>
            <tbody>${this.rows.map((r, i) => this.row(r, i))}</tbody></table>
          <button type="button" class="secondary add" @click=${() => (this.rows = [...this.rows, { source: this.choices[0]?.id ?? '', count: 20 }])}>${t('add')}</button>
          <div class="sheet">
            <div><label for="sheet">${t('sheet')}</label>
              <select id="sheet" name="sheet" @change=${(e: Event) => (this.sheet = (e.target as HTMLSelectElement).value as SheetName)}>
                ${(['a4', 'a3', 'sra3', 'custom'] as const).map((s) => html`<option value=${s} ?selected=${s === this.sheet}>${s === 'custom' ? t('custom') : s.toUpperCase()}</option>`)}
              </select></div>
            <div><label for="gap">${t('gap')}</label><input id="gap" type="number" min="0" max="50" step="0.5" .value=${String(this.gap)} @input=${num((v) => (this.gap = v))}></div>
            ${
              this.sheet === 'custom'
                ? html`<div><label for="cw">${t('width')}</label><input id="cw" type="number" min="50" max="1200" .value=${String(this.customW)} @input=${num((v) => (this.customW = v))}></div>
              <div><label for="ch">${t('height')}</label><input id="ch" type="number" min="50" max="1200" .value=${String(this.customH)} @input=${num((v) => (this.customH = v))}></div>`
                : ''
            }
          </div>
          <label class="check"><input type="checkbox" name="rotate" .checked=${this.rotate} aria-describedby="rotate-hint"
            @change=${(e: Event) => (this.rotate = (e.target as HTMLInputElement).checked)}>${t('rotate')}</label>
          <p id="rotate-hint" class="hint muted">${t('rotateHint')}</p>
          ${
            p
              ? html`<p class="summary" role="status">${t('plan', { sheets: p.sheets, pieces: p.pieces, per: p.perSheet[0] ?? 0, waste: p.wastePct })}</p>
            <ul class="where muted">${p.items.map((it) => html`<li>${it.name}：${t('on', { list: it.sheets.join('、') })}${it.rotated ? t('turned', { n: it.rotated }) : ''}</li>`)}</ul>`
              : ''
          }
          <cs-kit-job .status=${this.status} .canStart=${!!p} .startLabel=${t('start')} @kit-start=${() => this.start()}
            @proof-change=${(e: CsEvent<'proof-change'>) => (this.proof = e.detail.proof)}></cs-kit-job>
          ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
        </section>
        <section class="panel"><cs-impose-sheet .preview=${p}></cs-impose-sheet></section>
      </div>
    `;
  }
}
customElements.define('cs-impose', CsImpose);

declare global {
  interface HTMLElementTagNameMap {
    'cs-impose': CsImpose;
  }
}
