import { LitElement, css, html } from 'lit';
import type { BatchTableInfo } from '../../main/core/api-batch.js';
import { defineMessages, LocaleController } from './i18n/i18n.js';
import { controls, fileButton } from './shared-styles.js';
import { fire } from './events.js';

const t = defineMessages({
  drop: { zh: '把 CSV 或 Excel（.xlsx）表格拖到这里，或', en: 'Drop a CSV or Excel (.xlsx) table here, or' },
  pick: { zh: '选择文件…', en: 'Choose a file…' },
  other: { zh: '换一个表格…', en: 'Choose another table…' },
  hint: {
    zh: '第 1 行为列名，如「单位」「标语」「热线」；一行生成一份。Excel 另存的 CSV（GBK）也可以直接用。',
    en: 'Row 1 holds the column names, e.g. 单位, 标语, 热线; each row makes one item. CSV saved by Excel (GBK) works as is.',
  },
  reading: { zh: '正在读取表格…', en: 'Reading the table…' },
  loaded: { zh: '{name}：{rows} 行数据，{cols} 列', en: '{name}: {rows} data rows, {cols} columns' },
  firstRows: { zh: '前 {n} 行数据', en: 'First {n} data rows' },
  rowNo: { zh: '行', en: 'Row' },
  more: { zh: '……其余 {n} 行未列出', en: '… {n} more rows not shown' },
});

/** The table file: a drop zone and a picker, then what was read. Fires `table-file` {file}. */
export class CsBatchTable extends LitElement {
  static override properties = {
    info: { attribute: false },
    busy: { attribute: false },
    dragging: { state: true },
  };
  info: BatchTableInfo | null = null;
  busy = false;
  dragging = false;
  private readonly i18n = new LocaleController(this);

  static override styles = [
    controls,
    fileButton,
    css`
      :host { display: block; }
      .drop {
        border: 2px dashed var(--cs-border); border-radius: 10px; padding: 18px; text-align: center; background: #f8fafc;
        display: flex; flex-direction: column; align-items: center; gap: 8px;
      }
      .drop.over { border-color: var(--cs-blue); background: #eef3fb; }
      .drop.compact { flex-direction: row; justify-content: space-between; text-align: left; padding: 10px 14px; }
      .summary { font-weight: 600; }
      .scroll { overflow: auto; margin-top: 12px; border: 1px solid var(--cs-border); border-radius: 8px; }
      table { border-collapse: collapse; font-size: 13px; width: 100%; }
      caption { text-align: left; padding: 6px 10px; font-size: 12px; color: var(--cs-muted); background: #f3f5f9; }
      th, td { border-bottom: 1px solid #e6eaf0; padding: 6px 10px; text-align: left; white-space: nowrap; max-width: 260px; overflow: hidden; text-overflow: ellipsis; }
      th { background: #f8fafc; font-weight: 600; }
      td.n, th.n { color: var(--cs-muted); width: 3em; text-align: right; }
      .more { padding: 6px 10px; }
    `,
  ];

  private emit(file: File | undefined) {
    if (file) fire(this, 'table-file', { file });
  }

  private onDrop(e: DragEvent) {
    e.preventDefault();
    this.dragging = false;
    this.emit(e.dataTransfer?.files[0]);
  }

  private picker(label: string) {
    return html`<span class="file-btn"><button type="button" class="secondary" tabindex="-1" aria-hidden="true">${label}</button>
      <input type="file" accept=".csv,.xlsx,.xlsm,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-label=${label}
        ?disabled=${this.busy} @change=${(e: Event) => {
          const input = e.target as HTMLInputElement;
          this.emit(input.files?.[0]);
          input.value = '';
        }}></span>`;
  }

  override render() {
    const i = this.info;
    return html`
      <div class="drop ${this.dragging ? 'over' : ''} ${i ? 'compact' : ''}"
        @dragover=${(e: DragEvent) => {
          e.preventDefault();
          this.dragging = true;
        }}
        @dragleave=${() => (this.dragging = false)} @drop=${this.onDrop}>
        ${
          i
            ? html`<span class="summary">${t('loaded', { name: i.fileName, rows: i.rowCount, cols: i.columns.length })}</span>${this.picker(t('other'))}`
            : html`<span>${t('drop')}</span>${this.picker(t('pick'))}<span class="muted">${t('hint')}</span>`
        }
      </div>
      ${this.busy ? html`<p class="muted" aria-live="polite">${t('reading')}</p>` : ''}
      ${
        i
          ? html`
        <div class="scroll">
          <table>
            <caption>${t('firstRows', { n: i.sample.length })}</caption>
            <thead><tr><th class="n" scope="col">${t('rowNo')}</th>${i.columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
            <tbody>${i.sample.map((r, k) => html`<tr><td class="n">${k + 1}</td>${r.map((c) => html`<td title=${c}>${c}</td>`)}</tr>`)}</tbody>
          </table>
          ${i.rowCount > i.sample.length ? html`<div class="more muted">${t('more', { n: i.rowCount - i.sample.length })}</div>` : ''}
        </div>`
          : ''
      }
    `;
  }
}
customElements.define('cs-batch-table', CsBatchTable);

declare global {
  interface HTMLElementTagNameMap {
    'cs-batch-table': CsBatchTable;
  }
}
