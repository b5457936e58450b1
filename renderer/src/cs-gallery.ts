import { LitElement, css, html } from 'lit';
import type { TemplateSummary } from '../../main/core/api.js';
import { resourceUrl } from './data/api-client.js';
import { KIND_ORDER, kindName } from './data/kind-names.js';
import { fire } from './events.js';
import { defineMessages, LocaleController } from './i18n/i18n.js';
import { controls } from './shared-styles.js';

const t = defineMessages({
  heading: { zh: '选择模板', en: 'Pick a template' },
  intro: {
    zh: '选一个版式开始，或打开保存过的设计文件。',
    en: 'Start from a format, or open a design file you saved.',
  },
  open: { zh: '打开设计文件…', en: 'Open design file…' },
  px: { zh: '{w}×{h} 像素', en: '{w}×{h} px' },
  cm: { zh: '{w}×{h} 厘米', en: '{w}×{h} cm' },
});

function sizeText(s: TemplateSummary): string {
  if (s.widthPx && s.heightPx) return t('px', { w: s.widthPx, h: s.heightPx });
  const cm = (mm: number) => (Math.round(mm / 10) === mm / 10 ? String(mm / 10) : (mm / 10).toFixed(1));
  return t('cm', { w: cm(s.widthMm), h: cm(s.heightMm) });
}

/** Templates grouped by kind, with the engine's own thumbnails. Fires `template-open` {id} and `doc-command` {command: 'open'}. */
export class CsGallery extends LitElement {
  static override properties = { templates: { attribute: false } };
  templates: TemplateSummary[] = [];
  private readonly i18n = new LocaleController(this);

  static override styles = [
    controls,
    css`
      section { margin-bottom: 36px; }
      h2 { font-size: 18px; border-left: 4px solid var(--cs-blue); padding-left: 10px; }
      ul { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 20px; }
      button.card {
        all: unset; box-sizing: border-box; display: flex; flex-direction: column; width: 100%; height: 100%;
        background: #fff; border: 1px solid var(--cs-border); border-radius: 10px; overflow: hidden; cursor: pointer;
        transition: box-shadow 0.15s, transform 0.15s;
      }
      button.card:hover { box-shadow: 0 6px 18px rgba(11, 61, 145, 0.18); transform: translateY(-2px); }
      button.card:focus-visible { outline: 3px solid var(--cs-focus); outline-offset: 2px; }
      .thumb { height: 150px; display: flex; align-items: center; justify-content: center; background: #e9edf3; padding: 10px; }
      .thumb img { max-width: 100%; max-height: 100%; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25); }
      .meta { padding: 12px 14px; }
      .title { font-weight: 600; }
      .desc { color: var(--cs-muted); font-size: 13px; margin-top: 4px; }
      .intro { display: flex; align-items: center; gap: 16px; margin-bottom: 24px; flex-wrap: wrap; }
      .intro h1 { font-size: 22px; margin: 0; }
      .intro p { margin: 0; flex: 1; color: var(--cs-muted); }
    `,
  ];

  private open(id: string) {
    fire(this, 'template-open', { id });
  }

  override render() {
    const groups = KIND_ORDER.map((k) => [k, this.templates.filter((s) => s.kind === k)] as const).filter(
      ([, ts]) => ts.length,
    );
    return html`
      <div class="intro">
        <h1>${t('heading')}</h1>
        <p>${t('intro')}</p>
        <button type="button" class="secondary open-file"
          @click=${() => fire(this, 'doc-command', { command: 'open' })}>${t('open')}</button>
      </div>
      ${groups.map(
        ([kind, ts]) => html`
          <section aria-labelledby="kind-${kind}">
            <h2 id="kind-${kind}">${kindName(kind)}</h2>
            <ul>
              ${ts.map(
                (s) => html`
                  <li>
                    <button class="card" type="button" data-template=${s.id} aria-label="${s.title}, ${sizeText(s)}" @click=${() => this.open(s.id)}>
                      <span class="thumb"><img src=${resourceUrl(s.thumbnail)} alt="" loading="lazy"></span>
                      <span class="meta">
                        <span class="title">${s.title}</span>
                        <div class="desc">${sizeText(s)}${s.description ? ` · ${s.description}` : ''}</div>
                      </span>
                    </button>
                  </li>
                `,
              )}
            </ul>
          </section>
        `,
      )}
    `;
  }
}
customElements.define('cs-gallery', CsGallery);

declare global {
  interface HTMLElementTagNameMap {
    'cs-gallery': CsGallery;
  }
}
