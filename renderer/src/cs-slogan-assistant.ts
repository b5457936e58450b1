import { LitElement, css, html, nothing } from 'lit';
import type { ApiValue } from '../../main/core/api.js';
import type { StudioDesign } from '../../main/core/design/design.js';
import { FRAUD_TYPES, GOODS_CATEGORIES, type FraudType, type GoodsCategory } from '../../main/core/slogan/names.js';
import { call, errorMessage } from './data/api-client.js';
import { fire } from './events.js';
import { LocaleController, defineMessages, locale } from './i18n/i18n.js';
import { controls } from './shared-styles.js';

const t = defineMessages({
  title: { zh: '标语助手', en: 'Slogan assistant' },
  'same-character': { zh: '同字', en: 'Same character' },
  homophone: { zh: '同音', en: 'Homophone' },
  'rhyme-group': { zh: '同韵', en: 'Rhymes' },
  none: { zh: '不押韵', en: 'No rhyme' },
  rhymeGroup: { zh: ' · {g}韵', en: ' · rhyme {g}' },
  typeFirst: { zh: '输入标语后显示押韵情况。', en: 'Type a slogan to see whether it rhymes.' },
  byStall: { zh: '按摊位找标语', en: 'Slogans for a stall' },
  goods: { zh: '商品类别', en: 'Goods' },
  fraud: { zh: '诈骗类型', en: 'Fraud type' },
  suggest: { zh: '推荐标语', en: 'Suggest slogans' },
  suggesting: { zh: '正在生成…', en: 'Finding…' },
  noneFound: { zh: '没有找到合适的标语，换个类别试试。', en: 'No slogan found; try another category.' },
  listLabel: { zh: '推荐标语（点击填入）', en: 'Suggested slogans (click to use)' },
  script: { zh: '繁简转换', en: 'Traditional / Simplified' },
  scriptHint: { zh: '转换整个设计中的全部文字。', en: 'Converts every text of the design.' },
  toTraditional: { zh: '转为繁体', en: 'To Traditional' },
  toSimplified: { zh: '转为简体', en: 'To Simplified' },
  converting: { zh: '正在转换…', en: 'Converting…' },
  unchanged: { zh: '没有需要转换的字。', en: 'Nothing to convert.' },
  done: { zh: '已转换，可用“撤销”恢复。', en: 'Converted; Undo brings it back.' },
});

/** English names for the slogan library's categories (the library itself is Chinese). */
const GOODS_EN: Record<GoodsCategory, string> = {
  fish: 'Fish',
  seafood: 'Seafood',
  vegetables: 'Vegetables',
  poultry: 'Poultry',
  eggs: 'Eggs',
  fruit: 'Fruit',
  melons: 'Melons',
  meat: 'Meat',
  mushrooms: 'Mushrooms',
  seasonings: 'Seasonings',
  'grain-oil': 'Grain and oil',
  'dry-goods': 'Dry goods',
  snacks: 'Snacks',
  tofu: 'Tofu products',
};
const FRAUD_EN: Record<FraudType, string> = {
  rebate: 'Click-farming rebates',
  investment: 'Fake online investment',
  shopping: 'Fake shopping and services',
  'fake-service': 'Fake e-commerce or courier support',
  loan: 'Fake loans',
  credit: 'Fake credit repair',
  'fake-acquaintance': 'Posing as a boss or acquaintance',
  'fake-officials': 'Posing as police or officials',
  romance: 'Online romance',
  gaming: 'Fake game trading',
  general: 'General reminders',
};
const goodsName = (g: GoodsCategory) => (locale() === 'en' ? GOODS_EN[g] : GOODS_CATEGORIES[g]);
const fraudName = (f: FraudType) => (locale() === 'en' ? FRAUD_EN[f] : FRAUD_TYPES[f]);
const textsOf = (d: StudioDesign) => JSON.stringify(d.elements.map((e) => (e.type === 'text' ? e.text : '')));
const CHECK_DELAY_MS = 120;

type Check = ApiValue<'checkSlogan'>;
type Candidates = ApiValue<'suggestSlogans'>;

/**
 * Beside the slogan field: the rhyme verdict as the user types, suggestions to insert, and
 * traditional/simplified conversion of the whole design. Fires `slogan-insert` {text} and
 * `design-change` {design, label}.
 */
export class CsSloganAssistant extends LitElement {
  static override properties = {
    text: { attribute: false },
    design: { attribute: false },
    converting: { state: true },
    scriptNote: { state: true },
    check: { state: true },
    checkError: { state: true },
    goods: { state: true },
    fraud: { state: true },
    suggestions: { state: true },
    suggestError: { state: true },
    busy: { state: true },
  };
  text = '';
  design: StudioDesign | undefined;
  converting = false;
  scriptNote = '';
  check: Check | null = null;
  checkError = '';
  goods: GoodsCategory = 'vegetables';
  fraud: FraudType = 'general';
  suggestions: Candidates = [];
  suggestError = '';
  busy = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;
  private readonly i18n = new LocaleController(this);

