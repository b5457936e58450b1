import { html, nothing, type TemplateResult } from 'lit';
import type { LibraryController } from './data/library-controller.js';
import { t } from './i18n/library-text.js';

/**
 * The bar over the grid while samples are selected: how many, then export as a bundle and move to
 * the trash (in the trash: restore and delete for good), and clearing the selection.
 */
export function selectionBar(c: LibraryController): TemplateResult | typeof nothing {
  const n = c.selection.size;
  if (!n || c.view === 'stats') return nothing;
  const ids = c.selectedIds;
  return html`<div class="selbar" role="region" aria-label=${t('selection')}>
      <span class="selected-text">${t('selected', { n: '\u0000' })
        .split('\u0000')
        .map((part, i) => (i ? html`<b class="n-selected">${n}</b>${part}` : part))}</span>
      <span class="spacer"></span>
      ${
        c.view === 'trash'
          ? html`<button type="button" class="restore-selected" @click=${() => c.restore(ids)}>${t('restore')}</button>
            <button type="button" class="danger purge-selected" @click=${() => c.purge(ids)}>${t('purge')}</button>`
          : html`<button type="button" class="export-selected" @click=${() => c.exportBundle(ids)}>${t('export')}</button>
            <button type="button" class="trash-selected" @click=${() => c.trash(ids)}>${t('trash')}</button>`
      }
      <button type="button" class="ghost" @click=${() => c.clearSelection()}>${t('clearSelection')}</button>
    </div>`;
}

/** What was just done to samples (with 撤销 when it can be undone), and the screen's error. */
export function libraryMessages(c: LibraryController): TemplateResult {
  const n = c.notice;
  return html`${
    n
      ? html`<div class="lib-notice" role="status"><span>${n.text}</span>
            ${n.undo ? html`<button type="button" class="secondary undo" @click=${() => c.act(n.undo!)}>${t('undo')}</button>` : nothing}
            <button type="button" class="secondary" aria-label=${t('closeNotice')} @click=${() => c.dismissNotice()}>✕</button></div>`
      : nothing
  }
      ${c.error ? html`<p class="error" role="alert">${c.error}</p>` : nothing}`;
}
