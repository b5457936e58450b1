import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import type { Sample, SampleMetaPatch } from '../../main/core/library.js';
import { sampleThumbnailPath } from '../../main/core/resource-paths.js';
import { ApiCallError, call, errorMessage, resourceUrl, saveDownload } from './data/api-client.js';
import { showInFolder } from './data/library-client.js';
import { draftOf, fieldErrors, patchOf, type Draft } from './data/sample-draft.js';
import { LocaleController } from './i18n/i18n.js';
import { t } from './i18n/library-detail-text.js';
import { sampleActions, sampleFiles, type DetailActionsHost } from './library-detail-actions.js';
import { metadataForm, type DetailFormHost } from './library-detail-form.js';
import { controls } from './shared-styles.js';
import { fire } from './events.js';

/**
 * One sample: its thumbnail, metadata form (checked with the library's own schema before it is
 * sent; errors in Chinese beside each field), its files to save, and what to do with it.
 *
 * Events (to the screen): `sample-updated` {sample}, `design-open` {design}, `export-bundle` {ids},
 * `trash` {ids}, `restore` {ids}, `purge` {ids}, `detail-close`. The form is drawn by
 * `library-detail-form.ts`, the actions and the file list by `library-detail-actions.ts`.
 */
export class CsLibraryDetail extends LitElement implements DetailFormHost, DetailActionsHost {
  static override properties = {
    sample: { attribute: false },
    draft: { state: true },
    errors: { state: true },
    busy: { state: true },
    message: { state: true },
    error: { state: true },
    saved: { state: true },
    saveError: { state: true },
    location: { state: true },
  };
  sample!: Sample;
  draft!: Draft;
  errors: Record<string, string> = {};
  busy = '';
  message = '';
  error = '';
  /** Shown beside the save button (the form is long; the top of the panel may be out of view). */
  saved = '';
  saveError = '';
  location = '';
  private readonly i18n = new LocaleController(this);

  static override styles = [
    controls,
    css`
      :host { display: block; overflow-y: auto; min-height: 0; }
      .head { display: flex; align-items: flex-start; gap: 8px; }
      .head h2 { flex: 1; margin: 0 0 10px; word-break: break-all; }
      button.close { background: transparent; color: var(--cs-muted); border-color: transparent; padding: 2px 10px; min-height: 30px; font-size: 18px; }
      .thumb { background: #e9edf3; border-radius: 8px; display: flex; justify-content: center; padding: 10px; margin-bottom: 12px; }
      .thumb img { max-width: 100%; max-height: 220px; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25); background: #fff; }
      .actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 10px 0 14px; }
      .actions button { padding: 6px 12px; min-height: 32px; font-size: 14px; }
      button.danger { background: var(--cs-red); border-color: var(--cs-red); }
      fieldset.grid { border: none; padding: 0; margin: 0; min-width: 0; display: grid; grid-template-columns: 1fr 1fr; gap: 10px 12px; }
      .field { min-width: 0; }
      .field.wide { grid-column: 1 / -1; }
      .field label { font-size: 13px; margin-bottom: 3px; }
      .field input, .field select, .field textarea { padding: 6px 8px; font-size: 14px; }
      .field .err { color: var(--cs-red); font-size: 13px; margin-top: 2px; }
      .field [aria-invalid='true'] { border-color: var(--cs-red); }
      fieldset { border: 1px solid var(--cs-border); border-radius: 6px; padding: 6px 10px; margin: 0; }
      legend { font-size: 13px; font-weight: 600; }
      .types { display: grid; grid-template-columns: 1fr 1fr; gap: 2px 10px; }
      .types label { font-weight: normal; font-size: 13px; display: flex; gap: 6px; align-items: center; margin: 0; }
      .save { grid-column: 1 / -1; display: flex; gap: 10px; align-items: center; }
      h3 { font-size: 15px; margin: 18px 0 6px; }
      ul.files { list-style: none; padding: 0; margin: 0; }
      ul.files li { display: flex; align-items: center; gap: 8px; padding: 6px 0; border-bottom: 1px solid var(--cs-border); font-size: 14px; }
      ul.files .name { flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
      ul.files button { padding: 3px 10px; min-height: 28px; font-size: 13px; }
      .path { font-family: ui-monospace, monospace; font-size: 12px; word-break: break-all; background: #f3f5f9; padding: 6px 8px; border-radius: 6px; user-select: all; }
      .ok { color: var(--cs-ok); }
      .trashed { background: #fff4e5; color: var(--cs-warn); border-radius: 6px; padding: 6px 10px; font-size: 14px; }
    `,
  ];

