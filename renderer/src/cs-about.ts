import { LitElement, css, html, nothing } from 'lit';
import { appText } from './data/app-files.js';
import { defineMessages, LocaleController } from './i18n/i18n.js';
import { controls } from './shared-styles.js';

const t = defineMessages({
  title: { zh: '关于反诈物料工作室', en: 'About Anti-Fraud Campaign Studio' },
  what: {
    zh: '为派出所和反诈中心制作横幅、海报、易拉宝、贴纸和微信图片：市场顺口溜标语、印刷用 PDF、素材库与批量制作。',
    en: 'Banners, posters, roll-ups, stickers and WeChat images for police stations and anti-fraud centres: market jingles, print-ready PDFs, a sample library and batch production.',
  },
  offline: {
    zh: '全部在本机运行，不联网：没有网络字体、在线接口或使用统计。',
    en: 'Everything runs on this computer, offline: no web fonts, online services or usage statistics.',
  },
  hotline: {
    zh: '全国反诈劝阻专线 96110；报警请拨 110。',
    en: 'National anti-fraud line 96110; to report a crime call 110.',
  },
  licences: {
    zh: '随附的字体、插图和词典及其许可',
    en: 'Fonts, pictures and dictionary shipped with the app, and their licences',
  },
  missing: { zh: '无法读取许可说明（NOTICE）：{message}', en: 'Could not read the licence notice (NOTICE): {message}' },
});

/** 关于: what the studio is, that it runs offline, and the licences of what it ships (NOTICE). */
export class CsAbout extends LitElement {
  static override properties = { notice: { state: true }, error: { state: true } };
  notice = '';
  error = '';
  private readonly i18n = new LocaleController(this);

  static override styles = [
    controls,
    css`
      :host { display: block; max-width: 900px; }
      h1 { font-size: 22px; margin: 0 0 8px; }
      pre { white-space: pre-wrap; background: #fff; border: 1px solid var(--cs-border); border-radius: 10px; padding: 16px 18px; font: 13px/1.6 ui-monospace, Menlo, Consolas, monospace; max-height: 60vh; overflow: auto; }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    appText('NOTICE.txt').then(
      (text) => (this.notice = text),
      (e: unknown) => (this.error = t('missing', { message: e instanceof Error ? e.message : String(e) })),
    );
  }

  override render() {
    return html`<h1>${t('title')}</h1>
      <p>${t('what')}</p>
      <p>${t('offline')}</p>
      <p><strong>${t('hotline')}</strong></p>
      <h2>${t('licences')}</h2>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.notice ? html`<pre class="notice" lang="en">${this.notice}</pre>` : nothing}`;
  }
}
customElements.define('cs-about', CsAbout);

declare global {
  interface HTMLElementTagNameMap {
    'cs-about': CsAbout;
  }
}
