import { LitElement, css, html } from 'lit';
import type { StudioDesign } from '../../main/core/design/design.js';
import type { SampleMetaPatch } from '../../main/core/library.js';
import { SAMPLE_CHANNELS } from '../../main/core/library-names.js';
import { FRAUD_TYPES, type FraudType } from '../../main/core/slogan/names.js';
import { ApiCallError, call, errorMessage } from './data/api-client.js';
import { watchJob } from './data/jobs.js';
import { fire } from './events.js';
import { defineMessages, LocaleController } from './i18n/i18n.js';
import { dialogStyles } from './dialog-styles.js';
import { controls } from './shared-styles.js';
import type { PreflightReport } from '../../main/core/preflight.js';
import './cs-preflight-list.js';

const t = defineMessages({
  heading: { zh: '发布到素材库', en: 'Publish to the library' },
  intro: {
    zh: '发布后，素材库中会保存这份设计及其 PDF 和 PNG，同事可以检索和复用。',
    en: 'The library keeps this design with its PDF and PNG, so colleagues can find and reuse it.',
  },
  title: { zh: '标题', en: 'Title' },
  unit: { zh: '单位', en: 'Unit' },
  unitHint: { zh: '例如：某某派出所', en: 'e.g. the police station' },
  location: { zh: '投放地点', en: 'Where it was used' },
  channel: { zh: '渠道', en: 'Channel' },
  date: { zh: '发布日期', en: 'Date' },
  fraud: { zh: '诈骗类型', en: 'Fraud types' },
  tags: { zh: '标签', en: 'Tags' },
  tagsHint: { zh: '用逗号或顿号分隔，例如：集市、鱼摊', en: 'Separated by commas, e.g. market, fish stall' },
  publish: { zh: '发布', en: 'Publish' },
  busy: {
    zh: '正在生成 PDF 和 PNG 并存入素材库，横幅可能需要几秒钟…',
    en: 'Rendering the PDF and PNG and storing them; a banner can take a few seconds…',
  },
  done: { zh: '已发布「{title}」到素材库。', en: 'Published “{title}” to the library.' },
  show: { zh: '在素材库中查看', en: 'View in the library' },
  close: { zh: '关闭', en: 'Close' },
  cancel: { zh: '取消', en: 'Cancel' },
  channelHint: {
    zh: '这份物料怎么发出去（统计按它分类），请每次选择',
    en: 'How this one goes out (statistics count by it): choose each time',
  },
  allowPlaceholder: { zh: '仍发布样稿（保留模板的示例内容）', en: 'Publish as a proof (keep the template’s samples)' },
  samples: { zh: '还没填好的地方', en: 'Still to fill in' },
});
/** What the dialog shows once the sample is in the library. */
type Published = { id: string; title: string };

const today = () => new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 10);

/** Tags as typed: commas (full or half width), 顿号 or semicolons between them. */
export function splitTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,，、;；\n]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

/** The sample's metadata for publishDesign; fields left empty are left to the design's defaults. */
export class CsPublishDialog extends LitElement {
  static override properties = {
    design: { attribute: false },
    report: { attribute: false },
    names: { attribute: false },
    unit: { attribute: false },
    allowPlaceholder: { state: true },
    busy: { state: true },
    error: { state: true },
    published: { state: true },
    fraud: { state: true },
  };
  design!: StudioDesign;
  report: PreflightReport | null = null;
  names: ReadonlyMap<string, string> = new Map();
  /** The unit's full name from its profile: the one 单位 a station publishes as. */
  unit = '';
  allowPlaceholder = false;
  busy = false;
  error = '';
  published: Published | null = null;
  fraud = new Set<FraudType>();
  private readonly i18n = new LocaleController(this);

  static override styles = [
    controls,
    dialogStyles,
    css`
      dialog { width: min(620px, 94vw); }
      form { padding: 20px 24px 0; display: grid; grid-template-columns: 1fr 1fr; gap: 14px 18px; max-height: 70vh; overflow: auto; }
      .wide { grid-column: 1 / -1; }
      input[type='date'] { border: 1px solid var(--cs-border); border-radius: 6px; padding: 7px 10px; background: #fff; width: 100%; }
      .intro { margin: 0; }
      fieldset { border: 1px solid var(--cs-border); border-radius: 8px; padding: 8px 14px 12px; margin: 0; }
      legend { font-weight: 600; padding: 0 4px; }
      .checks { display: grid; grid-template-columns: 1fr 1fr; gap: 4px 14px; }
      .check { display: flex; gap: 8px; align-items: center; font-weight: normal; margin: 0; font-size: 14px; }
      .status { padding: 12px 24px 0; }
      .ok { color: var(--cs-ok); font-weight: 600; margin: 0; }
      .actions { display: flex; gap: 12px; justify-content: flex-end; padding: 16px 24px 22px; flex-wrap: wrap; }
    `,
  ];

  open() {
    this.busy = false;
    this.error = '';
    this.published = null;
    this.fraud = new Set();
    this.allowPlaceholder = false;
    // Fresh fields each time: a channel carried over from the last sample skewed the statistics
    // (walkthrough bug 5); the unit is the profile's own name.
    for (const f of this.renderRoot.querySelectorAll<HTMLInputElement>('form input[type=text]'))
      f.value = f.name === 'unit' ? this.unit : f.name === 'title' ? this.design.name : '';
    this.renderRoot.querySelector('dialog')?.showModal();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#pub-title')?.select());
  }

  private close() {
    if (this.busy) return; // the sample is being written; closing now would hide its result
    this.renderRoot.querySelector('dialog')?.close();
  }

