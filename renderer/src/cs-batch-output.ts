import { LitElement, css, html } from 'lit';
import type { ApiValue } from '../../main/core/api.js';
import { ROW_NUMBER_TOKEN } from '../../main/core/batch-names.js';
import type { BatchOutput, BatchSettingsInput } from '../../main/core/batch.js';
import { MAX_DPI } from '../../main/core/limits.js';
import { defineMessages, LocaleController } from './i18n/i18n.js';
import { controls } from './shared-styles.js';
import { fire } from './events.js';

const t = defineMessages({
  output: { zh: '输出格式', en: 'Output' },
  pdf: { zh: '每行一个 PDF（印刷厂）', en: 'One PDF per row (print shop)' },
  'single-pdf': { zh: '合并为一个多页 PDF', en: 'One multi-page PDF' },
  png: { zh: 'PNG 图片（微信、无损）', en: 'PNG images (WeChat, lossless)' },
  jpeg: { zh: 'JPEG 图片（体积小）', en: 'JPEG images (small files)' },
  webp: { zh: 'WebP 图片', en: 'WebP images' },
  zipAlways: {
    zh: '多个文件会打包成一个 ZIP 下载（内附生成报告）。',
    en: 'Several files arrive as one ZIP download (with a report inside).',
  },
  zipSingle: { zh: '打包为 ZIP（附生成报告）', en: 'Pack as ZIP (with the report)' },
  pattern: { zh: '文件名规则', en: 'File-name pattern' },
  insert: { zh: '点击插入列名：', en: 'Click to insert a column:' },
  rowNo: { zh: '序号（行号）', en: 'row number' },
  example: { zh: '示例：', en: 'Example: ' },
  download: { zh: '下载文件：', en: 'Download: ' },
  dpi: { zh: '分辨率（dpi）', en: 'Resolution (dpi)' },
  dpiHint: { zh: '此版式推荐 {dpi} dpi。', en: 'Recommended for this format: {dpi} dpi.' },
  allowPlaceholder: {
    zh: '仍导出样稿（还带模板示例内容的行也照样生成）',
    en: 'Make proofs (rows still showing the template’s samples are made too)',
  },
  placeholderHint: {
    zh: '不勾选时，还是模板示例内容（××单位、示例日期、空照片框）的行不会生成，报告中列出这些行。',
    en: 'Unticked, rows that still show template samples (×× unit, sample date, empty photo box) are not made; the report lists them.',
  },
  dpiPdf: {
    zh: 'PDF 中文字与图形为矢量，无需设置分辨率。',
    en: 'PDF text and shapes are vector: no resolution needed.',
  },
});
const OUTPUTS: BatchOutput[] = ['pdf', 'single-pdf', 'png', 'jpeg', 'webp'];

export type OutputSettings = Required<
  Pick<BatchSettingsInput, 'output' | 'zip' | 'namePattern' | 'allowPlaceholder'>
> & {
  dpi: number;
};
type Plan = ApiValue<'planBatch'>;

/** Output format, file names from columns (chips insert {列名}) and dpi. Fires `settings-change` {patch}. */
export class CsBatchOutput extends LitElement {
  static override properties = {
    settings: { attribute: false },
    columns: { attribute: false },
    recommendedDpi: { attribute: false },
    plan: { attribute: false },
    planError: { attribute: false },
    disabled: { attribute: false },
  };
  settings!: OutputSettings;
  columns: string[] = [];
  recommendedDpi = 150;
  plan: Plan | null = null;
  planError = '';
  disabled = false;
  private readonly i18n = new LocaleController(this);

  static override styles = [
    controls,
    css`
      :host { display: block; }
      fieldset { border: none; padding: 0; margin: 0 0 16px; }
      legend { font-weight: 600; margin-bottom: 6px; padding: 0; }
      .formats { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 6px 16px; }
      .check { display: flex; gap: 8px; align-items: center; font-weight: normal; margin: 0; }
      .row { display: grid; grid-template-columns: minmax(0, 1fr) 180px; gap: 18px; align-items: start; }
      .chips { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin-top: 8px; }
      .chips button { min-height: 28px; padding: 2px 10px; border-radius: 14px; font-size: 13px; background: #eef3fb; color: var(--cs-blue); border-color: #c4d3ee; }
      .chips button:hover { background: #dfe8f8; }
      .example { margin-top: 8px; font-size: 13px; }
      .example code { background: #f3f5f9; border-radius: 4px; padding: 1px 6px; font-family: inherit; }
      .note { margin: 6px 0 0; }
    `,
  ];

