import { LitElement, css, html } from 'lit';
import { call, errorMessage } from './data/api-client.js';
import { refreshTeam, TeamController } from './data/team-store.js';
import { defineMessages, LocaleController } from './i18n/i18n.js';
import { controls } from './shared-styles.js';

const t = defineMessages({
  none: {
    zh: '推送队列为空：本机的作品都已送到团队库。',
    en: 'Nothing waiting: all your work has reached the team library.',
  },
  waiting: { zh: '推送队列：{n} 个作品等待送往团队库', en: 'Outbox: {n} waiting for the team library' },
  push: { zh: '推送', en: 'Push' },
  pushing: { zh: '正在推送 {i} / {n}：{title}', en: 'Pushing {i} / {n}: {title}' },
  done: { zh: '已推送 {ok} 个', en: 'Pushed {ok}' },
  refused: { zh: '，{n} 个被拒绝（见下）', en: ', {n} refused (below)' },
  offline: { zh: '，连接中断，{n} 个仍在队列中，稍后再推', en: ', connection lost: {n} still waiting' },
  signIn: { zh: '在「团队连接」中登录后即可推送', en: 'Sign in (Team connection) to push them' },
});

/**
 * The outbox: what was submitted while the team server could not be reached, with a push button
 * that sends them one by one and shows how far it is. A push repeated after a cut adds nothing twice.
 */
export class CsTeamOutbox extends LitElement {
  static override properties = {
    progress: { state: true },
    done: { state: true },
    total: { state: true },
    result: { state: true },
    failures: { state: true },
  };
  progress = '';
  done = 0;
  total = 0;
  result = '';
  failures: string[] = [];
  private readonly team = new TeamController(this);
  private readonly i18n = new LocaleController(this);

  static override styles = [
    controls,
    css`
      :host { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; background: #f3f6fb; border: 1px solid var(--cs-border); border-radius: 8px; padding: 8px 14px; margin-bottom: 16px; }
      progress { width: 160px; }
      ul { flex-basis: 100%; margin: 0; padding-left: 20px; }
    `,
  ];

  private async push() {
    this.result = '';
    this.failures = [];
    let ok = 0;
    let offline = 0;
    try {
      const { entries } = await call('teamOutbox', {});
      this.total = entries.length;
      for (const [i, e] of entries.entries()) {
        this.done = i;
        this.progress = t('pushing', { i: i + 1, n: entries.length, title: e.title });
        const r = await call('teamPush', { localId: e.localId });
        if (r.outcome === 'pushed') ok++;
        else if (r.outcome === 'refused') this.failures = [...this.failures, `${e.title}：${r.message ?? ''}`];
        else {
          offline = entries.length - i;
          break;
        }
      }
      this.result =
        t('done', { ok }) +
        (this.failures.length ? t('refused', { n: this.failures.length }) : '') +
        (offline ? t('offline', { n: offline }) : '');
    } catch (e) {
      this.result = errorMessage(e);
    } finally {
      this.progress = '';
      await refreshTeam().catch(() => undefined);
      this.dispatchEvent(new Event('pushed'));
    }
  }

  override render() {
    const s = this.team.state;
    const n = s?.outbox ?? 0;
    return html`
      <span data-outbox=${n}>${n ? t('waiting', { n }) : t('none')}</span>
      ${
        !n
          ? ''
          : s?.connected
            ? html`<button type="button" data-action="push" ?disabled=${!!this.progress} @click=${this.push}>${t('push')}</button>`
            : html`<span class="muted">${t('signIn')}</span>`
      }
      ${this.progress ? html`<progress max=${this.total} value=${this.done}></progress><span role="status">${this.progress}</span>` : ''}
      ${this.result ? html`<span role="status">${this.result}</span>` : ''}
      ${this.failures.length ? html`<ul class="error">${this.failures.map((f) => html`<li>${f}</li>`)}</ul>` : ''}
    `;
  }
}
customElements.define('cs-team-outbox', CsTeamOutbox);

declare global {
  interface HTMLElementTagNameMap {
    'cs-team-outbox': CsTeamOutbox;
  }
}
