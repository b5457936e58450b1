import { LitElement, css, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { FileDropController } from './data/file-drop.js';
import { LibraryController } from './data/library-controller.js';
import { LocaleController } from './i18n/i18n.js';
import { controls } from './shared-styles.js';
import type { CsEvent } from './events.js';
import { libraryMessages, selectionBar } from './library-bulk-actions.js';
import { importButtons, libraryToolbar } from './library-toolbar.js';
import './cs-library-confirm.js';
import './cs-library-detail.js';
import './cs-library-filters.js';
import './cs-library-grid.js';
import './cs-library-job.js';
import './cs-library-stats.js';

import { t } from './i18n/library-text.js';

/**
 * The 素材库 screen (issue #6): search as you type with highlighted matches, filters with facet
 * counts (asked for only while the panel is open), a virtualised grid of every sample, a detail
 * panel, multi-select → bundle, import by dialog or drag-and-drop, trash and statistics.
 * Opening or duplicating a sample as a design fires `design-open` {design} (cs-app opens the editor).
 * Its state and requests are in `data/library-controller.ts`; the toolbar and the selection bar
 * are drawn by `library-toolbar.ts` and `library-bulk-actions.ts`.
 */
export class CsLibrary extends LitElement {
  readonly lib = new LibraryController(this);
  private readonly drop = new FileDropController(this, {
    dropped: (files) => this.lib.importFiles(files, t('dropped')),
    failed: (why) => this.lib.setError(t('dropFailed', { why })),
  });
  private readonly i18n = new LocaleController(this);

  // The parts the controller's actions talk to (LibraryHost).
  get grid() {
    return this.renderRoot.querySelector('cs-library-grid');
  }
  get confirm() {
    return this.renderRoot.querySelector('cs-library-confirm')!;
  }
  get stats() {
    return this.renderRoot.querySelector('cs-library-stats');
  }

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

  private emptyState() {
    return html`<div class="empty"><div class="panel">
      <h2>${t('emptyTitle')}</h2>
      <p>${t('emptyIntro')}</p>
      <ol>
        <li><b>${t('emptyImportHead')}</b>${t('emptyImport')}</li>
        <li><b>${t('emptyPublishHead')}</b>${t('emptyPublish')}</li>
      </ol>
      <div class="buttons">${importButtons(this, true)}</div>
    </div></div>`;
  }

  private samplesBody() {
    const c = this.lib;
    const total = c.pages.total;
    if (total === 0 && !c.filtered && c.view === 'samples') return this.emptyState();
    const grid = html`<cs-library-grid .pages=${c.pages} .selection=${c.selection} .rangeIds=${c.rangeIds} version=${c.version}
      label=${c.view === 'trash' ? t('trashList') : t('samplesList')}
      @grid-activate=${(e: CsEvent<'grid-activate'>) => c.show(e.detail.hit.sample)} @selection-change=${c.redraw}
      @grid-delete=${() => c.deleteSelected()}></cs-library-grid>`;
    return html`<div class="body">
      ${c.filtersOpen ? html`<cs-library-filters id="filters" .filters=${c.filters} .facets=${c.facets} @filter-change=${(e: CsEvent<'filter-change'>) => c.setFilters(e.detail.filters)}></cs-library-filters>` : nothing}
      ${
        total === 0
          ? html`<div class="noresults" role="status">
            <p>${c.view === 'trash' && !c.filtered ? t('trashEmpty') : t('noResults')}</p>
            ${c.filtered ? html`<button type="button" class="secondary" @click=${() => c.clearAll()}>${t('clearAll')}</button>` : nothing}
          </div>`
          : grid
      }
      ${
        c.detail
          ? html`<cs-library-detail .sample=${c.detail} @sample-updated=${(e: CsEvent<'sample-updated'>) => c.updated(e.detail.sample)} @detail-close=${() => c.show(null)}
            @export-bundle=${(e: CsEvent<'export-bundle'>) => c.exportBundle(e.detail.ids)}
            @trash=${(e: CsEvent<'trash'>) => c.trash(e.detail.ids)}
            @restore=${(e: CsEvent<'restore'>) => c.restore(e.detail.ids)}
            @purge=${(e: CsEvent<'purge'>) => c.purge(e.detail.ids)}></cs-library-detail>`
          : nothing
      }
    </div>`;
  }

  override render() {
    const c = this.lib;
    return html`
      ${libraryToolbar(this)}
      ${libraryMessages(c)}
      ${selectionBar(c)}
      ${c.view === 'stats' ? html`<cs-library-stats></cs-library-stats>` : this.samplesBody()}
      ${
        c.tasks.length
          ? html`<div class="jobs">${repeat(
              c.tasks,
              (t) => t.id,
              (t) =>
                html`<cs-library-job .task=${t.task} @job-finished=${(e: CsEvent<'job-finished'>) => c.jobFinished(e.detail.kind)} @job-dismiss=${() => c.dismissTask(t.id)}></cs-library-job>`,
            )}</div>`
          : nothing
      }
      ${this.drop.dragging ? html`<div class="drop" aria-hidden="true">${t('drop')}</div>` : nothing}
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
