import { LitElement, css, html, nothing } from 'lit';
import type { TemplateSummary } from '../../main/core/api.js';
import type { Kind } from '../../main/core/design/format.js';
import type { Style } from '../../main/core/style-names.js';
import { resourceUrl } from './data/api-client.js';
import { KIND_ORDER, kindName, styleName } from './data/kind-names.js';
import { recentDesigns, type RecentDesign } from './data/recent.js';
import { agoText } from './cs-recovery-prompt.js';
import { fire } from './events.js';
import { defineMessages, LocaleController } from './i18n/i18n.js';
import { controls } from './shared-styles.js';

const t = defineMessages({
  heading: { zh: '开始制作', en: 'Start' },
  intro: {
    zh: '接着做最近的设计，或从模板开始，或打开保存过的设计文件。',
    en: 'Carry on with a recent design, start from a template, or open a design file.',
  },
  open: { zh: '打开设计文件…', en: 'Open design file…' },
  recent: { zh: '最近的设计', en: 'Recent designs' },
  templates: { zh: '模板', en: 'Templates' },
  search: { zh: '搜索模板', en: 'Search templates' },
  searchHint: { zh: '如：横幅、菜场、蓝', en: 'e.g. banner, market, blue' },
  kind: { zh: '种类', en: 'Kind' },
  size: { zh: '尺寸', en: 'Size' },
  style: { zh: '风格', en: 'Style' },
  all: { zh: '全部', en: 'All' },
  count: { zh: '{n} 个模板', en: '{n} templates' },
  none: {
    zh: '没有符合条件的模板：换个词或清除筛选。',
    en: 'No template matches: try another word or clear the filters.',
  },
  clear: { zh: '清除筛选', en: 'Clear filters' },
  px: { zh: '{w}×{h} 像素', en: '{w}×{h} px' },
  cm: { zh: '{w}×{h} 厘米', en: '{w}×{h} cm' },
  m: { zh: '{w}×{h} 米', en: '{w}×{h} m' },
  edited: { zh: '{ago}编辑', en: 'edited {ago}' },
});

function sizeText(s: TemplateSummary): string {
  if (s.widthPx && s.heightPx) return t('px', { w: s.widthPx, h: s.heightPx });
  const n = (v: number) => String(Math.round(v * 10) / 10);
  if (Math.max(s.widthMm, s.heightMm) >= 1500) return t('m', { w: n(s.widthMm / 1000), h: n(s.heightMm / 1000) });
  return t('cm', { w: n(s.widthMm / 10), h: n(s.heightMm / 10) });
}

interface Filters {
  q: string;
  kind: Kind | '';
  size: string;
  style: Style | '';
}
const NONE: Filters = { q: '', kind: '', size: '', style: '' };

/**
 * The start screen: recent designs (with a picture of each), then the templates — searched by
 * name and filtered by kind, size and style, grouped by kind, with the engine's own thumbnails.
 * Fires `design-open` {design, recentId}, `template-open` {id} and `doc-command` {command: 'open'}.
 */
export class CsGallery extends LitElement {
  static override properties = { templates: { attribute: false }, filters: { state: true }, recent: { state: true } };
  templates: TemplateSummary[] = [];
  filters: Filters = NONE;
  recent: RecentDesign[] = [];
  private readonly i18n = new LocaleController(this);

