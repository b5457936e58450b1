import { LitElement, css, html } from 'lit';
import type { ApiValue } from '../../main/core/api.js';
import { FRAUD_TYPES, GOODS_CATEGORIES, type FraudType, type GoodsCategory } from '../../main/core/slogan/vocabulary.js';
import { call, errorMessage } from './data/api-client.js';
import { controls } from './shared-styles.js';

const RHYME_LABELS = { 'same-character': '同字', homophone: '同音', 'rhyme-group': '同韵', none: '不押韵' } as const;
const CHECK_DELAY_MS = 120;

type Check = ApiValue<'checkSlogan'>;
type Candidates = ApiValue<'suggestSlogans'>;

/** Beside the slogan field: the rhyme verdict as the user types, and suggestions to insert. Fires `slogan-insert` {text}. */
export class CsSloganAssistant extends LitElement {
  static override properties = {
    text: { attribute: false },
    check: { state: true },
    checkError: { state: true },
    goods: { state: true },
    fraud: { state: true },
    suggestions: { state: true },
    suggestError: { state: true },
    busy: { state: true },
  };
  text = '';
  check: Check | null = null;
  checkError = '';
  goods: GoodsCategory = 'vegetables';
  fraud: FraudType = 'general';
  suggestions: Candidates = [];
  suggestError = '';
  busy = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;

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
      this.suggestError = this.suggestions.length ? '' : '没有找到合适的标语，换个类别试试。';
    } catch (e) {
      this.suggestError = errorMessage(e);
    } finally {
      this.busy = false;
    }
  }

  private insert(text: string) {
    this.dispatchEvent(new CustomEvent('slogan-insert', { detail: { text }, bubbles: true, composed: true }));
  }

  private renderVerdict() {
    const c = this.check;
    if (this.checkError) return html`<p class="muted">${this.checkError}</p>`;
    if (!c) return html`<p class="muted">输入标语后显示押韵情况。</p>`;
    const [a, b] = c.ends;
    return html`
      <div class="verdict">
        <span class="tag ${c.rhyme === 'none' ? 'none' : ''}" data-rhyme=${c.rhyme}>${RHYME_LABELS[c.rhyme]}</span>
        <span>${a.char}（${a.pinyin}${a.group ? ` · ${a.group}韵` : ''}） / ${b.char}（${b.pinyin}${b.group ? ` · ${b.group}韵` : ''}）</span>
      </div>
      <div class="muted">${c.form} · ${c.explanation}</div>
    `;
  }

  override render() {
    return html`
      <section class="panel" aria-labelledby="sa-h">
        <h2 id="sa-h">标语助手</h2>
        <div aria-live="polite" id="verdict">${this.renderVerdict()}</div>
        <h3>按摊位找标语</h3>
        <div class="row">
          <div>
            <label for="goods">商品类别</label>
            <select id="goods" .value=${this.goods} @change=${(e: Event) => (this.goods = (e.target as HTMLSelectElement).value as GoodsCategory)}>
              ${Object.entries(GOODS_CATEGORIES).map(([id, label]) => html`<option value=${id} ?selected=${id === this.goods}>${label}</option>`)}
            </select>
          </div>
          <div>
            <label for="fraud">诈骗类型</label>
            <select id="fraud" .value=${this.fraud} @change=${(e: Event) => (this.fraud = (e.target as HTMLSelectElement).value as FraudType)}>
              ${Object.entries(FRAUD_TYPES).map(([id, label]) => html`<option value=${id} ?selected=${id === this.fraud}>${label}</option>`)}
            </select>
          </div>
        </div>
        <button type="button" class="secondary" ?disabled=${this.busy} @click=${this.suggest}>${this.busy ? '正在生成…' : '推荐标语'}</button>
        ${this.suggestError ? html`<p class="muted">${this.suggestError}</p>` : ''}
        ${this.suggestions.length
          ? html`<ul aria-label="推荐标语（点击填入）">
              ${this.suggestions.map((s) => html`<li><button type="button" class="suggestion" @click=${() => this.insert(s.text)}><span>${s.text}</span><span class="kind">${RHYME_LABELS[s.rhyme]}</span></button></li>`)}
            </ul>`
          : ''}
      </section>
    `;
  }
}
customElements.define('cs-slogan-assistant', CsSloganAssistant);
