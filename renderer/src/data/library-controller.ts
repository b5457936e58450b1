import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ApiInput } from '../../../main/core/api.js';
import type { Sample } from '../../../main/core/library.js';
import type { Facets, SearchQuery } from '../../../main/core/library-search.js';
import { dateRange, filterCount, NO_FILTERS, type LibraryFilters } from './library-filters.js';
import { t } from '../i18n/library-text.js';
import { call, errorMessage } from './api-client.js';
import { isSystemFile } from './library-client.js';
import { ResultPages } from './library-pages.js';
import { GridSelection } from './library-selection.js';

export type LibraryView = 'samples' | 'trash' | 'stats';
export type LibrarySort = 'relevance' | 'date' | 'title';

/** What the screen was showing, kept while the user visits other tabs (the element is re-created each time). */
const remembered = {
  view: 'samples' as LibraryView,
  text: '',
  filters: NO_FILTERS,
  sort: 'relevance' as LibrarySort,
  filtersOpen: false,
};

let taskSeq = 0;

/** What the user started: files (a pick, a folder, a drop; bundles among them) to import, or a bundle to make. */
export type LibraryTask =
  | { kind: 'import'; files: File[]; label: string }
  | { kind: 'export'; request: ApiInput<'libraryExportBundle'>; count: number; label: string };

/** The screen as its state needs it: redrawn on change, and the parts the actions talk to. */
export interface LibraryHost extends ReactiveControllerHost {
  /** The grid while it is shown: back to the top for a new query. */
  readonly grid: { reset(): void } | null;
  /** Asks before what cannot be undone; true when confirmed. */
  readonly confirm: { ask(heading: string, text: string, label: string): Promise<boolean> };
  /** The statistics while they are shown: counted again after an import. */
  readonly stats: { load(): Promise<void> } | null;
}

/**
 * The 素材库 screen's state and its requests to the main side: the view (samples, trash,
 * statistics), the search text, filters and sort and the query they make; the result pages (a new
 * query starts from the top, the old one's late answers are ignored), facet counts while the
 * filter panel is open (latest query wins), every id of the query for select-all and ranges; the
 * selection, the sample shown in detail, the trash count; trash with undo, restore, purge (asked
 * first), emptying the trash; the running imports and bundle exports; the notice and the error.
 * Refreshes each time the screen is shown and remembers what it showed while it is away.
 */
export class LibraryController implements ReactiveController {
  view: LibraryView = remembered.view;
  text = remembered.text;
  filters: LibraryFilters = remembered.filters;
  sort: LibrarySort = remembered.sort;
  filtersOpen = remembered.filtersOpen;
  facets: Facets | null = null;
  /** Goes up whenever the pages or the selection change: the grid redraws its cards. */
  version = 0;
  detail: Sample | null = null;
  tasks: { id: number; task: LibraryTask }[] = [];
  notice: { text: string; undo?: () => Promise<void> } | null = null;
  error = '';
  trashCount = 0;
  pages!: ResultPages;
  readonly selection = new GridSelection();
  private ids: Promise<string[]> | undefined;
  private facetSeq = 0;

  constructor(private readonly host: LibraryHost) {
    host.addController(this);
  }

  hostConnected(): void {
    // The tab was opened: show what is in the library now (newly published samples included).
    this.refresh();
    void this.countTrash();
  }

  hostDisconnected(): void {
    this.pages?.dispose();
    Object.assign(remembered, {
      view: this.view,
      text: this.text,
      filters: this.filters,
      sort: this.sort,
      filtersOpen: this.filtersOpen,
    });
  }

  /** Search text or filters narrow the results. */
  get filtered(): boolean {
    return this.text.trim() !== '' || filterCount(this.filters) > 0;
  }

  get selectedIds(): string[] {
    return [...this.selection.ids];
  }

  /** A new query: new pages from the top; the old query's late answers are ignored. */
  refresh(): void {
    this.pages?.dispose();
    const q = this.query();
    this.pages = new ResultPages(
      (offset, limit) => call('librarySearch', { ...q, offset, limit }),
      () => this.redraw(),
    );
    this.ids = undefined;
    this.pages.want(0, 0);
    this.host.grid?.reset();
    this.redraw();
    if (this.filtersOpen) void this.loadFacets();
  }

  /** The grid's cards (pages, selection) changed. */
  readonly redraw = (): void => {
    this.version++;
    this.host.requestUpdate();
  };

  setView(view: LibraryView): void {
    if (view === this.view) return;
    this.view = view;
    this.selection.clear();
    this.detail = null;
    this.notice = null;
    this.host.requestUpdate();
    if (view !== 'stats') this.refresh();
  }

  search(text: string): void {
    if (text === this.text) return;
    this.text = text;
    this.refresh();
  }

  setFilters(filters: LibraryFilters): void {
    this.filters = filters;
    this.refresh();
  }

  setSort(sort: LibrarySort): void {
    this.sort = sort;
    this.refresh();
  }

  /** No search text, no filters. */
  clearAll(): void {
    this.text = '';
    this.filters = NO_FILTERS;
    this.refresh();
  }

