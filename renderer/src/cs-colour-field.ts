import { LitElement, css, html, unsafeCSS } from 'lit';
import { COLOUR_PRESETS, toCmyk, type ColourPresetName } from '../../main/core/colour-values.js';
import type { Colour } from '../../main/core/colour.js';
import { PRESET_ORDER, hexColour, presetColour, presetOf } from '../../main/core/design/edit.js';
import { fire } from './events.js';
import { LocaleController, defineMessages } from './i18n/i18n.js';
import { controls } from './shared-styles.js';

const t = defineMessages({
  'print-red': { zh: '大红', en: 'Print red' },
  'police-blue': { zh: '警察蓝', en: 'Police blue' },
  'banner-yellow': { zh: '横幅黄', en: 'Banner yellow' },
  'rich-black': { zh: '四色黑', en: 'Rich black' },
  black: { zh: '单黑', en: 'Black (K)' },
  white: { zh: '白', en: 'White' },
  custom: { zh: '自定义颜色', en: 'Custom colour' },
  customName: { zh: '自定义', en: 'Custom' },
  converted: { zh: '印刷时换算', en: 'converted for print' },
});

// Swatch colours as classes: the CSP forbids style attributes, and the presets are fixed. Hover
// keeps the colour (the shared button:hover would paint it navy: walkthrough bug 6).
const swatches = unsafeCSS(
  PRESET_ORDER.map((n) => `.row .sw-${n}, .row .sw-${n}:hover { background: ${COLOUR_PRESETS[n].rgb}; }`).join('\n'),
);

const cmykText = (c: Colour) => {
  const [C, M, Y, K] = toCmyk(c);
  return `C${C} M${M} Y${Y} K${K}`;
};

/**
 * One colour: the print presets as swatches plus a custom picker, with the press values shown.
 * Fires `colour-change` {colour} (not composed: the style panel turns it into a design change).
 */
export class CsColourField extends LitElement {
  static override properties = { value: { attribute: false }, label: {}, name: {} };
  value: Colour | undefined;
  label = '';
  /** Tells fields apart in tests and for labels: the field's id prefix. */
  name = 'colour';
  private readonly i18n = new LocaleController(this);

  static override styles = [
    controls,
    swatches,
    css`
      :host { display: block; }
      .row { display: flex; align-items: center; gap: 6px; flex-wrap: wrap; }
      .row button { width: 28px; height: 28px; min-height: 0; padding: 0; border-radius: 6px; border: 1px solid rgba(0, 0, 0, 0.25); }
      .row button:hover { filter: brightness(0.95); }
      .row button[aria-pressed='true'] { outline: 2px solid var(--cs-blue); outline-offset: 2px; }
      .row button:focus-visible { outline: 3px solid var(--cs-focus); }
      input[type='color'] { width: 40px; height: 28px; padding: 0 2px; border: 1px solid var(--cs-border); border-radius: 6px; background: #fff; cursor: pointer; }
      input[type='color'].on { outline: 2px solid var(--cs-blue); outline-offset: 2px; }
      .readout { margin-top: 4px; font-size: 12px; color: var(--cs-muted); font-variant-numeric: tabular-nums; }
      .readout b { color: var(--cs-text); font-weight: 600; }
    `,
  ];

  private emit(colour: Colour) {
    fire(this, 'colour-change', { colour });
  }

  override render() {
    const c = this.value;
    const preset = presetOf(c);
    const nameOf = (n: ColourPresetName) => t(n);
    return html`
      <div role="group" aria-label=${this.label}>
        <div class="row">
          ${PRESET_ORDER.map(
            (n) => html`<button type="button" class="sw-${n}" data-preset=${n} aria-pressed=${preset === n}
              title="${nameOf(n)} ${cmykText(presetColour(n))}" aria-label=${nameOf(n)} @click=${() => this.emit(presetColour(n))}></button>`,
          )}
          <input type="color" class=${c && !preset ? 'on' : ''} name="${this.name}-custom" aria-label="${this.label} · ${t('custom')}" title=${t('custom')}
            .value=${(c?.rgb ?? '#000000').toLowerCase()} @change=${(e: Event) => this.emit(hexColour((e.target as HTMLInputElement).value))}>
        </div>
        ${
          c
            ? html`<div class="readout"><b>${preset ? nameOf(preset) : t('customName')}</b> · ${cmykText(c)}${c.cmyk ? '' : `（${t('converted')}）`} · ${c.rgb}</div>`
            : ''
        }
      </div>
    `;
  }
}
customElements.define('cs-colour-field', CsColourField);

declare global {
  interface HTMLElementTagNameMap {
    'cs-colour-field': CsColourField;
  }
}