  private patch(p: Partial<OutputSettings>) {
    fire(this, 'settings-change', { patch: p });
  }

  /** Insert `{col}` where the cursor is in the pattern field (at the end if it never had focus). */
  private insert(col: string) {
    const input = this.renderRoot.querySelector<HTMLInputElement>('#pattern')!;
    const v = input.value;
    const at = input.selectionStart ?? v.length;
    const end = input.selectionEnd ?? at;
    const token = `{${col}}`;
    this.patch({ namePattern: v.slice(0, at) + token + v.slice(end) });
    void this.updateComplete.then(() => {
      input.focus();
      input.setSelectionRange(at + token.length, at + token.length);
    });
  }

  override render() {
    const s = this.settings;
    const raster = s.output !== 'pdf' && s.output !== 'single-pdf';
    return html`
      <fieldset ?disabled=${this.disabled}>
        <legend>${t('output')}</legend>
        <div class="formats">
          ${OUTPUTS.map((o) => html`<label class="check"><input type="radio" name="output" value=${o} .checked=${s.output === o} @change=${() => this.patch({ output: o })}>${t(o)}</label>`)}
        </div>
        <label class="check note"><input type="checkbox" name="allow-placeholder" .checked=${s.allowPlaceholder} aria-describedby="ph-hint"
          @change=${(e: Event) => this.patch({ allowPlaceholder: (e.target as HTMLInputElement).checked })}>${t('allowPlaceholder')}</label>
        <p class="muted note" id="ph-hint">${t('placeholderHint')}</p>
        ${
          s.output === 'single-pdf'
            ? html`<label class="check note"><input type="checkbox" name="zip" .checked=${s.zip} @change=${(e: Event) => this.patch({ zip: (e.target as HTMLInputElement).checked })}>${t('zipSingle')}</label>`
            : html`<p class="muted note">${t('zipAlways')}</p>`
        }
      </fieldset>
      <fieldset ?disabled=${this.disabled}>
        <div class="row">
          <div>
            <label for="pattern">${t('pattern')}</label>
            <input id="pattern" type="text" .value=${s.namePattern} aria-describedby="pattern-example" aria-invalid=${this.planError ? 'true' : 'false'}
              @input=${(e: Event) => this.patch({ namePattern: (e.target as HTMLInputElement).value })}>
            <div class="chips"><span class="muted">${t('insert')}</span>
              <button type="button" data-token=${ROW_NUMBER_TOKEN} @click=${() => this.insert(ROW_NUMBER_TOKEN)}>${t('rowNo')}</button>
              ${this.columns.map((c) => html`<button type="button" data-token=${c} @click=${() => this.insert(c)}>${c}</button>`)}
            </div>
            <div class="example" id="pattern-example" aria-live="polite">
              ${
                this.planError
                  ? html`<span class="error" role="alert">${this.planError}</span>`
                  : this.plan
                    ? html`${t('example')}<code class="file-example">${this.plan.examples[0]?.fileName ?? ''}</code> · ${t('download')}<code class="download-name">${this.plan.downloadName}</code>`
                    : ''
              }
            </div>
          </div>
          <div>
            <label for="dpi">${t('dpi')}</label>
            <input id="dpi" type="number" min="1" max=${MAX_DPI} step="any" .value=${String(s.dpi)} ?disabled=${!raster} aria-describedby="dpi-hint"
              @change=${(e: Event) => this.patch({ dpi: Number((e.target as HTMLInputElement).value) || this.recommendedDpi })}>
            <div class="muted" id="dpi-hint">${raster ? t('dpiHint', { dpi: this.recommendedDpi }) : t('dpiPdf')}</div>
          </div>
        </div>
      </fieldset>
    `;
  }
}
customElements.define('cs-batch-output', CsBatchOutput);

declare global {
  interface HTMLElementTagNameMap {
    'cs-batch-output': CsBatchOutput;
  }
}
