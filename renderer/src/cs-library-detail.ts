import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import type { Sample, SampleMetaPatch } from '../../main/core/library.js';
import { SAMPLE_CHANNELS } from '../../main/core/library-names.js';
import { sampleThumbnailPath } from '../../main/core/resource-paths.js';
import { ApiCallError, call, errorMessage, resourceUrl, saveDownload } from './data/api-client.js';
import { showInFolder, sizeText } from './data/library-client.js';
import { fraudLabels, kindLabels } from './data/library-labels.js';
import { defineMessages, LocaleController } from './i18n/i18n.js';
import { controls } from './shared-styles.js';
import { fire } from './events.js';

const t = defineMessages({
  design: { zh: '设计文件', en: 'Design file' },
  pdf: { zh: 'PDF（印刷）', en: 'PDF (print)' },
  png: { zh: 'PNG 图片', en: 'PNG image' },
  original: { zh: '原始文件', en: 'Original file' },
  thumbnail: { zh: '缩略图', en: 'Thumbnail' },
  title: { zh: '标题', en: 'Title' },
  kind: { zh: '类型', en: 'Kind' },
  format: { zh: '规格', en: 'Size' },
  publishedAt: { zh: '发布日期', en: 'Published' },
  unit: { zh: '发布单位', en: 'Unit' },
  location: { zh: '地点', en: 'Place' },
  channel: { zh: '渠道', en: 'Channel' },
  fraudTypes: { zh: '诈骗类型', en: 'Fraud types' },
  tags: { zh: '标签', en: 'Tags' },
  tagsLabel: { zh: '标签（用逗号分隔）', en: 'Tags (comma-separated)' },
  tagsHint: { zh: '如：春季，鱼市', en: 'e.g. 春季，鱼市' },
  slogan: { zh: '标语', en: 'Slogan' },
  notes: { zh: '备注', en: 'Notes' },
  saved: { zh: '已保存', en: 'Saved' },
  shown: { zh: '已在文件管理器中显示', en: 'Shown in the file manager' },
  close: { zh: '关闭详情', en: 'Close details' },
  inTrash: {
    zh: '此样本在回收站中（{date} 移入）。恢复后才能编辑。',
    en: 'This sample is in the trash (since {date}). Restore it to edit it.',
  },
  thumbAlt: { zh: '{title} 的缩略图', en: 'Thumbnail of {title}' },
  restore: { zh: '恢复', en: 'Restore' },
  purge: { zh: '彻底删除…', en: 'Delete for good…' },
  noDesign: { zh: '外部导入的文件没有可编辑的设计', en: 'Imported files have no editable design' },
  open: { zh: '在编辑器中打开', en: 'Open in the editor' },
  duplicate: { zh: '复制为新设计', en: 'Duplicate as a new design' },
  folder: { zh: '在文件夹中显示', en: 'Show in folder' },
  export: { zh: '导出文件包', en: 'Export bundle' },
  trash: { zh: '移入回收站', en: 'Move to trash' },
  browserPath: {
    zh: '浏览器模式不能打开文件管理器。文件位于：',
    en: 'Browser mode cannot open a file manager. The file is at:',
  },
  saving: { zh: '正在保存…', en: 'Saving…' },
  save: { zh: '保存修改', en: 'Save changes' },
  revert: { zh: '撤销修改', en: 'Undo changes' },
  files: { zh: '文件', en: 'Files' },
  download: { zh: '下载', en: 'Download' },
  dates: { zh: '创建于 {c}，最后修改 {u}', en: 'Added {c}, last changed {u}' },
});
const ROLES = ['design', 'pdf', 'png', 'original', 'thumbnail'] as const;
const roleLabel = (r: string) => ((ROLES as readonly string[]).includes(r) ? t(r as (typeof ROLES)[number]) : r);
type FieldKey =
  | 'title'
  | 'kind'
  | 'format'
  | 'publishedAt'
  | 'unit'
  | 'location'
  | 'channel'
  | 'fraudTypes'
  | 'tags'
  | 'slogan'
  | 'notes';
const FIELDS: readonly string[] = [
  'title',
  'kind',
  'format',
  'publishedAt',
  'unit',
  'location',
  'channel',
  'fraudTypes',
  'tags',
  'slogan',
  'notes',
];
const fieldName = (k: string) => (FIELDS.includes(k) ? t(k as FieldKey) : k);

/** The editable fields as the form holds them (tags as one line of text). */
interface Draft {
  title: string;
  kind: string;
  format: string;
  publishedAt: string;
  unit: string;
  location: string;
  channel: string;
  fraudTypes: string[];
  tags: string;
  slogan: string;
  notes: string;
}

const draftOf = (s: Sample): Draft => ({
  title: s.title,
  kind: s.kind,
  format: s.format,
  publishedAt: s.publishedAt,
  unit: s.unit,
  location: s.location,
  channel: s.channel,
  fraudTypes: [...s.fraudTypes],
  tags: s.tags.join('，'),
  slogan: s.slogan,
  notes: s.notes,
});