  toggleFilters(): void {
    this.filtersOpen = !this.filtersOpen;
    if (this.filtersOpen) void this.loadFacets();
    else {
      this.facetSeq++;
      this.facets = null;
    }
    this.host.requestUpdate();
  }

  /** The sample shown in the detail panel (null: none). */
  show(sample: Sample | null): void {
    this.detail = sample;
    this.host.requestUpdate();
  }

  /** A sample's metadata was saved: the panel and its card show the new one. */
  updated(sample: Sample): void {
    this.show(sample);
    this.pages.replace(sample);
  }

  clearSelection(): void {
    this.selection.clear();
    this.redraw();
  }

  dismissNotice(): void {
    this.notice = null;
    this.host.requestUpdate();
  }

  /** Every id of the query (select all, ranges over pages not loaded yet), asked once per query. */
  readonly rangeIds = async (from: number, to: number): Promise<string[]> => {
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

  /** Runs an action; its failure becomes the screen's error. */
  async act(fn: () => Promise<void>): Promise<void> {
    this.setError('');
    try {
      await fn();
    } catch (e) {
      this.setError(errorMessage(e));
    }
  }

  trash(ids: string[]): Promise<void> {
    return this.act(async () => {
      const { count } = await call('libraryTrash', { ids });
      this.afterChange(ids);
      this.setNotice({
        text: t('trashed', { n: count }),
        undo: async () => {
          await call('libraryRestore', { ids });
          this.setNotice({ text: t('restored', { n: ids.length }) });
          this.refresh();
          void this.countTrash();
        },
      });
    });
  }

  restore(ids: string[]): Promise<void> {
    return this.act(async () => {
      const { count } = await call('libraryRestore', { ids });
      this.afterChange(ids);
      this.setNotice({ text: t('restored', { n: count }) });
    });
  }

  /** Deletes for good, after the user confirms. */
  async purge(ids: string[], all = false): Promise<void> {
    const what = all
      ? t('purgeAll', { n: ids.length })
      : ids.length === 1
        ? t('purgeOne')
        : t('purgeSome', { n: ids.length });
    if (!(await this.host.confirm.ask(t('purgeTitle'), t('purgeText', { what }), t('purgeButton')))) return;
    await this.act(async () => {
      const { count } = await call('libraryPurge', { ids });
      this.afterChange(ids);
      this.setNotice({ text: t('purged', { n: count }) });
    });
  }

  async emptyTrash(): Promise<void> {
    await this.act(async () => {
      const { ids } = await call('libraryIds', { trashed: true });
      if (ids.length) await this.purge(ids, true);
    });
  }

  /** The grid's Delete key: to the trash, or out of it for good. */
  deleteSelected(): Promise<void> {
    return this.view === 'trash' ? this.purge(this.selectedIds) : this.trash(this.selectedIds);
  }

  exportBundle(ids: string[]): void {
    const request: ApiInput<'libraryExportBundle'> = { ids };
    this.startTask({ kind: 'export', request, count: ids.length, label: t('exportTask', { n: ids.length }) });
  }

  /** Picked or dropped files, without the system's own (Thumbs.db, hidden files). */
  importFiles(files: File[], label: string): void {
    const usable = files.filter((f) => !isSystemFile(f.name));
    if (!usable.length) {
      this.setError(t('nothingToImport'));
      return;
    }
    this.startTask({ kind: 'import', files: usable, label: t('importTask', { label, n: usable.length }) });
  }

  /** An import finished: its samples show (and in the statistics, when they are open). */
  jobFinished(kind: string): void {
    if (kind !== 'import') return;
    this.refresh();
    void this.countTrash();
    if (this.view === 'stats') void this.host.stats?.load();
  }

  dismissTask(id: number): void {
    this.tasks = this.tasks.filter((t) => t.id !== id);
    this.host.requestUpdate();
  }

  setError(message: string): void {
    this.error = message;
    this.host.requestUpdate();
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

  /** Facet counts cost extra scans: only while the filter panel is open, latest query wins. */
  private async loadFacets() {
    const seq = ++this.facetSeq;
    try {
      const r = await call('librarySearch', { ...this.query(), limit: 1, facets: true });
      if (seq === this.facetSeq) {
        this.facets = r.facets ?? null;
        this.host.requestUpdate();
      }
    } catch (e) {
      if (seq === this.facetSeq) this.setError(errorMessage(e));
    }
  }

  private async countTrash() {
    try {
      this.trashCount = (await call('librarySearch', { trashed: true, limit: 1 })).total;
      this.host.requestUpdate();
    } catch {
      // The tab label just shows no count.
    }
  }

  private afterChange(ids: string[]) {
    this.selection.drop(ids);
    if (this.detail && ids.includes(this.detail.id)) this.detail = null;
    this.refresh();
    void this.countTrash();
  }

  private setNotice(notice: LibraryController['notice']) {
    this.notice = notice;
    this.host.requestUpdate();
  }

  private startTask(task: LibraryTask) {
    this.tasks = [...this.tasks, { id: ++taskSeq, task }];
    this.host.requestUpdate();
  }
}