  private value(name: string): string {
    return this.renderRoot.querySelector<HTMLInputElement>(`[name="${name}"]`)?.value.trim() ?? '';
  }

  private meta(): SampleMetaPatch {
    const meta: SampleMetaPatch = {
      title: this.value('title') || this.design.name,
      publishedAt: this.value('date') || today(),
    };
    for (const k of ['unit', 'location', 'channel'] as const) if (this.value(k)) meta[k] = this.value(k);
    if (this.fraud.size) meta.fraudTypes = [...this.fraud];
    const tags = splitTags(this.value('tags'));
    if (tags.length) meta.tags = tags;
    return meta;
  }

  private async publish(e: Event) {
    e.preventDefault();
    if (this.busy) return;
    const meta = this.meta();
    this.busy = true;
    this.error = '';
    this.published = null;
    try {
      const { jobId } = await call('publishDesign', {
        design: this.design,
        meta,
        ...(this.allowPlaceholder ? { allowPlaceholder: true } : {}),
      });
      const s = await watchJob(jobId, 'publish');
      if (s?.state === 'error') throw new ApiCallError(s.error ?? '', 'publish-failed');
      if (s?.state !== 'done' || !s.sampleId) return;
      this.published = { id: s.sampleId, title: meta.title ?? this.design.name };
    } catch (err) {
      this.error = errorMessage(err);
    } finally {
      this.busy = false;
    }
  }

  private toggleFraud(id: FraudType, on: boolean) {
    const next = new Set(this.fraud);
    if (on) next.add(id);
    else next.delete(id);
    this.fraud = next;
  }

  private showInLibrary() {
    const id = this.published?.id;
    this.renderRoot.querySelector('dialog')?.close();
    fire(this, 'show-library', { sampleId: id });
  }

  override render() {
    const field = (name: string, label: string, value: string, extra = '') =>
      html`<div><label for="pub-${name}">${label}</label><input id="pub-${name}" type="text" name=${name} .value=${value} ?disabled=${this.busy}
        placeholder=${extra} list=${name === 'channel' ? 'channels' : ''}></div>`;
    return html`
      <dialog aria-labelledby="pub-h" @cancel=${(e: Event) => {
        e.preventDefault();
        this.close();
      }}>
        <header id="pub-h">${t('heading')}</header>
        <form id="pub-form" @submit=${this.publish}>
          <p class="intro muted wide">${t('intro')}</p>
          <div class="wide"><label for="pub-title">${t('title')}</label>
            <input id="pub-title" type="text" name="title" required maxlength="200" .value=${this.design?.name ?? ''} ?disabled=${this.busy}></div>
          ${field('unit', t('unit'), this.unit, t('unitHint'))}
          ${field('location', t('location'), '')}
          ${field('channel', t('channel'), '', t('channelHint'))}
          <datalist id="channels">${SAMPLE_CHANNELS.map((c) => html`<option value=${c}></option>`)}</datalist>
          <div><label for="pub-date">${t('date')}</label><input id="pub-date" type="date" name="date" .value=${today()} ?disabled=${this.busy}></div>
          <fieldset class="wide" ?disabled=${this.busy}>
            <legend>${t('fraud')}</legend>
            <div class="checks">
              ${Object.entries(FRAUD_TYPES).map(
                ([id, label]) => html`<label class="check"><input type="checkbox" name="fraud" value=${id}
                .checked=${this.fraud.has(id as FraudType)} @change=${(e: Event) => this.toggleFraud(id as FraudType, (e.target as HTMLInputElement).checked)}>${label}</label>`,
              )}
            </div>
          </fieldset>
          <div class="wide"><label for="pub-tags">${t('tags')}</label>
            <input id="pub-tags" type="text" name="tags" aria-describedby="pub-tags-hint" ?disabled=${this.busy}>
            <div class="muted" id="pub-tags-hint">${t('tagsHint')}</div></div>
          <div class="wide"><cs-preflight-list .report=${this.report} .names=${this.names} .only=${['placeholder']} .heading=${t('samples')}
            @finding-select=${() => this.close()}></cs-preflight-list>
            <label class="check"><input type="checkbox" name="allow-placeholder" .checked=${this.allowPlaceholder} ?disabled=${this.busy}
              @change=${(e: Event) => (this.allowPlaceholder = (e.target as HTMLInputElement).checked)}>${t('allowPlaceholder')}</label></div>
        </form>
        <div class="status" aria-live="polite">
          ${this.busy ? html`<p class="muted busy"><progress aria-label=${t('busy')}></progress> ${t('busy')}</p>` : ''}
          ${this.published ? html`<p class="ok">${t('done', { title: this.published.title })}</p>` : ''}
        </div>
        ${this.error ? html`<p class="error status" role="alert">${this.error}</p>` : ''}
        <div class="actions">
          ${
            this.published
              ? html`<button type="button" class="show-library" @click=${this.showInLibrary}>${t('show')}</button>
                <button type="button" class="secondary" @click=${this.close}>${t('close')}</button>`
              : html`<button type="button" class="secondary" ?disabled=${this.busy} @click=${this.close}>${t('cancel')}</button>
                <button type="submit" form="pub-form" class="publish" ?disabled=${this.busy}>${t('publish')}</button>`
          }
        </div>
      </dialog>
    `;
  }
}
customElements.define('cs-publish-dialog', CsPublishDialog);

declare global {
  interface HTMLElementTagNameMap {
    'cs-publish-dialog': CsPublishDialog;
  }
}
