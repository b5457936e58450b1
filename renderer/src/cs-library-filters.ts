import { LitElement, css, html, nothing } from 'lit';
import type { Facets } from '../../main/core/library-search.js';
import { filterCount, NO_FILTERS, type LibraryFilters } from './data/library-filters.js';
import { fraudLabels, kindLabels } from './data/library-labels.js';
import { defineMessages, LocaleController } from './i18n/i18n.js';
import { controls } from './shared-styles.js';
import { fire } from './events.js';

const t = defineMessages({
  heading: { zh: '筛选', en: 'Filters' },
  clear: { zh: '清除筛选', en: 'Clear filters' },
  counting: { zh: '正在统计…', en: 'Counting…' },
  date: { zh: '发布时间', en: 'Published' },
  year: { zh: '年份', en: 'Year' },
  month: { zh: '月份', en: 'Month' },
  allYears: { zh: '全部年份', en: 'All years' },
  yearN: { zh: '{y} 年', en: '{y}' },
  wholeYear: { zh: '全年', en: 'Whole year' },
  monthN: { zh: '{m} 月', en: 'Month {m}' },
  kind: { zh: '类型', en: 'Kind' },
  unit: { zh: '发布单位', en: 'Unit' },
  fraudType: { zh: '诈骗类型', en: 'Fraud type' },
  channel: { zh: '渠道', en: 'Channel' },
  tags: { zh: '标签', en: 'Tags' },
  n: { zh: '{n} 个', en: '{n} samples' },
});

export type { LibraryFilters } from './data/library-filters.js';

type ListKey = 'kind' | 'fraudType' | 'unit' | 'channel' | 'tags';

/**
 * The filter panel: kind, fraud type, unit, channel, tags and year/month, each value with its
 * facet count (how many results choosing it would give under the other filters). The screen asks
 * for facets only while this panel is open. Fires `filter-change` {filters}.
 */
export class CsLibraryFilters extends LitElement {
  static override properties = { filters: { attribute: false }, facets: { attribute: false } };
  filters: LibraryFilters = NO_FILTERS;
  facets: Facets | null = null;
  private readonly i18n = new LocaleController(this);

  static override styles = [
    controls,
    css`
      :host { display: block; overflow-y: auto; min-height: 0; }
      .head { display: flex; align-items: center; justify-content: space-between; margin-bottom: 8px; }
      h2 { margin: 0; }
      /* min-width 0: a fieldset is as wide as its longest label otherwise, and the counts fall off the panel. */
      fieldset { border: none; border-top: 1px solid var(--cs-border); margin: 0; padding: 10px 0; min-width: 0; }
      legend { font-weight: 700; padding: 0; font-size: 14px; }
      ul { list-style: none; margin: 6px 0 0; padding: 0; display: flex; flex-direction: column; gap: 2px; }
      label.opt { display: flex; align-items: center; gap: 6px; font-weight: normal; margin: 0; font-size: 14px; cursor: pointer; padding: 2px 0; }
      label.opt .name { flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
      .count { color: var(--cs-muted); font-size: 12px; font-variant-numeric: tabular-nums; background: #eef1f6; border-radius: 9px; padding: 0 7px; }
      label.opt.zero { color: var(--cs-muted); }
      .dates { display: flex; gap: 8px; margin-top: 6px; }
      .dates select { padding: 6px 8px; }
      button.clear { padding: 4px 10px; min-height: 28px; font-size: 13px; }
      .more { font-size: 13px; }
    `,
  ];

  private set(patch: Partial<LibraryFilters>) {
    this.filters = { ...this.filters, ...patch };
    fire(this, 'filter-change', { filters: this.filters });
  }

  private toggle(key: ListKey, value: string, on: boolean) {
    const cur = this.filters[key];
    this.set({ [key]: on ? [...cur, value] : cur.filter((v) => v !== value) } as Partial<LibraryFilters>);
  }