  override willUpdate(changed: PropertyValues) {
    if (changed.has('sample')) {
      const prev = changed.get('sample') as Sample | undefined;
      // A different sample, or the same one saved: start from what is stored.
      if (!prev || prev.id !== this.sample.id || prev.updatedAt !== this.sample.updatedAt) {
        this.draft = draftOf(this.sample);
        this.errors = {};
        if (!prev || prev.id !== this.sample.id) {
          this.message = '';
          this.saved = '';
          this.saveError = '';
          this.error = '';
          this.location = '';
        }
      }
    }
  }

  private async run(label: string, fn: () => Promise<void>) {
    this.busy = label;
    this.error = '';
    this.message = '';
    try {
      await fn();
    } catch (e) {
      this.error = errorMessage(e);
    } finally {
      this.busy = '';
    }
  }

  set<K extends keyof Draft>(k: K, v: Draft[K]) {
    this.draft = { ...this.draft, [k]: v };
    this.saved = '';
    if (this.errors[k]) this.errors = { ...this.errors, [k]: '' };
  }

  get dirty(): boolean {
    return Object.keys(patchOf(this.sample, this.draft)).length > 0;
  }

  async save(e: Event) {
    e.preventDefault();
    const patch = patchOf(this.sample, this.draft);
    this.busy = 'save';
    this.saveError = '';
    try {
      // The draft's fields, as typed: the main side checks them (and says which one is wrong).
      const sample = await call('libraryUpdate', { id: this.sample.id, meta: patch as SampleMetaPatch });
      fire(this, 'sample-updated', { sample });
      this.saved = t('saved');
    } catch (err) {
      // The main side checks the fields and names each bad one by its path (标题（meta.title）：…).
      const errs = err instanceof ApiCallError && err.code === 'invalid-input' ? fieldErrors(err.details) : {};
      const first = Object.keys(errs)[0];
      if (first) {
        this.errors = errs;
        this.renderRoot.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      } else this.saveError = errorMessage(err);
    } finally {
      this.busy = '';
    }
  }

  async download(sha256: string) {
    await this.run('file', async () => {
      const f = await call('libraryFile', { id: this.sample.id, sha256 });
      await saveDownload(f.downloadId);
    });
  }

  async openDesign(copy: boolean) {
    await this.run(copy ? 'duplicate' : 'open', async () => {
      const design = await call(copy ? 'libraryDuplicate' : 'libraryOpenDesign', { id: this.sample.id });
      fire(this, 'design-open', { design });
    });
  }

  async folder() {
    await this.run('folder', async () => {
      const r = await showInFolder(this.sample.id);
      this.location = r.opened ? '' : r.path;
      if (r.opened) this.message = t('shown');
    });
  }

  revert() {
    this.draft = draftOf(this.sample);
    this.errors = {};
  }

  override render() {
    const s = this.sample;
    return html`
      <div class="head">
        <h2 id="detail-h">${s.title}</h2>
        <button type="button" class="close" aria-label=${t('close')} @click=${() => fire(this, 'detail-close')}>✕</button>
      </div>
      ${s.trashedAt ? html`<p class="trashed">${t('inTrash', { date: s.trashedAt.slice(0, 10) })}</p>` : nothing}
      <div class="thumb"><img src=${resourceUrl(sampleThumbnailPath(s.id))} alt=${t('thumbAlt', { title: s.title })}></div>
      ${sampleActions(this)}
      ${metadataForm(this)}
      ${sampleFiles(this)}
    `;
  }
}
customElements.define('cs-library-detail', CsLibraryDetail);

declare global {
  interface HTMLElementTagNameMap {
    'cs-library-detail': CsLibraryDetail;
  }
}