const splitTags = (t: string) => [
  ...new Set(
    t
      .split(/[,，、;；\s]+/u)
      .map((x) => x.trim())
      .filter(Boolean),
  ),
];

/** Only what changed, so an edit never rewrites fields the user did not touch. */
export function patchOf(s: Sample, d: Draft): Record<string, unknown> {
  const p: Record<string, unknown> = {};
  for (const k of [
    'title',
    'kind',
    'format',
    'publishedAt',
    'unit',
    'location',
    'channel',
    'slogan',
    'notes',
  ] as const) {
    if (d[k] !== s[k]) p[k] = d[k];
  }
  if (d.fraudTypes.join() !== s.fraudTypes.join()) p.fraudTypes = d.fraudTypes;
  const tags = splitTags(d.tags);
  if (tags.join('\n') !== s.tags.join('\n')) p.tags = tags;
  return p;
}

/** The main side's "名称（meta.key）：message" details, by field key (the first message of each). */
function fieldErrors(details: readonly string[]): Record<string, string> {
  const errs: Record<string, string> = {};
  for (const d of details) {
    const k = /（meta\.(\w+)/.exec(d)?.[1];
    if (k) errs[k] ??= `${fieldName(k)}：${d.slice(d.indexOf('：') + 1)}`;
  }
  return errs;
}

/**
 * One sample: its thumbnail, metadata form (checked with the library's own schema before it is
 * sent; errors in Chinese beside each field), its files to save, and what to do with it.
 *
 * Events (to the screen): `sample-updated` {sample}, `design-open` {design}, `export-bundle` {ids},
 * `trash` {ids}, `restore` {ids}, `purge` {ids}, `detail-close`.
 */
export class CsLibraryDetail extends LitElement {
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

  private set<K extends keyof Draft>(k: K, v: Draft[K]) {
    this.draft = { ...this.draft, [k]: v };
    this.saved = '';
    if (this.errors[k]) this.errors = { ...this.errors, [k]: '' };
  }

  private get dirty(): boolean {
    return Object.keys(patchOf(this.sample, this.draft)).length > 0;
  }

