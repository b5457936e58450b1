import { LitElement, css, html } from 'lit';
import { isReviewer, roleName, TeamController } from './data/team-store.js';
import { defineMessages, LocaleController } from './i18n/i18n.js';
import { controls } from './shared-styles.js';
import './cs-team-connect.js';
import './cs-team-library.js';
import './cs-team-review.js';

const t = defineMessages({
  tabs: { zh: '素材库', en: 'Libraries' },
  local: { zh: '本机素材库', en: 'Local library' },
  team: { zh: '团队库', en: 'Team library' },
  review: { zh: '审核', en: 'Review' },
  mine: { zh: '我的提交', en: 'My submissions' },
  connect: { zh: '团队连接', en: 'Team connection' },
  online: { zh: '已连接团队库：{name}（{unit} · {role}）', en: 'Team library: {name} ({unit} · {role})' },
  offline: { zh: '团队库未登录', en: 'Team library: signed out' },
  outbox: { zh: '待推送 {n}', en: '{n} to push' },
});

export type LibraryTab = 'local' | 'team' | 'review' | 'connect';

/**
 * The 素材库 screen: the local library (slotted `local`) and, beside it, the city's team library
 * (issue #17 §5) — search either, the review tab (a reviewer's queue, a station's submissions) and
 * the connection.
 */
export class CsTeamTabs extends LitElement {
  static override properties = { tab: { state: true } };
  tab: LibraryTab = 'local';
  private readonly team = new TeamController(this);
  private readonly i18n = new LocaleController(this);

  static override styles = [
    controls,
    css`
      :host { display: block; }
      .tabs { display: flex; gap: 4px; align-items: flex-end; border-bottom: 2px solid var(--cs-blue); margin-bottom: 18px; flex-wrap: wrap; }
      .tabs button { background: #eef3fb; color: var(--cs-blue); border: 1px solid var(--cs-border); border-bottom: none; border-radius: 8px 8px 0 0; min-height: 34px; padding: 6px 16px; }
      .tabs button[aria-selected='true'] { background: var(--cs-blue); color: #fff; font-weight: 700; }
      .state { margin-left: auto; font-size: 13px; padding: 0 4px 6px; color: var(--cs-muted); }
      .state.on { color: var(--cs-ok); font-weight: 600; }
      .badge { background: var(--cs-red); color: #fff; border-radius: 10px; padding: 0 7px; font-size: 12px; margin-left: 6px; }
    `,
  ];

  private button(tab: LibraryTab, label: string, badge = 0) {
    return html`<button type="button" role="tab" data-tab=${tab} aria-selected=${this.tab === tab ? 'true' : 'false'}
      @click=${() => (this.tab = tab)}>${label}${badge ? html`<span class="badge">${badge}</span>` : ''}</button>`;
  }

  private body() {
    switch (this.tab) {
      case 'team':
        return html`<cs-team-library></cs-team-library>`;
      case 'review':
        return html`<cs-team-review></cs-team-review>`;
      case 'connect':
        return html`<cs-team-connect></cs-team-connect>`;
      default:
        // The local library is the app's element, slotted in: it keeps its state across the tabs.
        return html`<slot name="local"></slot>`;
    }
  }

  override render() {
    const s = this.team.state;
    const me = s?.connected ? s.me : null;
    return html`
      <div class="tabs" role="tablist" aria-label=${t('tabs')}>
        ${this.button('local', t('local'))} ${this.button('team', t('team'), s?.outbox ?? 0)}
        ${s?.connected ? this.button('review', isReviewer(s) ? t('review') : t('mine')) : ''} ${this.button('connect', t('connect'))}
        <span class="state ${me ? 'on' : ''}" data-team-state>${
          me ? t('online', { name: me.name, unit: me.unit, role: roleName(me.role) }) : s?.server ? t('offline') : ''
        }</span>
      </div>
      ${this.body()}
    `;
  }
}
customElements.define('cs-team-tabs', CsTeamTabs);

declare global {
  interface HTMLElementTagNameMap {
    'cs-team-tabs': CsTeamTabs;
  }
}
