import { LitElement, css, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { ApiInput } from '../../main/core/api.js';
import type { Sample } from '../../main/core/library.js';
import type { Facets, SearchQuery } from '../../main/core/library-search.js';
import { call, errorMessage } from './data/api-client.js';
import { filesFromDrop, isSystemFile } from './data/library-client.js';
import { ResultPages } from './data/library-pages.js';
import { GridSelection } from './data/library-selection.js';
import type { CsLibraryConfirm } from './cs-library-confirm.js';
import { dateRange, filterCount, NO_FILTERS, type LibraryFilters } from './cs-library-filters.js';
import type { CsLibraryGrid } from './cs-library-grid.js';
import type { LibraryTask } from './cs-library-job.js';
import type { CsLibraryStats } from './cs-library-stats.js';
import { LocaleController } from './i18n/i18n.js';
import { controls } from './shared-styles.js';
import type { CsEvent } from './events.js';
import './cs-library-confirm.js';
import './cs-library-detail.js';
import './cs-library-filters.js';
import './cs-library-grid.js';
import './cs-library-job.js';
import './cs-library-search.js';
import './cs-library-stats.js';

import { t } from './i18n/library-text.js';

type View = 'samples' | 'trash' | 'stats';
type Sort = 'relevance' | 'date' | 'title';

/** What the screen was showing, kept while the user visits other tabs (the element is re-created each time). */
const remembered = {
  view: 'samples' as View,
  text: '',
  filters: NO_FILTERS,
  sort: 'relevance' as Sort,
  filtersOpen: false,
};

const ACCEPT =
  '.jpg,.jpeg,.png,.webp,.tif,.tiff,.pdf,.zip,image/jpeg,image/png,image/webp,image/tiff,application/pdf,application/zip';
let taskSeq = 0;

/**
 * The 素材库 screen (issue #6): search as you type with highlighted matches, filters with facet
 * counts (asked for only while the panel is open), a virtualised grid of every sample, a detail
 * panel, multi-select → bundle, import by dialog or drag-and-drop, trash and statistics.
 * Opening or duplicating a sample as a design fires `design-open` {design} (cs-app opens the editor).
 */
export class CsLibrary extends LitElement {
  static override properties = {
    view: { state: true },
    text: { state: true },
    filters: { state: true },
    sort: { state: true },
    filtersOpen: { state: true },
    facets: { state: true },
    version: { state: true },
    detail: { state: true },
    tasks: { state: true },
    notice: { state: true },
    error: { state: true },
    dragging: { state: true },
    trashCount: { state: true },
  };
  view: View = remembered.view;
  text = remembered.text;
  filters: LibraryFilters = remembered.filters;
  sort: Sort = remembered.sort;
  filtersOpen = remembered.filtersOpen;
  facets: Facets | null = null;
  version = 0;
  detail: Sample | null = null;
  tasks: { id: number; task: LibraryTask }[] = [];
  notice: { text: string; undo?: () => Promise<void> } | null = null;
  error = '';
  dragging = false;
  trashCount = 0;
  pages!: ResultPages;
  readonly selection = new GridSelection();
  private ids: Promise<string[]> | undefined;
  private facetSeq = 0;
  private dragDepth = 0;
  private readonly i18n = new LocaleController(this);

  static override styles = [
    controls,
    css`
      :host { display: flex; flex-direction: column; gap: 12px; height: calc(100vh - 120px); min-height: 520px; position: relative; }
      .toolbar { display: flex; gap: 10px; align-items: center; flex-wrap: wrap; }
      .toolbar button, .toolbar select { padding: 7px 12px; min-height: 38px; font-size: 14px; }
      .toolbar select { width: auto; }
      .views { display: inline-flex; border: 1px solid var(--cs-blue); border-radius: 8px; overflow: hidden; }
      .views button { border: none; border-radius: 0; background: #fff; color: var(--cs-blue); }
      .views button[aria-pressed='true'] { background: var(--cs-blue); color: #fff; font-weight: 700; }
      button.toggle[aria-expanded='true'] { background: #eef3fb; }
      .toolbar .spacer { flex: 1; }
      .result-count { color: var(--cs-muted); font-size: 14px; white-space: nowrap; }
      .body { flex: 1; display: flex; gap: 12px; min-height: 0; }
      cs-library-filters { width: 250px; flex: none; background: #fff; border: 1px solid var(--cs-border); border-radius: 10px; padding: 12px 14px; }
      cs-library-grid { flex: 1; background: #f8f9fb; border: 1px solid var(--cs-border); border-radius: 10px; }
      cs-library-detail { width: 420px; flex: none; background: #fff; border: 1px solid var(--cs-border); border-radius: 10px; padding: 14px 16px; }
      cs-library-stats { flex: 1; }
      .selbar { display: flex; gap: 10px; align-items: center; background: var(--cs-blue); color: #fff; border-radius: 8px; padding: 6px 12px; flex-wrap: wrap; }
      .selbar b { font-size: 16px; }
      .selbar .spacer { flex: 1; }
      .selbar button { background: #fff; color: var(--cs-blue); border-color: #fff; padding: 4px 12px; min-height: 30px; font-size: 14px; }
      .selbar button.ghost { background: transparent; color: #fff; }
      .selbar button.danger { background: var(--cs-red); color: #fff; border-color: var(--cs-red); }
      .lib-notice { display: flex; gap: 12px; align-items: center; background: #eaf6ee; border: 1px solid #b9dfc5; border-radius: 8px; padding: 6px 12px; }
      .lib-notice button { padding: 2px 10px; min-height: 28px; font-size: 13px; }
      .jobs { display: flex; flex-direction: column; gap: 8px; }
      .empty { flex: 1; display: flex; align-items: center; justify-content: center; }
      .empty .panel { max-width: 620px; text-align: center; padding: 36px 40px; }
      .empty h2 { font-size: 22px; }
      .empty ol { text-align: left; line-height: 1.9; }
      .empty .buttons { display: flex; gap: 12px; justify-content: center; margin-top: 16px; flex-wrap: wrap; }
      .drop {
        position: absolute; inset: 0; z-index: 10; display: flex; align-items: center; justify-content: center; pointer-events: none;
        background: rgba(11, 61, 145, 0.12); border: 3px dashed var(--cs-blue); border-radius: 12px; font-size: 22px; font-weight: 700; color: var(--cs-blue);
      }
      .noresults { position: relative; flex: 1; display: flex; align-items: center; justify-content: center; flex-direction: column; gap: 12px; color: var(--cs-muted); }
      input[type='file'] { display: none; }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    // The tab was opened: show what is in the library now (newly published samples included).
    this.refresh();
    void this.countTrash();
    this.addEventListener('dragenter', this.onDragEnter);
    this.addEventListener('dragover', this.onDragOver);
    this.addEventListener('dragleave', this.onDragLeave);
    this.addEventListener('drop', this.onDrop);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.pages?.dispose();
    Object.assign(remembered, {
      view: this.view,
      text: this.text,
      filters: this.filters,
      sort: this.sort,
      filtersOpen: this.filtersOpen,
    });
    this.removeEventListener('dragenter', this.onDragEnter);
    this.removeEventListener('dragover', this.onDragOver);
    this.removeEventListener('dragleave', this.onDragLeave);
    this.removeEventListener('drop', this.onDrop);
  }

  /** The search query of the screen's state, without paging. */
  private query(): SearchQuery {
    const f = this.filters;
    return {
      text: this.text.trim(),
      kind: f.kind as SearchQuery['kind'],
      fraudType: f.fraudType as SearchQuery['fraudType'],
      unit: f.unit,
      channel: f.channel,
      tags: f.tags,
      ...dateRange(f),
      trashed: this.view === 'trash',
      sort: this.sort,
    };
  }

  private get grid(): CsLibraryGrid | null {
    return this.renderRoot.querySelector('cs-library-grid');
  }

  /** A new query: new pages from the top; the old query's late answers are ignored. */
  refresh() {
    this.pages?.dispose();
    const q = this.query();
    this.pages = new ResultPages(
      (offset, limit) => call('librarySearch', { ...q, offset, limit }),
      () => this.version++,
    );
    this.ids = undefined;
    this.pages.want(0, 0);
    this.grid?.reset();
    this.version++;
    if (this.filtersOpen) void this.loadFacets();
  }

  /** Facet counts cost extra scans: only while the filter panel is open, latest query wins. */
  private async loadFacets() {
    const seq = ++this.facetSeq;
    try {
      const r = await call('librarySearch', { ...this.query(), limit: 1, facets: true });
      if (seq === this.facetSeq) this.facets = r.facets ?? null;
    } catch (e) {
      if (seq === this.facetSeq) this.error = errorMessage(e);
    }
  }

  private async countTrash() {
    try {
      this.trashCount = (await call('librarySearch', { trashed: true, limit: 1 })).total;
    } catch {
      // The tab label just shows no count.
    }
  }

  /** Every id of the query (select all, ranges over pages not loaded yet), asked once per query. */
  private rangeIds = async (from: number, to: number): Promise<string[]> => {
    const { text, kind, fraudType, unit, channel, tags, from: f, to: t, trashed, sort } = this.query();
    this.ids ??= call('libraryIds', {
      text,
      kind,
      fraudType,
      unit,
      channel,
      tags,
      from: f || undefined,
      to: t || undefined,
      trashed,
      sort,
    }).then((r) => r.ids);
    return (await this.ids).slice(from, to + 1);
  };

  private setView(view: View) {
    if (view === this.view) return;
    this.view = view;
    this.selection.clear();
    this.detail = null;
    this.notice = null;
    if (view !== 'stats') this.refresh();
  }

  private onSearch(e: CsEvent<'search-input'>) {
    if (e.detail.text === this.text) return;
    this.text = e.detail.text;
    this.refresh();
  }

  private onFilters(e: CsEvent<'filter-change'>) {
    this.filters = e.detail.filters;
    this.refresh();
  }

  private toggleFilters() {
    this.filtersOpen = !this.filtersOpen;
    if (this.filtersOpen) void this.loadFacets();
    else {
      this.facetSeq++;
      this.facets = null;
    }
  }

  private onActivate(e: CsEvent<'grid-activate'>) {
    this.detail = e.detail.hit.sample;
  }

  private onUpdated(e: CsEvent<'sample-updated'>) {
    this.detail = e.detail.sample;
    this.pages.replace(e.detail.sample);
  }

  private get selectedIds(): string[] {
    return [...this.selection.ids];
  }

  private async act(fn: () => Promise<void>) {
    this.error = '';
    try {
      await fn();
    } catch (e) {
      this.error = errorMessage(e);
    }
  }

  private afterChange(ids: string[]) {
    this.selection.drop(ids);
    if (this.detail && ids.includes(this.detail.id)) this.detail = null;
    this.refresh();
    void this.countTrash();
  }

  private trash(ids: string[]) {
    return this.act(async () => {
      const { count } = await call('libraryTrash', { ids });
      this.afterChange(ids);
      this.notice = {
        text: t('trashed', { n: count }),
        undo: async () => {
          await call('libraryRestore', { ids });
          this.notice = { text: t('restored', { n: ids.length }) };
          this.refresh();
          void this.countTrash();
        },
      };
    });
  }

  private restore(ids: string[]) {
    return this.act(async () => {
      const { count } = await call('libraryRestore', { ids });
      this.afterChange(ids);
      this.notice = { text: t('restored', { n: count }) };
    });
  }

  private async purge(ids: string[], all = false) {
    const confirm = this.renderRoot.querySelector('cs-library-confirm') as CsLibraryConfirm;
    const what = all
      ? t('purgeAll', { n: ids.length })
      : ids.length === 1
        ? t('purgeOne')
        : t('purgeSome', { n: ids.length });
    if (!(await confirm.ask(t('purgeTitle'), t('purgeText', { what }), t('purgeButton')))) return;
    await this.act(async () => {
      const { count } = await call('libraryPurge', { ids });
      this.afterChange(ids);
      this.notice = { text: t('purged', { n: count }) };
    });
  }

  private async emptyTrash() {
    await this.act(async () => {
      const { ids } = await call('libraryIds', { trashed: true });
      if (ids.length) await this.purge(ids, true);
    });
  }

  private startTask(task: LibraryTask) {
    this.tasks = [...this.tasks, { id: ++taskSeq, task }];
  }

  private exportBundle(ids: string[]) {
    const request: ApiInput<'libraryExportBundle'> = { ids };
    this.startTask({ kind: 'export', request, count: ids.length, label: t('exportTask', { n: ids.length }) });
  }

  private importFiles(files: File[], label: string) {
    const usable = files.filter((f) => !isSystemFile(f.name));
    if (!usable.length) {
      this.error = t('nothingToImport');
      return;
    }
    this.startTask({ kind: 'import', files: usable, label: t('importTask', { label, n: usable.length }) });
  }

  private onPicked(e: Event, label: string) {
    const input = e.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length) this.importFiles(files, label);
  }

  private pick(which: 'files' | 'folder' | 'bundle') {
    (this.renderRoot.querySelector(`input.pick-${which}`) as HTMLInputElement).click();
  }

  private onJobFinished(e: CsEvent<'job-finished'>) {
    if (e.detail.kind !== 'import') return;
    this.refresh();
    void this.countTrash();
    if (this.view === 'stats')
      void (this.renderRoot.querySelector('cs-library-stats') as CsLibraryStats | null)?.load();
  }

  private dismiss(id: number) {
    this.tasks = this.tasks.filter((t) => t.id !== id);
  }

  // Drag-and-drop of files and folders anywhere on the screen.
  private hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');
  private onDragEnter = (e: DragEvent) => {
    if (!this.hasFiles(e)) return;
    e.preventDefault();
    this.dragDepth++;
    this.dragging = true;
  };
  private onDragOver = (e: DragEvent) => {
    if (!this.hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer!.dropEffect = 'copy';
  };
  private onDragLeave = () => {
    this.dragDepth = Math.max(0, this.dragDepth - 1);
    if (!this.dragDepth) this.dragging = false;
  };
  private onDrop = (e: DragEvent) => {
    if (!this.hasFiles(e)) return;
    e.preventDefault();
    this.dragDepth = 0;
    this.dragging = false;
    const dt = e.dataTransfer!;
    void filesFromDrop(dt).then(
      (files) => this.importFiles(files, t('dropped')),
      (err: unknown) => (this.error = t('dropFailed', { why: String(err) })),
    );
  };

  private get filtered(): boolean {
    return this.text.trim() !== '' || filterCount(this.filters) > 0;
  }

  private importButtons(primary = false) {
    return html`
      <button type="button" class=${`${primary ? '' : 'secondary '}import-files`} @click=${() => this.pick('files')}>${t('importFiles')}</button>
      <button type="button" class="secondary import-folder" @click=${() => this.pick('folder')}>${t('importFolder')}</button>
      <button type="button" class="secondary import-bundle" @click=${() => this.pick('bundle')}>${t('importBundle')}</button>
    `;
  }

  private emptyState() {
    return html`<div class="empty"><div class="panel">
      <h2>${t('emptyTitle')}</h2>
      <p>${t('emptyIntro')}</p>
      <ol>
        <li><b>${t('emptyImportHead')}</b>${t('emptyImport')}</li>
        <li><b>${t('emptyPublishHead')}</b>${t('emptyPublish')}</li>
      </ol>
      <div class="buttons">${this.importButtons(true)}</div>
    </div></div>`;
  }

  private selectionBar() {
    const n = this.selection.size;
    if (!n || this.view === 'stats') return nothing;
    const ids = this.selectedIds;
    const clear = () => {
      this.selection.clear();
      this.version++;
    };
    return html`<div class="selbar" role="region" aria-label=${t('selection')}>
      <span class="selected-text">${t('selected', { n: '\u0000' })
        .split('\u0000')
        .map((part, i) => (i ? html`<b class="n-selected">${n}</b>${part}` : part))}</span>
      <span class="spacer"></span>
      ${
        this.view === 'trash'
          ? html`<button type="button" class="restore-selected" @click=${() => this.restore(ids)}>${t('restore')}</button>
            <button type="button" class="danger purge-selected" @click=${() => this.purge(ids)}>${t('purge')}</button>`
          : html`<button type="button" class="export-selected" @click=${() => this.exportBundle(ids)}>${t('export')}</button>
            <button type="button" class="trash-selected" @click=${() => this.trash(ids)}>${t('trash')}</button>`
      }
      <button type="button" class="ghost" @click=${clear}>${t('clearSelection')}</button>
    </div>`;
  }

  private samplesBody() {
    const total = this.pages.total;
    if (total === 0 && !this.filtered && this.view === 'samples') return this.emptyState();
    const grid = html`<cs-library-grid .pages=${this.pages} .selection=${this.selection} .rangeIds=${this.rangeIds} version=${this.version}
      label=${this.view === 'trash' ? t('trashList') : t('samplesList')}
      @grid-activate=${this.onActivate} @selection-change=${() => this.version++}
      @grid-delete=${() => (this.view === 'trash' ? this.purge(this.selectedIds) : this.trash(this.selectedIds))}></cs-library-grid>`;
    return html`<div class="body">
      ${this.filtersOpen ? html`<cs-library-filters id="filters" .filters=${this.filters} .facets=${this.facets} @filter-change=${this.onFilters}></cs-library-filters>` : nothing}
      ${
        total === 0
          ? html`<div class="noresults" role="status">
            <p>${this.view === 'trash' && !this.filtered ? t('trashEmpty') : t('noResults')}</p>
            ${
              this.filtered
                ? html`<button type="button" class="secondary" @click=${() => {
                    this.text = '';
                    this.filters = NO_FILTERS;
                    this.refresh();
                  }}>${t('clearAll')}</button>`
                : nothing
            }
          </div>`
          : grid
      }
      ${
        this.detail
          ? html`<cs-library-detail .sample=${this.detail} @sample-updated=${this.onUpdated} @detail-close=${() => (this.detail = null)}
            @export-bundle=${(e: CsEvent<'export-bundle'>) => this.exportBundle(e.detail.ids)}
            @trash=${(e: CsEvent<'trash'>) => this.trash(e.detail.ids)}
            @restore=${(e: CsEvent<'restore'>) => this.restore(e.detail.ids)}
            @purge=${(e: CsEvent<'purge'>) => this.purge(e.detail.ids)}></cs-library-detail>`
          : nothing
      }
    </div>`;
  }

  override render() {
    const total = this.pages.total;
    const nf = filterCount(this.filters);
    return html`
      <div class="toolbar">
        <div class="views" role="group" aria-label=${t('views')}>
          <button type="button" data-view="samples" aria-pressed=${this.view === 'samples'} @click=${() => this.setView('samples')}>${t('all')}</button>
          <button type="button" data-view="trash" aria-pressed=${this.view === 'trash'} @click=${() => this.setView('trash')}>${t('trashView')}${this.trashCount ? `（${this.trashCount}）` : ''}</button>
          <button type="button" data-view="stats" aria-pressed=${this.view === 'stats'} @click=${() => this.setView('stats')}>${t('stats')}</button>
        </div>
        ${
          this.view === 'stats'
            ? html`<span class="spacer"></span>`
            : html`
              <cs-library-search .value=${this.text} @search-input=${this.onSearch}></cs-library-search>
              <button type="button" class="secondary toggle filters-toggle" aria-expanded=${this.filtersOpen} aria-controls="filters" @click=${this.toggleFilters}>${t('filters')}${nf ? `（${nf}）` : ''}</button>
              <select aria-label=${t('sort')} .value=${this.sort} @change=${(e: Event) => {
                this.sort = (e.target as HTMLSelectElement).value as Sort;
                this.refresh();
              }}>
                <option value="relevance" ?selected=${this.sort === 'relevance'}>${t('byRelevance')}</option>
                <option value="date" ?selected=${this.sort === 'date'}>${t('byDate')}</option>
                <option value="title" ?selected=${this.sort === 'title'}>${t('byTitle')}</option>
              </select>
              <span class="result-count" role="status" aria-live="polite">${total < 0 ? t('loading') : this.filtered ? t('found', { n: total }) : t('total', { n: total })}</span>`
        }
        ${
          this.view === 'trash'
            ? html`<button type="button" class="secondary empty-trash" ?disabled=${!this.trashCount} @click=${this.emptyTrash}>${t('emptyTrash')}</button>`
            : this.importButtons()
        }
      </div>
      <input type="file" class="pick-files" multiple accept=${ACCEPT} @change=${(e: Event) => this.onPicked(e, t('importFiles'))}>
      <input type="file" class="pick-folder" webkitdirectory multiple @change=${(e: Event) => this.onPicked(e, t('importFolder'))}>
      <input type="file" class="pick-bundle" accept=".zip,application/zip" multiple @change=${(e: Event) => this.onPicked(e, t('importBundle'))}>
      ${
        this.notice
          ? html`<div class="lib-notice" role="status"><span>${this.notice.text}</span>
            ${this.notice.undo ? html`<button type="button" class="secondary undo" @click=${() => this.act(this.notice!.undo!)}>${t('undo')}</button>` : nothing}
            <button type="button" class="secondary" aria-label=${t('closeNotice')} @click=${() => (this.notice = null)}>✕</button></div>`
          : nothing
      }
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.selectionBar()}
      ${this.view === 'stats' ? html`<cs-library-stats></cs-library-stats>` : this.samplesBody()}
      ${
        this.tasks.length
          ? html`<div class="jobs">${repeat(
              this.tasks,
              (t) => t.id,
              (t) =>
                html`<cs-library-job .task=${t.task} @job-finished=${this.onJobFinished} @job-dismiss=${() => this.dismiss(t.id)}></cs-library-job>`,
            )}</div>`
          : nothing
      }
      ${this.dragging ? html`<div class="drop" aria-hidden="true">${t('drop')}</div>` : nothing}
      <cs-library-confirm></cs-library-confirm>
    `;
  }
}
customElements.define('cs-library', CsLibrary);

declare global {
  interface HTMLElementTagNameMap {
    'cs-library': CsLibrary;
  }
}
