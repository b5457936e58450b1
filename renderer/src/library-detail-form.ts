import { html, nothing, type TemplateResult } from 'lit';
import type { Sample } from '../../main/core/library.js';
import { SAMPLE_CHANNELS } from '../../main/core/library-names.js';
import { fraudLabels, kindLabels } from './data/library-labels.js';
import type { Draft } from './data/sample-draft.js';
import { t } from './i18n/library-detail-text.js';

/** The detail panel as its metadata form needs it: the sample, the draft and the save's state. */
export interface DetailFormHost {
  readonly sample: Sample;
  readonly draft: Draft;
  /** By field key, in Chinese: shown beside the field. */
  readonly errors: Record<string, string>;
  /** The action running ('save' while saving), '' when none. */
  readonly busy: string;
  /** The draft differs from what is stored. */
  readonly dirty: boolean;
  readonly saved: string;
  readonly saveError: string;
  set<K extends keyof Draft>(k: K, v: Draft[K]): void;
  save(e: Event): void;
  /** Back to what is stored. */
  revert(): void;
}

type TextKey = 'title' | 'format' | 'unit' | 'location' | 'channel' | 'tags';

/**
 * One sample's metadata form: title, kind, published date, unit, channel, place, size, fraud
 * types, tags, slogan and notes, each with its error beside it; saving and undoing the changes
 * (with the outcome beside the button: the form is long). A trashed sample's form is disabled.
 */
export function metadataForm(h: DetailFormHost): TemplateResult {
  const s = h.sample;
  const d = h.draft;
  const busy = h.busy !== '';
  return html`<form @submit=${(e: Event) => h.save(e)} aria-labelledby="detail-h" novalidate>
        <fieldset class="grid" ?disabled=${!!s.trashedAt}>
        ${text(h, 'title', t('title'), { wide: true })}
        ${field(
          h,
          'kind',
          t('kind'),
          html`<select id="f-kind" name="kind" .value=${d.kind} @change=${(e: Event) => h.set('kind', (e.target as HTMLSelectElement).value)}>
          ${Object.entries(kindLabels()).map(([k, label]) => html`<option value=${k} ?selected=${d.kind === k}>${label}</option>`)}
        </select>`,
        )}
        ${field(
          h,
          'publishedAt',
          t('publishedAt'),
          html`<input type="date" id="f-publishedAt" name="publishedAt" .value=${d.publishedAt}
          aria-invalid=${h.errors.publishedAt ? 'true' : 'false'} @input=${(e: Event) => h.set('publishedAt', (e.target as HTMLInputElement).value)}>`,
        )}
        ${text(h, 'unit', t('unit'))}
        ${text(h, 'channel', t('channel'), { list: 'channels' })}
        ${text(h, 'location', t('location'))}
        ${text(h, 'format', t('format'))}
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
                @change=${(e: Event) => h.set('fraudTypes', (e.target as HTMLInputElement).checked ? [...d.fraudTypes, k] : d.fraudTypes.filter((x) => x !== k))}>${label}</label>`,
              )}
            </div>
          </fieldset>
          ${h.errors.fraudTypes ? html`<div class="err" role="alert">${h.errors.fraudTypes}</div>` : nothing}
        </div>
        ${text(h, 'tags', t('tagsLabel'), { wide: true, placeholder: t('tagsHint') })}
        ${area(h, 'slogan', t('slogan'))}
        ${area(h, 'notes', t('notes'))}
        <div class="save">
          <button type="submit" class="save-meta" ?disabled=${busy || !h.dirty || !!s.trashedAt}>${h.busy === 'save' ? t('saving') : t('save')}</button>
          <button type="button" class="secondary" ?disabled=${busy || !h.dirty} @click=${() => h.revert()}>${t('revert')}</button>
          ${h.saved ? html`<span class="ok saved" role="status">${h.saved}</span>` : nothing}
          ${h.saveError ? html`<span class="error save-error" role="alert">${h.saveError}</span>` : nothing}
        </div>
        </fieldset>
      </form>`;
}

function field(h: DetailFormHost, k: keyof Draft, label: string, input: unknown, wide = false) {
  return html`<div class="field ${wide ? 'wide' : ''}">
      <label for="f-${k}">${label}</label>
      ${input}
      ${h.errors[k] ? html`<div class="err" id="e-${k}" role="alert">${h.errors[k]}</div>` : nothing}
    </div>`;
}

function text(
  h: DetailFormHost,
  k: TextKey,
  label: string,
  extra: { list?: string; placeholder?: string; wide?: boolean } = {},
) {
  return field(
    h,
    k,
    label,
    html`<input type="text" id="f-${k}" name=${k} .value=${h.draft[k]} list=${extra.list ?? nothing} placeholder=${extra.placeholder ?? ''}
      aria-invalid=${h.errors[k] ? 'true' : 'false'} aria-describedby=${h.errors[k] ? `e-${k}` : nothing}
      @input=${(e: Event) => h.set(k, (e.target as HTMLInputElement).value)}>`,
    extra.wide,
  );
}

function area(h: DetailFormHost, k: 'slogan' | 'notes', label: string) {
  return field(
    h,
    k,
    label,
    html`<textarea id="f-${k}" name=${k} rows="2" .value=${h.draft[k]} aria-invalid=${h.errors[k] ? 'true' : 'false'}
      @input=${(e: Event) => h.set(k, (e.target as HTMLTextAreaElement).value)}></textarea>`,
    true,
  );
}