  private options(
    key: ListKey,
    legend: string,
    values: [string, string][],
    counts: Record<string, number> | undefined,
    max = 50,
  ) {
    const chosen = this.filters[key];
    // Chosen values stay visible even when the other filters leave them no results.
    // Every fraud type stays listed (the list is the official one); other values only when some result has them.
    const shown = values
      .filter(([v]) => chosen.includes(v) || !counts || (counts[v] ?? 0) > 0 || key === 'fraudType')
      .slice(0, max);
    if (!shown.length && key !== 'kind') return nothing;
    return html`<fieldset data-facet=${key}>
      <legend>${legend}</legend>
      <ul>
        ${shown.map(([v, label]) => {
          const n = counts?.[v] ?? 0;
          return html`<li><label class="opt ${counts && n === 0 ? 'zero' : ''}">
            <input type="checkbox" .checked=${chosen.includes(v)} data-value=${v} @change=${(e: Event) => this.toggle(key, v, (e.target as HTMLInputElement).checked)}>
            <span class="name" title=${label}>${label}</span>
            ${counts ? html`<span class="count" aria-label=${t('n', { n })}>${n}</span>` : nothing}
          </label></li>`;
        })}
      </ul>
    </fieldset>`;
  }

  override render() {
    const f = this.facets;
    const fromFacet = (counts: Record<string, number> | undefined, chosen: string[]) =>
      [...new Set([...chosen, ...Object.keys(counts ?? {})])].map((v) => [v, v] as [string, string]);
    const years = [...new Set([...(this.filters.year ? [this.filters.year] : []), ...Object.keys(f?.year ?? {})])]
      .sort()
      .reverse();
    return html`
      <div class="head">
        <h2 id="filters-h">${t('heading')}</h2>
        <button type="button" class="secondary clear" ?disabled=${filterCount(this.filters) === 0} @click=${() => this.set({ ...NO_FILTERS })}>${t('clear')}</button>
      </div>
      ${f ? nothing : html`<p class="muted" aria-live="polite">${t('counting')}</p>`}
      <fieldset data-facet="date">
        <legend>${t('date')}</legend>
        <div class="dates">
          <select aria-label=${t('year')} @change=${(e: Event) => this.set({ year: (e.target as HTMLSelectElement).value, month: (e.target as HTMLSelectElement).value ? this.filters.month : '' })}>
            <option value="" ?selected=${!this.filters.year}>${t('allYears')}</option>
            ${years.map((y) => html`<option value=${y} ?selected=${this.filters.year === y}>${t('yearN', { y })}${f?.year[y] !== undefined ? `（${f.year[y]}）` : ''}</option>`)}
          </select>
          <select aria-label=${t('month')} ?disabled=${!this.filters.year} @change=${(e: Event) => this.set({ month: (e.target as HTMLSelectElement).value })}>
            <option value="" ?selected=${!this.filters.month}>${t('wholeYear')}</option>
            ${Array.from({ length: 12 }, (_, i) => String(i + 1)).map((m) => html`<option value=${m} ?selected=${this.filters.month === m}>${t('monthN', { m })}</option>`)}
          </select>
        </div>
      </fieldset>
      ${this.options('kind', t('kind'), Object.entries(kindLabels()), f?.kind)}
      ${this.options('unit', t('unit'), fromFacet(f?.unit, this.filters.unit), f?.unit)}
      ${this.options('fraudType', t('fraudType'), Object.entries(fraudLabels()), f?.fraudType)}
      ${this.options('channel', t('channel'), fromFacet(f?.channel, this.filters.channel), f?.channel)}
      ${this.options('tags', t('tags'), fromFacet(f?.tags, this.filters.tags), f?.tags, 30)}
    `;
  }
}
customElements.define('cs-library-filters', CsLibraryFilters);

declare global {
  interface HTMLElementTagNameMap {
    'cs-library-filters': CsLibraryFilters;
  }
}
