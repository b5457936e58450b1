import { LitElement, css, html } from 'lit';
import type { SharedTemplateCard } from '../../main/core/api-team.js';
import { call, errorMessage } from './data/api-client.js';
import { kindLabel } from './data/library-labels.js';
import { TeamController } from './data/team-store.js';
import { fire } from './events.js';
import { defineMessages, LocaleController } from './i18n/i18n.js';
import { controls } from './shared-styles.js';

const t = defineMessages({
  heading: { zh: '市局共享模板', en: 'Shared by the city centre' },
  badge: { zh: '市局共享', en: 'City shared' },
  version: { zh: '第 {v} 版 · {date} · {by}', en: 'Version {v} · {date} · {by}' },
  opening: { zh: '正在打开…', en: 'Opening…' },
});

/**
 * Templates the city centre published on the team server (issue #17 §4), above the bundled ones in
 * the gallery, each marked 市局共享. Shown only while signed in; opening one fires `design-open`.
 */
export class CsTeamShared extends LitElement {
  static override properties = { templates: { state: true }, error: { state: true }, busy: { state: true } };
  templates: SharedTemplateCard[] = [];
  error = '';
  busy = '';
  private readonly team = new TeamController(this);
  private readonly i18n = new LocaleController(this);
  private loadedFor = '';

  static override styles = [
    controls,
    css`
      :host { display: block; }
      section { margin-bottom: 32px; }
      h2 { font-size: 18px; border-left: 4px solid var(--cs-red); padding-left: 10px; }
      ul { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 16px; }
      button.card { all: unset; box-sizing: border-box; display: grid; gap: 6px; width: 100%; background: #fff; border: 1px solid var(--cs-border); border-top: 4px solid var(--cs-red); border-radius: 10px; padding: 12px 14px; cursor: pointer; }
      button.card:hover { box-shadow: 0 6px 18px rgba(11, 61, 145, 0.18); }
      button.card:focus-visible { outline: 3px solid var(--cs-focus); outline-offset: 2px; }
      .badge { justify-self: start; background: var(--cs-red); color: #fff; border-radius: 4px; padding: 1px 8px; font-size: 12px; font-weight: 700; }
      .title { font-weight: 700; }
    `,
  ];

  override updated() {
    const s = this.team.state;
    const key = s?.connected ? `${s.server}|${s.me?.name}` : '';
    if (key === this.loadedFor) return;
    this.loadedFor = key;
    if (!key) this.templates = [];
    else
      void call('teamTemplates', {})
        .then((r) => (this.templates = r.templates))
        .catch(() => (this.templates = []));
  }

  private async open(id: string) {
    this.busy = id;
    this.error = '';
    try {
      fire(this, 'design-open', { design: await call('teamOpenTemplate', { id }) });
    } catch (e) {
      this.error = errorMessage(e);
    } finally {
      this.busy = '';
    }
  }

  override render() {
    if (!this.templates.length) return html``;
    return html`<section aria-label=${t('heading')}>
      <h2>${t('heading')}</h2>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      <ul>${this.templates.map(
        (
          tpl,
        ) => html`<li><button type="button" class="card" data-shared-template=${tpl.id} @click=${() => this.open(tpl.id)}>
          <span class="badge">${t('badge')}</span>
          <span class="title">${tpl.title}</span>
          <span class="muted">${kindLabel(tpl.kind)}</span>
          <span class="muted">${this.busy === tpl.id ? t('opening') : t('version', { v: tpl.version, date: tpl.updatedAt.slice(0, 10), by: tpl.updatedBy })}</span>
        </button></li>`,
      )}</ul>
    </section>`;
  }
}
customElements.define('cs-team-shared', CsTeamShared);

declare global {
  interface HTMLElementTagNameMap {
    'cs-team-shared': CsTeamShared;
  }
}
