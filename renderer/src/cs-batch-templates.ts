import { LitElement, css, html } from 'lit';
import type { TemplateSummary } from '../../main/core/api.js';
import { resourceUrl } from './data/api-client.js';
import { KIND_ORDER, kindName } from './data/kind-names.js';
import { defineMessages, LocaleController } from './i18n/i18n.js';
import { controls } from './shared-styles.js';
import { fire } from './events.js';

const t = defineMessages({
  slots: { zh: '可填：{list}', en: 'Fills: {list}' },
  choose: { zh: '选择模板', en: 'Choose a template' },
});

/** Templates grouped by kind, with thumbnails, as a single choice. Fires `template-pick` {id}. */
export class CsBatchTemplates extends LitElement {
  static override properties = { templates: { attribute: false }, selected: { attribute: false } };
  templates: TemplateSummary[] = [];
  selected: string | null = null;
  private readonly i18n = new LocaleController(this);

  static override styles = [
    controls,
    css`
      :host { display: block; max-height: 430px; overflow: auto; padding: 4px 6px 4px 4px; }
      h3 { font-size: 14px; margin: 14px 0 8px; color: var(--cs-muted); }
      h3:first-child { margin-top: 0; }
      ul { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(250px, 1fr)); gap: 10px; }
      button.card {
        all: unset; box-sizing: border-box; display: flex; gap: 10px; align-items: center; width: 100%; height: 100%; padding: 8px;
        background: #fff; border: 1px solid var(--cs-border); border-radius: 8px; cursor: pointer;
      }
      button.card:hover { border-color: var(--cs-blue); }
      button.card[aria-pressed='true'] { border: 2px solid var(--cs-blue); background: #eef3fb; padding: 7px; }
      button.card:focus-visible { outline: 3px solid var(--cs-focus); outline-offset: 2px; }
      .thumb { flex: 0 0 72px; height: 52px; display: flex; align-items: center; justify-content: center; background: #e9edf3; border-radius: 4px; }
      .thumb img { max-width: 66px; max-height: 46px; box-shadow: 0 1px 3px rgba(0, 0, 0, 0.25); }
      .title { font-size: 13px; font-weight: 600; line-height: 1.35; }
      .slots { font-size: 12px; color: var(--cs-muted); }
    `,
  ];

  private pick(id: string) {
    fire(this, 'template-pick', { id });
  }

  override render() {
    const groups = KIND_ORDER.map((k) => [k, this.templates.filter((x) => x.kind === k)] as const).filter(
      ([, ts]) => ts.length,
    );
    return html`
      <div role="group" aria-label=${t('choose')}>
        ${groups.map(
          ([kind, ts]) => html`
          <h3>${kindName(kind)}</h3>
          <ul>
            ${ts.map(
              (x) => html`
              <li>
                <button class="card" type="button" data-template=${x.id} aria-pressed=${this.selected === x.id ? 'true' : 'false'} @click=${() => this.pick(x.id)}>
                  <span class="thumb"><img src=${resourceUrl(x.thumbnail)} alt="" loading="lazy"></span>
                  <span>
                    <span class="title">${x.title}</span>
                    <div class="slots">${t('slots', { list: x.slots.map((s) => s.label).join('、') })}</div>
                  </span>
                </button>
              </li>`,
            )}
          </ul>`,
        )}
      </div>
    `;
  }
}
customElements.define('cs-batch-templates', CsBatchTemplates);

declare global {
  interface HTMLElementTagNameMap {
    'cs-batch-templates': CsBatchTemplates;
  }
}
