import { html, type TemplateResult } from 'lit';
import { filterCount } from './data/library-filters.js';
import type { LibraryController, LibrarySort } from './data/library-controller.js';
import type { CsEvent } from './events.js';
import { t } from './i18n/library-text.js';
import './cs-library-search.js';

const ACCEPT =
  '.jpg,.jpeg,.png,.webp,.tif,.tiff,.pdf,.zip,image/jpeg,image/png,image/webp,image/tiff,application/pdf,application/zip';

/** The screen as its toolbar needs it: the state and actions, and where the file pickers are. */
export interface LibraryToolbarHost {
  readonly lib: LibraryController;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * The 素材库 screen's toolbar: the views (samples, trash with its count, statistics), search as
 * you type, the filter panel's toggle with the number of filters set, the sort and the result
 * count, then emptying the trash or the import buttons; and the hidden file pickers those open.
 */
export function libraryToolbar(h: LibraryToolbarHost): TemplateResult {
  const c = h.lib;
  const total = c.pages.total;
  const nf = filterCount(c.filters);
  const viewButton = (view: typeof c.view, label: string) =>
    html`<button type="button" data-view=${view} aria-pressed=${c.view === view} @click=${() => c.setView(view)}>${label}</button>`;
  return html`
      <div class="toolbar">
        <div class="views" role="group" aria-label=${t('views')}>
          ${viewButton('samples', t('all'))}
          ${viewButton('trash', `${t('trashView')}${c.trashCount ? `（${c.trashCount}）` : ''}`)}
          ${viewButton('stats', t('stats'))}
        </div>
        ${
          c.view === 'stats'
            ? html`<span class="spacer"></span>`
            : html`
              <cs-library-search .value=${c.text} @search-input=${(e: CsEvent<'search-input'>) => c.search(e.detail.text)}></cs-library-search>
              <button type="button" class="secondary toggle filters-toggle" aria-expanded=${c.filtersOpen} aria-controls="filters" @click=${() => c.toggleFilters()}>${t('filters')}${nf ? `（${nf}）` : ''}</button>
              <select aria-label=${t('sort')} .value=${c.sort} @change=${(e: Event) => c.setSort((e.target as HTMLSelectElement).value as LibrarySort)}>
                <option value="relevance" ?selected=${c.sort === 'relevance'}>${t('byRelevance')}</option>
                <option value="date" ?selected=${c.sort === 'date'}>${t('byDate')}</option>
                <option value="title" ?selected=${c.sort === 'title'}>${t('byTitle')}</option>
              </select>
              <span class="result-count" role="status" aria-live="polite">${total < 0 ? t('loading') : c.filtered ? t('found', { n: total }) : t('total', { n: total })}</span>`
        }
        ${
          c.view === 'trash'
            ? html`<button type="button" class="secondary empty-trash" ?disabled=${!c.trashCount} @click=${() => c.emptyTrash()}>${t('emptyTrash')}</button>`
            : importButtons(h)
        }
      </div>
      <input type="file" class="pick-files" multiple accept=${ACCEPT} @change=${(e: Event) => picked(c, e, t('importFiles'))}>
      <input type="file" class="pick-folder" webkitdirectory multiple @change=${(e: Event) => picked(c, e, t('importFolder'))}>
      <input type="file" class="pick-bundle" accept=".zip,application/zip" multiple @change=${(e: Event) => picked(c, e, t('importBundle'))}>`;
}

/** Import files, a folder or a bundle (in the toolbar; the first one leads on the empty screen). */
export function importButtons(h: LibraryToolbarHost, primary = false): TemplateResult {
  const pick = (which: 'files' | 'folder' | 'bundle') =>
    h.renderRoot.querySelector<HTMLInputElement>(`input.pick-${which}`)!.click();
  return html`
      <button type="button" class=${`${primary ? '' : 'secondary '}import-files`} @click=${() => pick('files')}>${t('importFiles')}</button>
      <button type="button" class="secondary import-folder" @click=${() => pick('folder')}>${t('importFolder')}</button>
      <button type="button" class="secondary import-bundle" @click=${() => pick('bundle')}>${t('importBundle')}</button>
    `;
}

function picked(c: LibraryController, e: Event, label: string) {
  const input = e.target as HTMLInputElement;
  const files = [...(input.files ?? [])];
  input.value = '';
  if (files.length) c.importFiles(files, label);
}
