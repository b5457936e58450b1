import { LitElement, css, html } from 'lit';
import { live } from 'lit/directives/live.js';
import type { StallJingle, StallPlan } from '../../main/core/kit.js';
import { FRAUD_TYPES } from '../../main/core/slogan/names.js';
import { fire } from './events.js';
import { defineMessages, LocaleController } from './i18n/i18n.js';
import { controls } from './shared-styles.js';

const t = defineMessages({
  heading: { zh: '各摊位的标语', en: 'A jingle for each stall' },
  swap: { zh: '换一句', en: 'Swap' },
  warns: { zh: '防范：{type}', en: 'Warns about: {type}' },
  none: { zh: '（没有标语）', en: '(no jingle)' },
  'same-character': { zh: '同字相押', en: 'Same character' },
  homophone: { zh: '同音相押', en: 'Homophone' },
  'rhyme-group': { zh: '同韵相押', en: 'Same rhyme group' },
  rhymeNone: { zh: '不押韵', en: 'Does not rhyme' },
});

const rhymeText = (r: StallJingle['rhyme']) => (r === 'none' ? t('rhymeNone') : t(r));

/** Each stall's jingle with how it rhymes, what it warns about and its tip; a select swaps it. Fires `jingle-swap` {index, text}. */
export class CsKitStalls extends LitElement {
  static override properties = { plans: { attribute: false }, busy: { attribute: false } };
  plans: StallPlan[] = [];
  busy = false;
  private readonly i18n = new LocaleController(this);

  static override styles = [
    controls,
    css`
      :host { display: block; }
      ol { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: 12px; }
      li { border: 1px solid var(--cs-border); border-radius: 10px; padding: 12px 14px; background: #fff; display: flex; flex-direction: column; gap: 6px; }
      .head { display: flex; gap: 8px; align-items: baseline; }
      .n { color: var(--cs-muted); font-size: 13px; }
      .name { font-weight: 700; }
      .goods { color: var(--cs-muted); font-size: 13px; }
      .jingle { font-size: 19px; font-weight: 700; color: var(--cs-blue); letter-spacing: 0.04em; }
      .meta { display: flex; gap: 8px; flex-wrap: wrap; font-size: 12px; }
      .badge { border-radius: 10px; padding: 1px 8px; background: #e8f4ec; color: var(--cs-ok); }
      .badge.none { background: #fdecef; color: var(--cs-red); }
      .badge.type { background: #eef3fb; color: var(--cs-blue); }
      .tip { font-size: 13px; white-space: pre-line; }
      .swap { display: flex; gap: 8px; align-items: center; }
      .swap label { margin: 0; font-weight: normal; font-size: 13px; white-space: nowrap; }
      .problem { color: var(--cs-red); font-size: 13px; }
    `,
  ];

  private card(p: StallPlan, i: number) {
    const j = p.jingle;
    const id = `swap-${i}`;
    return html`<li data-stall=${p.stall.name}>
      <div class="head"><span class="n">${i + 1}</span><span class="name">${p.stall.name}</span><span class="goods">${p.stall.goods.join('、')}</span></div>
      <div class="jingle">${j?.text ?? t('none')}</div>
      ${
        j
          ? html`<div class="meta"><span class="badge ${j.rhyme === 'none' ? 'none' : ''}">${rhymeText(j.rhyme)}</span>
        <span class="badge type">${t('warns', { type: FRAUD_TYPES[j.fraudType] })}</span></div>
        <div class="tip">${j.tip}</div>`
          : html`<div class="problem" role="alert">${p.problem ?? ''}</div>`
      }
      ${
        p.alternatives.length
          ? html`<div class="swap"><label for=${id}>${t('swap')}</label>
        <select id=${id} ?disabled=${this.busy} @change=${(e: Event) => fire(this, 'jingle-swap', { index: i, text: (e.target as HTMLSelectElement).value })}>
          ${
            /* live(): the current jingle shows again even where the user's pick left the select elsewhere. */
            j
              ? html`<option value=${j.text} .selected=${live(true)}>${j.text}</option>`
              : html`<option value="" .selected=${live(true)}></option>`
          }
          ${p.alternatives.map((a) => html`<option value=${a.text} .selected=${live(false)}>${a.text}（${rhymeText(a.rhyme)}）</option>`)}
        </select></div>`
          : ''
      }
    </li>`;
  }

  override render() {
    if (!this.plans.length) return '';
    return html`<ol aria-label=${t('heading')}>${this.plans.map((p, i) => this.card(p, i))}</ol>`;
  }
}
customElements.define('cs-kit-stalls', CsKitStalls);

declare global {
  interface HTMLElementTagNameMap {
    'cs-kit-stalls': CsKitStalls;
  }
}