  static override styles = [
    controls,
    css`
      .verdict { display: flex; align-items: baseline; gap: 10px; flex-wrap: wrap; margin-bottom: 6px; }
      .tag { font-weight: 700; padding: 2px 10px; border-radius: 999px; color: #fff; background: var(--cs-ok); }
      .tag.none { background: var(--cs-warn); }
      .row { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; margin: 16px 0 12px; }
      ul { list-style: none; padding: 0; margin: 12px 0 0; display: flex; flex-direction: column; gap: 6px; }
      li button { width: 100%; text-align: left; background: #f5f8fd; color: var(--cs-text); border-color: var(--cs-border); display: flex; justify-content: space-between; gap: 8px; }
      li button:hover { background: #e6eefb; }
      .kind { color: var(--cs-muted); font-size: 12px; white-space: nowrap; }
      h3 { font-size: 15px; margin: 18px 0 0; }
      .script { display: flex; gap: 8px; flex-wrap: wrap; margin-top: 10px; }
      .script-note { margin: 6px 0 0; }
    `,
  ];

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('text')) {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.runCheck(), changed.get('text') === undefined ? 0 : CHECK_DELAY_MS);
    }
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  private async runCheck() {
    const seq = ++this.seq;
    const text = this.text.trim();
    if (!text) {
      this.check = null;
      this.checkError = '';
      return;
    }
    try {
      const c = await call('checkSlogan', { text });
      if (seq !== this.seq) return;
      this.check = c;
      this.checkError = '';
    } catch (e) {
      if (seq !== this.seq) return;
      this.check = null;
      this.checkError = errorMessage(e);
    }
  }

  private async suggest() {
    this.busy = true;
    try {
      this.suggestions = await call('suggestSlogans', { goods: this.goods, fraudTypes: [this.fraud], count: 8 });
      this.suggestError = this.suggestions.length ? '' : t('noneFound');
    } catch (e) {
      this.suggestError = errorMessage(e);
    } finally {
      this.busy = false;
    }
  }

  private async convert(to: 'traditional' | 'simplified') {
    const design = this.design;
    if (!design) return;
    this.converting = true;
    this.scriptNote = '';
    try {
      const r = await call('convertScript', { design, to });
      if (!('design' in r)) return;
      if (textsOf(r.design) === textsOf(design)) {
        this.scriptNote = t('unchanged');
        return;
      }
      this.scriptNote = t('done');
      const label = to === 'traditional' ? t('toTraditional') : t('toSimplified');
      fire(this, 'design-change', { design: r.design, label });
    } catch (e) {
      this.scriptNote = errorMessage(e);
    } finally {
      this.converting = false;
    }
  }

  private insert(text: string) {
    fire(this, 'slogan-insert', { text });
  }

  private renderVerdict() {
    const c = this.check;
    if (this.checkError) return html`<p class="muted">${this.checkError}</p>`;
    if (!c) return html`<p class="muted">${t('typeFirst')}</p>`;
    const [a, b] = c.ends;
    const end = (x: typeof a) => `${x.char}（${x.pinyin}${x.group ? t('rhymeGroup', { g: x.group }) : ''}）`;
    return html`
      <div class="verdict">
        <span class="tag ${c.rhyme === 'none' ? 'none' : ''}" data-rhyme=${c.rhyme}>${t(c.rhyme)}</span>
        <span>${end(a)} / ${end(b)}</span>
      </div>
      <div class="muted">${c.form} · ${c.explanation}</div>
    `;
  }

  override render() {
    return html`
      <section class="panel" aria-labelledby="sa-h">
        <h2 id="sa-h">${t('title')}</h2>
        <div aria-live="polite" id="verdict">${this.renderVerdict()}</div>
        <h3>${t('byStall')}</h3>
        <div class="row">
          <div>
            <label for="goods">${t('goods')}</label>
            <select id="goods" .value=${this.goods} @change=${(e: Event) => (this.goods = (e.target as HTMLSelectElement).value as GoodsCategory)}>
              ${(Object.keys(GOODS_CATEGORIES) as GoodsCategory[]).map((id) => html`<option value=${id} ?selected=${id === this.goods}>${goodsName(id)}</option>`)}
            </select>
          </div>
          <div>
            <label for="fraud">${t('fraud')}</label>
            <select id="fraud" .value=${this.fraud} @change=${(e: Event) => (this.fraud = (e.target as HTMLSelectElement).value as FraudType)}>
              ${(Object.keys(FRAUD_TYPES) as FraudType[]).map((id) => html`<option value=${id} ?selected=${id === this.fraud}>${fraudName(id)}</option>`)}
            </select>
          </div>
        </div>
        <button type="button" class="secondary" ?disabled=${this.busy} @click=${this.suggest}>${this.busy ? t('suggesting') : t('suggest')}</button>
        ${this.suggestError ? html`<p class="muted">${this.suggestError}</p>` : ''}
        ${
          this.suggestions.length
            ? html`<ul aria-label=${t('listLabel')}>
              ${this.suggestions.map((s) => html`<li><button type="button" class="suggestion" @click=${() => this.insert(s.text)}><span>${s.text}</span><span class="kind">${t(s.rhyme)}</span></button></li>`)}
            </ul>`
            : ''
        }
        ${
          this.design
            ? html`<h3>${t('script')}</h3>
            <div class="script" role="group" aria-label=${t('script')} aria-describedby="script-hint">
              <button type="button" class="secondary to-traditional" ?disabled=${this.converting} @click=${() => this.convert('traditional')}>${t('toTraditional')}</button>
              <button type="button" class="secondary to-simplified" ?disabled=${this.converting} @click=${() => this.convert('simplified')}>${t('toSimplified')}</button>
            </div>
            <p class="muted script-note" id="script-hint" aria-live="polite">${this.converting ? t('converting') : this.scriptNote || t('scriptHint')}</p>`
            : nothing
        }
      </section>
    `;
  }
}
customElements.define('cs-slogan-assistant', CsSloganAssistant);

declare global {
  interface HTMLElementTagNameMap {
    'cs-slogan-assistant': CsSloganAssistant;
  }
}
