import { LitElement, css, html } from 'lit';
import type { TemplateSummary } from '../../main/core/api.js';
import type { Kind } from '../../main/core/index.js';
import { resourceUrl } from './data/api-client.js';
import { controls } from './shared-styles.js';

const KIND_LABELS: Record<Kind, string> = {
  banner: '横幅',
  'vertical-banner': '竖幅',
  poster: '海报',
  rollup: '易拉宝',
  'x-stand': 'X 展架',
  'table-card': '桌牌',
  sign: '展板',
  sticker: '贴纸',
  wechat: '微信图片',
};
const KIND_ORDER = Object.keys(KIND_LABELS) as Kind[];

function sizeText(t: TemplateSummary): string {
  if (t.widthPx && t.heightPx) return `${t.widthPx}×${t.heightPx} 像素`;
  const cm = (mm: number) => (Math.round(mm / 10) === mm / 10 ? String(mm / 10) : (mm / 10).toFixed(1));
  return `${cm(t.widthMm)}×${cm(t.heightMm)} 厘米`;
}

/** Templates grouped by kind, with the engine's own thumbnails. Fires `template-open` {id}. */
export class CsGallery extends LitElement {
  static override properties = { templates: { attribute: false } };
  templates: TemplateSummary[] = [];

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
    `,
  ];

  private open(id: string) {
    this.dispatchEvent(new CustomEvent('template-open', { detail: { id }, bubbles: true, composed: true }));
  }

  override render() {
    const groups = KIND_ORDER.map((k) => [k, this.templates.filter((t) => t.kind === k)] as const).filter(([, ts]) => ts.length);
    return html`
      <h1 class="visually-hidden" hidden>模板库</h1>
      ${groups.map(
        ([kind, ts]) => html`
          <section aria-labelledby="kind-${kind}">
            <h2 id="kind-${kind}">${KIND_LABELS[kind]}</h2>
            <ul>
              ${ts.map(
                (t) => html`
                  <li>
                    <button class="card" type="button" data-template=${t.id} aria-label="${t.title}，${sizeText(t)}" @click=${() => this.open(t.id)}>
                      <span class="thumb"><img src=${resourceUrl(t.thumbnail)} alt="" loading="lazy"></span>
                      <span class="meta">
                        <span class="title">${t.title}</span>
                        <div class="desc">${sizeText(t)}${t.description ? ` · ${t.description}` : ''}</div>
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
