import { LitElement, css, html } from 'lit';
import type { Sample } from '../../main/core/library.js';
import { sampleThumbnailPath } from '../../main/core/resource-paths.js';
import type { TeamSample } from '../../main/core/team.js';
import { call, errorMessage, resourceUrl } from './data/api-client.js';
import { kindLabel } from './data/library-labels.js';
import { refreshTeam, statusName, TeamController } from './data/team-store.js';
import { defineMessages, LocaleController } from './i18n/i18n.js';
import { controls } from './shared-styles.js';

const t = defineMessages({
  heading: { zh: '提交本机作品审核', en: 'Submit local work for review' },
  intro: {
    zh: '在编辑器里「发布到素材库」的设计、导入的素材，都可以提交到团队库，由市局审核后全市可见。',
    en: 'Designs published to the library and imported samples can be submitted; once approved the whole city sees them.',
  },
  search: { zh: '在本机素材库中查找', en: 'Find in the local library' },
  find: { zh: '查找', en: 'Find' },
  replaces: { zh: '这是对哪份退回稿的修改？', en: 'Is this the fix of a returned sample?' },
  fresh: { zh: '新作品（不是修改稿）', en: 'New work (not a fix)' },
  submit: { zh: '提交审核', en: 'Submit for review' },
  submitting: { zh: '正在提交…', en: 'Submitting…' },
  pushed: { zh: '「{title}」已提交，等待审核。', en: '“{title}” submitted for review.' },
  duplicate: {
    zh: '「{title}」团队库中已有（{status}），没有重复添加。',
    en: '“{title}” is already in the team library ({status}); nothing added twice.',
  },
  none: { zh: '本机素材库中没有找到。', en: 'Nothing found in the local library.' },
});

/**
 * Submitting a local sample: find it in the local library, say whether it fixes a sample the
 * reviewer returned (the team sample keeps its id and trail), submit. Offline it waits in the outbox.
 */
export class CsTeamSubmit extends LitElement {
  static override properties = {
    hits: { state: true },
    mine: { state: true },
    message: { state: true },
    error: { state: true },
    busy: { state: true },
  };
  hits: Sample[] = [];
  /** The station's drafts and returned samples: what a submission may replace. */
  mine: TeamSample[] = [];
  message = '';
  error = '';
  busy = false;
  private readonly team = new TeamController(this);
  private readonly i18n = new LocaleController(this);
  private text = '';
  private readonly replaces = new Map<string, string>();

  static override styles = [
    controls,
    css`
      :host { display: block; }
      form { display: flex; gap: 8px; margin: 10px 0; }
      form input { flex: 1; min-width: 0; }
      ul { list-style: none; padding: 0; margin: 0; display: grid; gap: 8px; }
      li { display: grid; grid-template-columns: 56px 1fr; gap: 8px 12px; align-items: center; background: #fff; border: 1px solid var(--cs-border); border-radius: 8px; padding: 8px 10px; }
      li img { width: 56px; height: 44px; object-fit: contain; background: #e9edf3; }
      .title { font-weight: 700; }
      .pick { grid-column: 1 / -1; display: flex; gap: 8px; align-items: end; }
      .pick label { flex: 1; font-weight: 400; font-size: 13px; margin: 0; min-width: 0; }
      .pick button { flex: none; margin-left: auto; padding: 6px 14px; min-height: 34px; }
      h2 { margin-bottom: 4px; }
      .ok { color: var(--cs-ok); font-weight: 600; }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    await this.find();
    try {
      if (this.team.state?.connected)
        this.mine = (await call('teamReviewList', { status: ['rejected', 'draft'] })).samples;
    } catch {
      this.mine = [];
    }
  }

  private async find(e?: Event) {
    e?.preventDefault();
    try {
      this.hits = (
        await call('librarySearch', { text: this.text, limit: 20, sort: this.text ? 'relevance' : 'date' })
      ).hits.map((h) => h.sample);
    } catch (err) {
      this.error = errorMessage(err);
    }
  }

  private async submit(s: Sample) {
    this.busy = true;
    this.message = '';
    this.error = '';
    const guess = this.mine.find((m) => m.title === s.title)?.id;
    const replaces = this.replaces.has(s.id) ? this.replaces.get(s.id) : guess;
    try {
      const r = await call('teamSubmit', { localId: s.id, ...(replaces ? { replaces } : {}) });
      this.message =
        r.outcome === 'queued'
          ? (r.message ?? '')
          : r.duplicate && r.sample
            ? t('duplicate', { title: s.title, status: statusName(r.sample.status) })
            : t('pushed', { title: s.title });
      this.dispatchEvent(new Event('submitted'));
      await this.load();
    } catch (err) {
      this.error = errorMessage(err);
    } finally {
      this.busy = false;
      await refreshTeam().catch(() => undefined);
    }
  }

  private row(s: Sample) {
    const guess = this.mine.find((m) => m.title === s.title)?.id ?? '';
    return html`<li data-local-id=${s.id}>
      <img alt="" src=${resourceUrl(sampleThumbnailPath(s.id))}>
      <div><div class="title">${s.title}</div><div class="muted">${[kindLabel(s.kind), s.publishedAt, s.unit].filter(Boolean).join(' · ')}</div></div>
      <div class="pick">
        ${
          this.mine.length
            ? html`<label>${t('replaces')}
              <select name="replaces" @change=${(e: Event) => this.replaces.set(s.id, (e.target as HTMLSelectElement).value)}>
                <option value="" ?selected=${!guess}>${t('fresh')}</option>
                ${this.mine.map((m) => html`<option value=${m.id} ?selected=${m.id === guess}>${m.title}（${statusName(m.status)}）</option>`)}
              </select></label>`
            : ''
        }
        <button type="button" data-action="submit" ?disabled=${this.busy} @click=${() => this.submit(s)}>${t('submit')}</button>
      </div>
    </li>`;
  }

  override render() {
    return html`
      <h2>${t('heading')}</h2>
      <p class="muted">${t('intro')}</p>
      <form @submit=${this.find}>
        <input type="text" name="local-search" aria-label=${t('search')} placeholder=${t('search')}
          @input=${(e: Event) => (this.text = (e.target as HTMLInputElement).value)}>
        <button type="submit" class="secondary">${t('find')}</button>
      </form>
      ${this.busy ? html`<p class="muted" role="status">${t('submitting')}</p>` : ''}
      ${this.message ? html`<p class="ok" role="status">${this.message}</p>` : ''}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      ${this.hits.length ? html`<ul>${this.hits.map((s) => this.row(s))}</ul>` : html`<p class="muted">${t('none')}</p>`}
    `;
  }
}
customElements.define('cs-team-submit', CsTeamSubmit);

declare global {
  interface HTMLElementTagNameMap {
    'cs-team-submit': CsTeamSubmit;
  }
}