  private async save(e: Event) {
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

  private field(k: keyof Draft, label: string, input: unknown, wide = false) {
    return html`<div class="field ${wide ? 'wide' : ''}">
      <label for="f-${k}">${label}</label>
      ${input}
      ${this.errors[k] ? html`<div class="err" id="e-${k}" role="alert">${this.errors[k]}</div>` : nothing}
    </div>`;
  }

  private text(
    k: 'title' | 'format' | 'unit' | 'location' | 'channel' | 'tags',
    label: string,
    extra: { list?: string; placeholder?: string; wide?: boolean } = {},
  ) {
    return this.field(
      k,
      label,
      html`<input type="text" id="f-${k}" name=${k} .value=${this.draft[k]} list=${extra.list ?? nothing} placeholder=${extra.placeholder ?? ''}
      aria-invalid=${this.errors[k] ? 'true' : 'false'} aria-describedby=${this.errors[k] ? `e-${k}` : nothing}
      @input=${(e: Event) => this.set(k, (e.target as HTMLInputElement).value)}>`,
      extra.wide,
    );
  }

  private area(k: 'slogan' | 'notes', label: string) {
    return this.field(
      k,
      label,
      html`<textarea id="f-${k}" name=${k} rows="2" .value=${this.draft[k]} aria-invalid=${this.errors[k] ? 'true' : 'false'}
      @input=${(e: Event) => this.set(k, (e.target as HTMLTextAreaElement).value)}></textarea>`,
      true,
    );
  }

  private async download(sha256: string) {
    await this.run('file', async () => {
      const f = await call('libraryFile', { id: this.sample.id, sha256 });
      await saveDownload(f.downloadId);
    });
  }

  private async openDesign(copy: boolean) {
    await this.run(copy ? 'duplicate' : 'open', async () => {
      const design = await call(copy ? 'libraryDuplicate' : 'libraryOpenDesign', { id: this.sample.id });
      fire(this, 'design-open', { design });
    });
  }

  private async folder() {
    await this.run('folder', async () => {
      const r = await showInFolder(this.sample.id);
      this.location = r.opened ? '' : r.path;
      if (r.opened) this.message = t('shown');
    });
  }

  override render() {
    const s = this.sample;
    const d = this.draft;
    const ids = { ids: [s.id] };
    const hasDesign = s.files.some((f) => f.role === 'design');
    const busy = this.busy !== '';
    return html`
      <div class="head">
        <h2 id="detail-h">${s.title}</h2>
        <button type="button" class="close" aria-label=${t('close')} @click=${() => fire(this, 'detail-close')}>✕</button>
      </div>
      ${s.trashedAt ? html`<p class="trashed">${t('inTrash', { date: s.trashedAt.slice(0, 10) })}</p>` : nothing}
      <div class="thumb"><img src=${resourceUrl(sampleThumbnailPath(s.id))} alt=${t('thumbAlt', { title: s.title })}></div>
      <div class="actions">
        ${
          s.trashedAt
            ? html`<button type="button" class="restore" ?disabled=${busy} @click=${() => fire(this, 'restore', ids)}>${t('restore')}</button>
              <button type="button" class="danger purge" ?disabled=${busy} @click=${() => fire(this, 'purge', ids)}>${t('purge')}</button>`
            : html`
              <button type="button" class="open-design" ?disabled=${busy || !hasDesign} title=${hasDesign ? '' : t('noDesign')} @click=${() => this.openDesign(false)}>${t('open')}</button>
              <button type="button" class="secondary duplicate" ?disabled=${busy || !hasDesign} @click=${() => this.openDesign(true)}>${t('duplicate')}</button>
              <button type="button" class="secondary folder" ?disabled=${busy} @click=${this.folder}>${t('folder')}</button>
              <button type="button" class="secondary export" ?disabled=${busy} @click=${() => fire(this, 'export-bundle', ids)}>${t('export')}</button>
              <button type="button" class="secondary trash" ?disabled=${busy} @click=${() => fire(this, 'trash', ids)}>${t('trash')}</button>`
        }
      </div>
      ${this.location ? html`<p class="muted">${t('browserPath')}</p><p class="path location">${this.location}</p>` : nothing}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.message ? html`<p class="ok" role="status">${this.message}</p>` : nothing}
      <form @submit=${this.save} aria-labelledby="detail-h" novalidate>
        <fieldset class="grid" ?disabled=${!!s.trashedAt}>
        ${this.text('title', t('title'), { wide: true })}
        ${this.field(
          'kind',
          t('kind'),
          html`<select id="f-kind" name="kind" .value=${d.kind} @change=${(e: Event) => this.set('kind', (e.target as HTMLSelectElement).value)}>
          ${Object.entries(kindLabels()).map(([k, label]) => html`<option value=${k} ?selected=${d.kind === k}>${label}</option>`)}
        </select>`,
        )}
        ${this.field(
          'publishedAt',
          t('publishedAt'),
          html`<input type="date" id="f-publishedAt" name="publishedAt" .value=${d.publishedAt}
          aria-invalid=${this.errors.publishedAt ? 'true' : 'false'} @input=${(e: Event) => this.set('publishedAt', (e.target as HTMLInputElement).value)}>`,
        )}
        ${this.text('unit', t('unit'))}
        ${this.text('channel', t('channel'), { list: 'channels' })}
        ${this.text('location', t('location'))}
        ${this.text('format', t('format'))}
        <datalist id="channels">${SAMPLE_CHANNELS.map((c) => html`<option value=${c}></option>`)}</datalist>
        <div class="field wide">
          <fieldset>
            <legend>${t('fraudTypes')}</legend>
            <div class="types">
              ${Object.entries(fraudLabels()).map(
                ([
                  k,
                  label,
                ]) => html`<label><input type="checkbox" name="fraudTypes" value=${k} .checked=${d.fraudTypes.includes(k)}
                @change=${(e: Event) => this.set('fraudTypes', (e.target as HTMLInputElement).checked ? [...d.fraudTypes, k] : d.fraudTypes.filter((x) => x !== k))}>${label}</label>`,
              )}
            </div>
          </fieldset>
          ${this.errors.fraudTypes ? html`<div class="err" role="alert">${this.errors.fraudTypes}</div>` : nothing}
        </div>
        ${this.text('tags', t('tagsLabel'), { wide: true, placeholder: t('tagsHint') })}
        ${this.area('slogan', t('slogan'))}
        ${this.area('notes', t('notes'))}
        <div class="save">
          <button type="submit" class="save-meta" ?disabled=${busy || !this.dirty || !!s.trashedAt}>${this.busy === 'save' ? t('saving') : t('save')}</button>
          <button type="button" class="secondary" ?disabled=${busy || !this.dirty} @click=${() => {
            this.draft = draftOf(s);
            this.errors = {};
          }}>${t('revert')}</button>
          ${this.saved ? html`<span class="ok saved" role="status">${this.saved}</span>` : nothing}
          ${this.saveError ? html`<span class="error save-error" role="alert">${this.saveError}</span>` : nothing}
        </div>
        </fieldset>
      </form>
      <h3>${t('files')}</h3>
      <ul class="files">
        ${s.files.map(
          (f) => html`<li>
          <span class="name" title=${f.name}>${roleLabel(f.role)} · ${f.name}</span>
          <span class="muted">${sizeText(f.size)}</span>
          <button type="button" class="secondary download" data-role=${f.role} ?disabled=${busy} @click=${() => this.download(f.sha256)}>${t('download')}</button>
        </li>`,
        )}
      </ul>
      <p class="muted">${t('dates', { c: s.createdAt.slice(0, 10), u: s.updatedAt.slice(0, 10) })}</p>
    `;
  }
}
customElements.define('cs-library-detail', CsLibraryDetail);

declare global {
  interface HTMLElementTagNameMap {
    'cs-library-detail': CsLibraryDetail;
  }
}