  static override styles = [
    controls,
    css`
      section { margin-bottom: 30px; }
      h2 { font-size: 18px; border-left: 4px solid var(--cs-blue); padding-left: 10px; }
      ul { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(210px, 1fr)); gap: 18px; }
      button.card {
        all: unset; box-sizing: border-box; display: flex; flex-direction: column; width: 100%; height: 100%;
        background: #fff; border: 1px solid var(--cs-border); border-radius: 10px; overflow: hidden; cursor: pointer;
        transition: box-shadow 0.15s, transform 0.15s;
      }
      button.card:hover { box-shadow: 0 6px 18px rgba(11, 61, 145, 0.18); transform: translateY(-2px); }
      button.card:focus-visible { outline: 3px solid var(--cs-focus); outline-offset: 2px; }
      .thumb { height: 140px; display: flex; align-items: center; justify-content: center; background: #e9edf3; padding: 10px; }
      .thumb img { max-width: 100%; max-height: 100%; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25); }
      .meta { padding: 10px 12px; }
      .title { font-weight: 600; }
      .desc { color: var(--cs-muted); font-size: 13px; margin-top: 4px; }
      .intro { display: flex; align-items: center; gap: 16px; margin-bottom: 20px; flex-wrap: wrap; }
      .intro h1 { font-size: 22px; margin: 0; }
      .intro p { margin: 0; flex: 1; color: var(--cs-muted); }
      .filters { display: flex; gap: 10px 14px; flex-wrap: wrap; align-items: end; margin-bottom: 18px; }
      .filters > div { display: flex; flex-direction: column; }
      .filters label { font-size: 13px; margin-bottom: 4px; }
      .filters input { width: 240px; border: 1px solid var(--cs-border); border-radius: 6px; padding: 8px 10px; background: #fff; }
      .filters select { width: auto; min-width: 130px; }
      .filters input, .filters select { box-sizing: border-box; height: 38px; }
      ul.recent { grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); }
      ul.recent .thumb { height: 110px; }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    void recentDesigns().then((r) => (this.recent = r));
  }

  private set(patch: Partial<Filters>) {
    this.filters = { ...this.filters, ...patch };
  }

  private fits(s: TemplateSummary, f: Filters, skip?: keyof Filters): boolean {
    const q = f.q.trim().toLowerCase();
    return (
      (skip === 'q' || !q || `${s.title} ${s.description} ${s.id}`.toLowerCase().includes(q)) &&
      (skip === 'kind' || !f.kind || s.kind === f.kind) &&
      (skip === 'size' || !f.size || sizeText(s) === f.size) &&
      (skip === 'style' || !f.style || s.style === f.style)
    );
  }

  private filterBar() {
    const f = this.filters;
    const pool = (skip: keyof Filters) => this.templates.filter((s) => this.fits(s, f, skip));
    const kinds = KIND_ORDER.filter((k) => pool('kind').some((s) => s.kind === k));
    const sizes = [
      ...new Map(
        pool('size')
          .sort((a, b) => a.widthMm * a.heightMm - b.widthMm * b.heightMm)
          .map((s) => [sizeText(s), s]),
      ).keys(),
    ];
    const styles = [...new Set(pool('style').flatMap((s) => (s.style ? [s.style] : [])))];
    const select = <V extends string>(
      name: keyof Filters,
      label: string,
      value: string,
      options: V[],
      text: (v: V) => string,
    ) =>
      html`<div><label for="f-${name}">${label}</label><select id="f-${name}" name=${name} @change=${(e: Event) => this.set({ [name]: (e.target as HTMLSelectElement).value })}>
        <option value="" .selected=${value === ''}>${t('all')}</option>
        ${options.map((o) => html`<option value=${o} .selected=${value === o}>${text(o)}</option>`)}
      </select></div>`;
    return html`<div class="filters" role="search">
      <div><label for="f-q">${t('search')}</label><input id="f-q" type="search" name="q" .value=${f.q} placeholder=${t('searchHint')}
        @input=${(e: Event) => this.set({ q: (e.target as HTMLInputElement).value })}></div>
      ${select('kind', t('kind'), f.kind, kinds, (k) => kindName(k))}
      ${select('size', t('size'), f.size, sizes, (s) => s)}
      ${styles.length ? select('style', t('style'), f.style, styles, (s) => styleName(s)) : nothing}
      ${f !== NONE ? html`<button type="button" class="secondary clear" @click=${() => (this.filters = NONE)}>${t('clear')}</button>` : nothing}
    </div>`;
  }

  private card(
    id: string,
    title: string,
    desc: string,
    img: string | undefined,
    label: string,
    open: () => void,
    attr: 'template' | 'recent',
  ) {
    return html`<li><button class="card" type="button" data-template=${attr === 'template' ? id : nothing} data-recent=${attr === 'recent' ? id : nothing}
      aria-label=${label} @click=${open}>
      <span class="thumb">${img ? html`<img src=${img} alt="" loading="lazy">` : nothing}</span>
      <span class="meta"><span class="title">${title}</span><div class="desc">${desc}</div></span>
    </button></li>`;
  }

  override render() {
    const shown = this.templates.filter((s) => this.fits(s, this.filters));
    const groups = KIND_ORDER.map((k) => [k, shown.filter((s) => s.kind === k)] as const).filter(([, ts]) => ts.length);
    const now = Date.now();
    return html`
      <div class="intro">
        <h1>${t('heading')}</h1>
        <p>${t('intro')}</p>
        <button type="button" class="secondary open-file" @click=${() => fire(this, 'doc-command', { command: 'open' })}>${t('open')}</button>
      </div>
      ${
        this.recent.length
          ? html`<section aria-labelledby="recent-h"><h2 id="recent-h">${t('recent')}</h2><ul class="recent">
            ${this.recent.map((r) => {
              const ago = t('edited', { ago: agoText(Math.round((now - r.at) / 60_000)) });
              return this.card(
                r.id,
                r.name,
                ago,
                r.thumb,
                `${r.name}, ${ago}`,
                () => fire(this, 'design-open', { design: r.design, recentId: r.id }),
                'recent',
              );
            })}</ul></section>`
          : nothing
      }
      <h2>${t('templates')}</h2>
      ${this.filterBar()}
      <p class="muted" aria-live="polite">${shown.length ? t('count', { n: shown.length }) : t('none')}</p>
      ${groups.map(
        ([kind, ts]) => html`<section aria-labelledby="kind-${kind}">
          <h2 id="kind-${kind}">${kindName(kind)}</h2>
          <ul>${ts.map((s) => this.card(s.id, s.title, `${sizeText(s)}${s.style ? ` · ${styleName(s.style)}` : ''}${s.description ? ` · ${s.description}` : ''}`, resourceUrl(s.thumbnail), `${s.title}, ${sizeText(s)}`, () => fire(this, 'template-open', { id: s.id }), 'template'))}</ul>
        </section>`,
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
