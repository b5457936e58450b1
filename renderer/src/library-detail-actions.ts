import { html, nothing, type TemplateResult } from 'lit';
import type { Sample } from '../../main/core/library.js';
import { sizeText } from './data/library-client.js';
import { fire } from './events.js';
import { t } from './i18n/library-detail-text.js';

const ROLES = ['design', 'pdf', 'png', 'original', 'thumbnail'] as const;
const roleLabel = (r: string) => ((ROLES as readonly string[]).includes(r) ? t(r as (typeof ROLES)[number]) : r);

/** The detail panel as its actions and file list need it (the screen's actions go up as events). */
export interface DetailActionsHost extends HTMLElement {
  readonly sample: Sample;
  /** The action running, '' when none: every button waits. */
  readonly busy: string;
  /** Browser mode: where the sample's file is, since no file manager opens. */
  readonly location: string;
  readonly error: string;
  readonly message: string;
  openDesign(copy: boolean): void;
  folder(): void;
  download(sha256: string): void;
}

/**
 * What to do with one sample: open it in the editor or duplicate it as a new design (only with a
 * stored design), show it in its folder, export it as a bundle, move it to the trash — or, in the
 * trash, restore it or delete it for good; then the outcome (the path in browser mode).
 */
export function sampleActions(h: DetailActionsHost): TemplateResult {
  const s = h.sample;
  const ids = { ids: [s.id] };
  const hasDesign = s.files.some((f) => f.role === 'design');
  const busy = h.busy !== '';
  return html`<div class="actions">
        ${
          s.trashedAt
            ? html`<button type="button" class="restore" ?disabled=${busy} @click=${() => fire(h, 'restore', ids)}>${t('restore')}</button>
              <button type="button" class="danger purge" ?disabled=${busy} @click=${() => fire(h, 'purge', ids)}>${t('purge')}</button>`
            : html`
              <button type="button" class="open-design" ?disabled=${busy || !hasDesign} title=${hasDesign ? '' : t('noDesign')} @click=${() => h.openDesign(false)}>${t('open')}</button>
              <button type="button" class="secondary duplicate" ?disabled=${busy || !hasDesign} @click=${() => h.openDesign(true)}>${t('duplicate')}</button>
              <button type="button" class="secondary folder" ?disabled=${busy} @click=${() => h.folder()}>${t('folder')}</button>
              <button type="button" class="secondary export" ?disabled=${busy} @click=${() => fire(h, 'export-bundle', ids)}>${t('export')}</button>
              <button type="button" class="secondary trash" ?disabled=${busy} @click=${() => fire(h, 'trash', ids)}>${t('trash')}</button>`
        }
      </div>
      ${h.location ? html`<p class="muted">${t('browserPath')}</p><p class="path location">${h.location}</p>` : nothing}
      ${h.error ? html`<p class="error" role="alert">${h.error}</p>` : nothing}
      ${h.message ? html`<p class="ok" role="status">${h.message}</p>` : nothing}`;
}

/** The sample's stored files by role, each to download, and when it was added and changed. */
export function sampleFiles(h: DetailActionsHost): TemplateResult {
  const s = h.sample;
  return html`<h3>${t('files')}</h3>
      <ul class="files">
        ${s.files.map(
          (f) => html`<li>
          <span class="name" title=${f.name}>${roleLabel(f.role)} · ${f.name}</span>
          <span class="muted">${sizeText(f.size)}</span>
          <button type="button" class="secondary download" data-role=${f.role} ?disabled=${h.busy !== ''} @click=${() => h.download(f.sha256)}>${t('download')}</button>
        </li>`,
        )}
      </ul>
      <p class="muted">${t('dates', { c: s.createdAt.slice(0, 10), u: s.updatedAt.slice(0, 10) })}</p>`;
}
