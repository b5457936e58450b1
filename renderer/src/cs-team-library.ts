import { LitElement, css, html } from 'lit';
import type { TeamSearchResult } from '../../main/core/team.js';
import type { Status } from '../../main/core/team-names.js';
import { call, errorMessage } from './data/api-client.js';
import { refreshTeam, TeamController } from './data/team-store.js';
import { defineMessages, LocaleController } from './i18n/i18n.js';
import { controls } from './shared-styles.js';
import { teamCard, teamCardStyles } from './team-card.js';
import './cs-team-outbox.js';
import './cs-team-submit.js';

const t = defineMessages({
  search: {
    zh: '搜索团队库（标题、标语、标签、单位、地点）',
    en: 'Search the team library (titles, slogans, tags, units, places)',
  },
  go: { zh: '搜索', en: 'Search' },
  scope: { zh: '范围', en: 'Scope' },
  all: { zh: '我能看到的全部', en: 'Everything I can see' },
  approved: { zh: '全市已发布', en: 'Published city-wide' },
  mine: { zh: '本单位的', en: 'My unit’s' },
  count: { zh: '找到 {n} 个', en: '{n} found' },
  countCapped: { zh: '找到 {n}+ 个（只显示最新的）', en: '{n}+ found (newest shown)' },
  pull: { zh: '把已发布的结果存到本机素材库', en: 'Save the published results to the local library' },
  pulling: { zh: '正在拉取…', en: 'Pulling…' },
  pulled: {
    zh: '已存到本机素材库：新增 {n} 个，已有 {u} 个。离线时也能在「本机素材库」中找到它们。',
    en: 'Saved to the local library: {n} new, {u} already there. They are searchable offline.',
  },
  signIn: { zh: '请先在「团队连接」中登录团队服务器。', en: 'Sign in to the team server first (Team connection).' },
  empty: {
    zh: '没有找到。换个词试试，或选「我能看到的全部」。',
    en: 'Nothing found. Try other words or a wider scope.',
  },
});

type Scope = 'all' | 'approved' | 'mine';

/** The team library tab: search it, pull what is published, submit local work, the outbox. */
export class CsTeamLibrary extends LitElement {
  static override properties = {
    result: { state: true },
    error: { state: true },
    notice: { state: true },
    busy: { state: true },
  };
  result: TeamSearchResult | null = null;
  error = '';
  notice = '';
  busy = false;
  private readonly team = new TeamController(this);
  private readonly i18n = new LocaleController(this);
  private text = '';
  private scope: Scope = 'all';

  static override styles = [
    controls,
    teamCardStyles,
    css`
      :host { display: block; }
      form { display: flex; gap: 10px; align-items: center; margin-bottom: 12px; flex-wrap: wrap; }
      form input { flex: 1; min-width: 260px; }
      form select { width: auto; }
      .bar { display: flex; gap: 12px; align-items: center; margin: 8px 0 14px; flex-wrap: wrap; }
      .ok { color: var(--cs-ok); font-weight: 600; }
      .layout { display: grid; grid-template-columns: minmax(0, 1fr) minmax(300px, 380px); gap: 24px; align-items: start; }
      aside { background: var(--cs-surface); border: 1px solid var(--cs-border); border-radius: 10px; padding: 16px; }
      @media (max-width: 1000px) { .layout { grid-template-columns: 1fr; } }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    if (this.team.state?.connected) void this.search();
  }

  private async search(e?: Event) {
    e?.preventDefault();
    this.error = '';
    if (!this.team.state?.connected) return;
    const status: Status[] = this.scope === 'approved' ? ['approved'] : [];
    try {
      this.result = await call('teamSearch', { text: this.text, status, mine: this.scope === 'mine', limit: 60 });
    } catch (err) {
      this.error = errorMessage(err);
      await refreshTeam().catch(() => undefined);
    }
  }

  private async pull() {
    this.busy = true;
    this.notice = '';
    this.error = '';
    try {
      const r = await call('teamPull', { text: this.text });
      this.notice = t('pulled', { n: r.pulled, u: r.unchanged });
    } catch (err) {
      this.error = errorMessage(err);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const connected = !!this.team.state?.connected;
    const r = this.result;
    return html`
      <cs-team-outbox @pushed=${() => this.search()}></cs-team-outbox>
      <div class="layout">
        <div>
          ${
            connected
              ? html`<form @submit=${this.search}>
                  <input type="text" name="team-search" aria-label=${t('search')} placeholder=${t('search')}
                    @input=${(e: Event) => (this.text = (e.target as HTMLInputElement).value)}>
                  <select name="scope" aria-label=${t('scope')} @change=${(e: Event) => {
                    this.scope = (e.target as HTMLSelectElement).value as Scope;
                    void this.search();
                  }}>
                    <option value="all">${t('all')}</option><option value="approved">${t('approved')}</option><option value="mine">${t('mine')}</option>
                  </select>
                  <button type="submit" data-action="search">${t('go')}</button>
                </form>
                <div class="bar">
                  ${r ? html`<span data-count=${r.total}>${r.totalCapped ? t('countCapped', { n: r.total }) : t('count', { n: r.total })}</span>` : ''}
                  <button type="button" class="secondary" data-action="pull" ?disabled=${this.busy} @click=${this.pull}>${t('pull')}</button>
                  ${this.busy ? html`<span class="muted" role="status">${t('pulling')}</span>` : ''}
                  ${this.notice ? html`<span class="ok" role="status">${this.notice}</span>` : ''}
                </div>`
              : html`<p class="muted">${t('signIn')}</p>`
          }
          ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
          ${
            connected && r
              ? r.hits.length
                ? html`<ul class="cards" aria-label=${t('search')}>${r.hits.map((h) => teamCard(h.sample))}</ul>`
                : html`<p class="muted">${t('empty')}</p>`
              : ''
          }
        </div>
        ${this.team.state?.server ? html`<aside><cs-team-submit @submitted=${() => this.search()}></cs-team-submit></aside>` : ''}
      </div>
    `;
  }
}
customElements.define('cs-team-library', CsTeamLibrary);

declare global {
  interface HTMLElementTagNameMap {
    'cs-team-library': CsTeamLibrary;
  }
}
