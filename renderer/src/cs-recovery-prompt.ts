import { LitElement, css, html } from 'lit';
import type { RecoveryOffer } from './data/autosave.js';
import { fire } from './events.js';
import { defineMessages, LocaleController } from './i18n/i18n.js';
import { dialogStyles } from './dialog-styles.js';
import { controls } from './shared-styles.js';

const t = defineMessages({
  title: { zh: '恢复未保存的设计', en: 'Recover unsaved design' },
  found: {
    zh: '发现上次未保存的设计「{name}」（{ago}），是否恢复？',
    en: 'Found the unsaved design “{name}” from last time ({ago}). Recover it?',
  },
  justNow: { zh: '刚刚', en: 'just now' },
  minutes: { zh: '{n} 分钟前', en: '{n} min ago' },
  hours: { zh: '{n} 小时前', en: '{n} h ago' },
  days: { zh: '{n} 天前', en: '{n} days ago' },
  restore: { zh: '恢复', en: 'Recover' },
  discard: { zh: '丢弃', en: 'Discard' },
  hint: { zh: '丢弃后无法找回。', en: 'Discarded changes cannot be brought back.' },
});

export function agoText(minutes: number): string {
  if (minutes < 1) return t('justNow');
  if (minutes < 60) return t('minutes', { n: minutes });
  if (minutes < 48 * 60) return t('hours', { n: Math.round(minutes / 60) });
  return t('days', { n: Math.round(minutes / 1440) });
}

/** At start, when the last session ended with unsaved changes. Fires `recovery-restore` or `recovery-discard`. */
export class CsRecoveryPrompt extends LitElement {
  static override properties = { offer: { attribute: false } };
  offer: RecoveryOffer | null = null;
  private readonly i18n = new LocaleController(this);

  static override styles = [
    controls,
    dialogStyles,
    css`
      dialog { width: min(480px, 92vw); }
      .body { padding: 22px 24px 8px; }
      .body p { margin: 0 0 8px; }
      .actions { display: flex; gap: 12px; justify-content: flex-end; padding: 12px 24px 22px; }
    `,
  ];

  override updated() {
    const d = this.renderRoot.querySelector('dialog');
    if (d && this.offer && !d.open) d.showModal();
  }

  private answer(name: 'recovery-restore' | 'recovery-discard') {
    this.renderRoot.querySelector('dialog')?.close();
    fire(this, name);
  }

  override render() {
    const o = this.offer;
    if (!o) return html``;
    return html`
      <dialog aria-labelledby="rc-h" aria-describedby="rc-d" @cancel=${(e: Event) => e.preventDefault()}>
        <header id="rc-h">${t('title')}</header>
        <div class="body">
          <p id="rc-d">${t('found', { name: o.name, ago: agoText(o.minutesAgo) })}</p>
          <p class="muted">${t('hint')}</p>
        </div>
        <div class="actions">
          <button type="button" class="secondary discard" @click=${() => this.answer('recovery-discard')}>${t('discard')}</button>
          <button type="button" class="restore" @click=${() => this.answer('recovery-restore')}>${t('restore')}</button>
        </div>
      </dialog>
    `;
  }
}
customElements.define('cs-recovery-prompt', CsRecoveryPrompt);

declare global {
  interface HTMLElementTagNameMap {
    'cs-recovery-prompt': CsRecoveryPrompt;
  }
}
