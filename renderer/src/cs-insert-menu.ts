import { LitElement, css, html, nothing } from 'lit';
import type { NewKind } from '../../main/core/design/add.js';
import { IMAGE_ACCEPT } from './data/images.js';
import { fire, type CsEvent } from './events.js';
import { LocaleController, defineMessages } from './i18n/i18n.js';
import { controls, fileButton } from './shared-styles.js';
import './cs-illustration-picker.js';

const t = defineMessages({
  add: { zh: '＋ 添加', en: '+ Add' },
  addTitle: { zh: '添加文字、图片、形状、插图、二维码', en: 'Add text, images, shapes, pictures, QR codes' },
  text: { zh: '文字框', en: 'Text box' },
  image: { zh: '图片…', en: 'Image…' },
  imageHint: {
    zh: '也可以把照片拖到画布上，或复制后在画布上粘贴（Ctrl+V）',
    en: 'Or drop a photo on the canvas, or paste it there (Ctrl+V)',
  },
  shapes: { zh: '形状', en: 'Shapes' },
  rect: { zh: '矩形', en: 'Rectangle' },
  rounded: { zh: '圆角矩形', en: 'Rounded' },
  circle: { zh: '圆形', en: 'Circle' },
  ellipse: { zh: '椭圆', en: 'Ellipse' },
  line: { zh: '线条', en: 'Line' },
  burst: { zh: '爆炸贴', en: 'Burst' },
  qr: { zh: '二维码', en: 'QR code' },
  unit: { zh: '本单位', en: 'Your unit' },
  logo: { zh: '单位标志', en: 'Logo' },
  mascot: { zh: '吉祥物', en: 'Mascot' },
  noProfile: { zh: '请先在「本单位信息」中放入图片', en: 'Add it under “Unit details” first' },
  illustrations: { zh: '插图', en: 'Pictures' },
  close: { zh: '关闭', en: 'Close' },
});

const SHAPES: NewKind[] = ['rect', 'rounded', 'circle', 'ellipse', 'line', 'burst'];

/**
 * The editor's 添加 menu: a text box, an image (picked here; dropped or pasted on the canvas), a
 * shape, a QR code, the unit's logo and mascot, an illustration searched in Chinese. Fires
 * `element-insert` {kind, illustration?} and `canvas-files` {files}.
 */
export class CsInsertMenu extends LitElement {
  static override properties = {
    open: { state: true },
    hasLogo: { attribute: false },
    hasMascot: { attribute: false },
  };
  open = false;
  hasLogo = false;
  hasMascot = false;
  private readonly i18n = new LocaleController(this);

  static override styles = [
    controls,
    fileButton,
    css`
      :host { position: relative; display: inline-block; }
      .toggle { padding: 6px 14px; min-height: 34px; }
      .pop { position: absolute; z-index: 20; top: calc(100% + 6px); left: 0; width: 380px; background: #fff; border: 1px solid var(--cs-border); border-radius: 10px; box-shadow: 0 8px 28px rgba(0, 0, 0, 0.2); padding: 14px; }
      h3 { font-size: 14px; margin: 12px 0 6px; }
      h3:first-child { margin-top: 0; }
      .row { display: flex; gap: 6px; flex-wrap: wrap; }
      .row button { min-height: 32px; padding: 4px 12px; }
      .muted { margin: 4px 0 0; }
    `,
  ];

  private insert(kind: NewKind | 'logo' | 'mascot', illustration?: string) {
    this.open = false;
    fire(this, 'element-insert', { kind, ...(illustration ? { illustration } : {}) });
  }

  private picked(e: Event) {
    const input = e.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    this.open = false;
    if (files.length) fire(this, 'canvas-files', { files });
  }

  override render() {
    const b = (cls: string, label: string, f: () => void, disabled = false, title = '') =>
      html`<button type="button" class="secondary ${cls}" ?disabled=${disabled} title=${title} @click=${f}>${label}</button>`;
    return html`<button type="button" class="toggle" aria-expanded=${this.open} title=${t('addTitle')} @click=${() => (this.open = !this.open)}>${t('add')}</button>
      ${
        this.open
          ? html`<div class="pop" role="dialog" aria-label=${t('addTitle')} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && (this.open = false)}>
            <div class="row">
              ${b('add-text', t('text'), () => this.insert('text'))}
              <span class="file-btn"><button type="button" class="secondary" tabindex="-1" aria-hidden="true">${t('image')}</button>
                <input type="file" name="add-image" accept=${IMAGE_ACCEPT} aria-label=${t('image')} multiple @change=${this.picked}></span>
              ${b('add-qr', t('qr'), () => this.insert('qr'))}
            </div>
            <p class="muted">${t('imageHint')}</p>
            <h3>${t('shapes')}</h3>
            <div class="row">${SHAPES.map((k) => b(`add-${k}`, t(k as 'rect'), () => this.insert(k)))}</div>
            <h3>${t('unit')}</h3>
            <div class="row">
              ${b('add-logo', t('logo'), () => this.insert('logo'), !this.hasLogo, this.hasLogo ? '' : t('noProfile'))}
              ${b('add-mascot', t('mascot'), () => this.insert('mascot'), !this.hasMascot, this.hasMascot ? '' : t('noProfile'))}
            </div>
            <h3>${t('illustrations')}</h3>
            <cs-illustration-picker @illustration-pick=${(e: CsEvent<'illustration-pick'>) => {
              e.stopPropagation();
              this.insert('illustration', e.detail.id);
            }}></cs-illustration-picker>
            <div class="row"><button type="button" class="secondary close" @click=${() => (this.open = false)}>${t('close')}</button></div>
          </div>`
          : nothing
      }`;
  }
}
customElements.define('cs-insert-menu', CsInsertMenu);

declare global {
  interface HTMLElementTagNameMap {
    'cs-insert-menu': CsInsertMenu;
  }
}
