import { LitElement, css, html, nothing } from 'lit';
import type { StudioProfile } from '../../main/core/api-profile.js';
import type { AssetRef } from '../../main/core/design/assets.js';
import { assetThumbnailPath } from '../../main/core/resource-paths.js';
import { STYLES, type Style } from '../../main/core/style-names.js';
import { call, errorMessage, resourceUrl } from './data/api-client.js';
import { addImageFile, IMAGE_ACCEPT, imageError } from './data/images.js';
import { styleName } from './data/kind-names.js';
import { profileChanged, unitProfile } from './data/profile.js';
import { fire } from './events.js';
import { defineMessages, LocaleController } from './i18n/i18n.js';
import { controls, fileButton } from './shared-styles.js';

const t = defineMessages({
  title: { zh: '本单位信息', en: 'Your unit’s details' },
  intro: {
    zh: '填写一次，所有模板打开时自动填入单位名称、专线、二维码、标志和吉祥物。没填的地方模板会保留示例内容，导出时会提醒。',
    en: 'Fill these in once: every template opens with your unit’s name, hotlines, QR codes, logo and mascot. What is left empty keeps the template’s sample, and exports remind you.',
  },
  unit: { zh: '单位', en: 'Unit' },
  full: { zh: '单位全称', en: 'Full name' },
  fullHint: { zh: '例如：三明市公安局三元分局列东派出所', en: 'e.g. 三明市公安局三元分局列东派出所' },
  short: { zh: '单位简称', en: 'Short name' },
  shortHint: { zh: '例如：列东派出所', en: 'e.g. 列东派出所' },
  hotlines: { zh: '反诈专线', en: 'Hotlines' },
  national: {
    zh: '全国反诈专线 96110 总会印上，不用填写。下面填本地的专线（至多 4 个）。',
    en: 'The national line 96110 is always printed. Add local lines below (up to 4).',
  },
  who: { zh: '名称', en: 'Who answers' },
  number: { zh: '电话', en: 'Number' },
  addLine: { zh: '＋ 添加专线', en: '+ Add a line' },
  remove: { zh: '删除', en: 'Remove' },
  qr: { zh: '二维码内容', en: 'QR codes' },
  app: {
    zh: '国家反诈中心 App 下载地址（请本单位核实后填写）',
    en: 'National anti-fraud centre app download (as your unit has verified it)',
  },
  wechat: { zh: '本单位公众号（关注链接或页面地址）', en: 'Your unit’s WeChat account (follow link or page)' },
  pictures: { zh: '标志与吉祥物', en: 'Logo and mascot' },
  picturesHint: {
    zh: '本软件不绘制警徽；请放入本单位提供的标志图片。PNG、JPEG 或 WebP。',
    en: 'The studio never draws the police emblem: add the image your unit supplies. PNG, JPEG or WebP.',
  },
  logo: { zh: '单位标志', en: 'Logo' },
  mascot: { zh: '吉祥物', en: 'Mascot' },
  mascotName: { zh: '吉祥物名称', en: 'Mascot’s name' },
  mascotNameHint: { zh: '例如：明警小花', en: 'e.g. 明警小花' },
  choose: { zh: '选择图片…', en: 'Choose image…' },
  none: { zh: '未设置', en: 'Not set' },
  style: { zh: '默认风格', en: 'Default style' },
  anyStyle: { zh: '（不限）', en: '(any)' },
  save: { zh: '保存本单位信息', en: 'Save' },
  saved: {
    zh: '已保存到 {path}。新打开的模板会自动填入。',
    en: 'Saved to {path}. Templates you open now are filled in.',
  },
  movedAside: { zh: '原来有问题的文件已改名保留为 {path}。', en: 'The damaged file was kept as {path}.' },
  apply: { zh: '填入当前设计', en: 'Fill into the open design' },
  where: {
    zh: '保存位置：{path}（可复制到别的电脑）',
    en: 'Stored at {path} (copy it to another PC to take it along)',
  },
  loading: { zh: '正在读取…', en: 'Loading…' },
});

/**
 * 本单位信息 (issue #14 §1): the unit's names, local hotlines, QR payloads, logo and mascot (by
 * reference, through the image store, like design images) and default style, saved on the main
 * side. Fires `profile-apply` when asked to fill them into the open design.
 */
export class CsSettings extends LitElement {
  static override properties = {
    canApply: { attribute: false },
    profile: { state: true },
    path: { state: true },
    problem: { state: true },
    message: { state: true },
    error: { state: true },
    busy: { state: true },
  };
  canApply = false;
  profile: StudioProfile | null = null;
  path = '';
  problem = '';
  message = '';
  error = '';
  busy = false;
  private readonly i18n = new LocaleController(this);

  static override styles = [
    controls,
    fileButton,
    css`
      :host { display: block; max-width: 880px; }
      h1 { font-size: 22px; margin: 0 0 6px; }
      form { display: flex; flex-direction: column; gap: 18px; }
      fieldset { border: 1px solid var(--cs-border); border-radius: 10px; padding: 12px 18px 16px; margin: 0; background: #fff; }
      legend { font-weight: 700; padding: 0 6px; }
      .two { display: grid; grid-template-columns: 1fr 1fr; gap: 12px 18px; }
      .line { display: grid; grid-template-columns: 1fr 1fr auto; gap: 8px; align-items: end; margin-bottom: 8px; }
      .pic { display: flex; gap: 12px; align-items: center; }
      .pic img, .pic .empty { width: 84px; height: 84px; object-fit: contain; border: 1px solid var(--cs-border); border-radius: 8px; background: #f4f6f9; display: grid; place-items: center; font-size: 12px; color: var(--cs-muted); }
      .actions { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
      .ok { color: var(--cs-ok); font-weight: 600; margin: 0; }
      p { margin: 4px 0 10px; }
      @media (max-width: 800px) { .two { grid-template-columns: 1fr; } }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    try {
      const s = await unitProfile();
      this.profile = structuredClone(s.profile);
      this.path = s.path;
      this.problem = s.problem ?? '';
    } catch (e) {
      this.error = errorMessage(e);
    }
  }

  private edit(change: (p: StudioProfile) => void) {
    if (!this.profile) return;
    const next = structuredClone(this.profile);
    change(next);
    this.profile = next;
    this.message = '';
  }

  private async picture(e: Event, set: (p: StudioProfile, ref: AssetRef) => void) {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    this.error = '';
    try {
      const ref = await addImageFile(file);
      this.edit((p) => set(p, ref));
    } catch (err) {
      this.error = imageError(err, errorMessage);
    }
  }

  private async save(e: Event) {
    e.preventDefault();
    if (!this.profile || this.busy) return;
    this.busy = true;
    this.error = '';
    try {
      const r = await call('saveProfile', { profile: this.profile });
      profileChanged();
      this.message = [t('saved', { path: r.path }), r.movedAside ? t('movedAside', { path: r.movedAside }) : ''].join(
        ' ',
      );
      this.problem = '';
    } catch (err) {
      this.error = errorMessage(err);
    } finally {
      this.busy = false;
    }
  }

  private text(name: string, label: string, value: string, set: (p: StudioProfile, v: string) => void, hint = '') {
    return html`<div><label for="p-${name}">${label}</label><input id="p-${name}" type="text" name=${name} .value=${value} placeholder=${hint}
      @input=${(e: Event) => this.edit((p) => set(p, (e.target as HTMLInputElement).value))}></div>`;
  }

  private pic(
    name: string,
    label: string,
    ref: AssetRef | undefined,
    set: (p: StudioProfile, r: AssetRef | undefined) => void,
  ) {
    return html`<div><span class="label">${label}</span><div class="pic">
      ${ref ? html`<img alt=${label} src=${resourceUrl(assetThumbnailPath(ref.sha256))}>` : html`<span class="empty">${t('none')}</span>`}
      <span class="file-btn"><button type="button" class="secondary" tabindex="-1" aria-hidden="true">${t('choose')}</button>
        <input type="file" name=${name} accept=${IMAGE_ACCEPT} aria-label="${label} · ${t('choose')}" @change=${(e: Event) => this.picture(e, set)}></span>
      ${ref ? html`<button type="button" class="secondary remove-${name}" @click=${() => this.edit((p) => set(p, undefined))}>${t('remove')}</button>` : nothing}
    </div></div>`;
  }

  override render() {
    const p = this.profile;
    if (!p)
      return html`<h1>${t('title')}</h1>${this.error ? html`<p class="error" role="alert">${this.error}</p>` : html`<p class="muted">${t('loading')}</p>`}`;
    return html`<h1>${t('title')}</h1>
      <p class="muted">${t('intro')}</p>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      <form @submit=${this.save}>
        <fieldset><legend>${t('unit')}</legend><div class="two">
          ${this.text('unit-full', t('full'), p.unit.full, (q, v) => (q.unit.full = v), t('fullHint'))}
          ${this.text('unit-short', t('short'), p.unit.short, (q, v) => (q.unit.short = v), t('shortHint'))}
        </div></fieldset>
        <fieldset><legend>${t('hotlines')}</legend>
          <p class="muted">${t('national')}</p>
          ${p.hotlines.map(
            (h, i) => html`<div class="line">
              ${this.text(`line-${i}-label`, t('who'), h.label, (q, v) => (q.hotlines[i]!.label = v))}
              ${this.text(`line-${i}-number`, t('number'), h.number, (q, v) => (q.hotlines[i]!.number = v))}
              <button type="button" class="secondary" @click=${() => this.edit((q) => q.hotlines.splice(i, 1))}>${t('remove')}</button></div>`,
          )}
          <button type="button" class="secondary add-line" ?disabled=${p.hotlines.length >= 4} @click=${() => this.edit((q) => q.hotlines.push({ label: '', number: '' }))}>${t('addLine')}</button>
        </fieldset>
        <fieldset><legend>${t('qr')}</legend>
          ${this.text('qr-app', t('app'), p.qr.app, (q, v) => (q.qr.app = v), 'https://')}
          ${this.text('qr-wechat', t('wechat'), p.qr.wechat, (q, v) => (q.qr.wechat = v), 'https://')}
        </fieldset>
        <fieldset><legend>${t('pictures')}</legend>
          <p class="muted">${t('picturesHint')}</p>
          <div class="two">
            ${this.pic('logo', t('logo'), p.logo, (q, r) => (r ? (q.logo = r) : delete q.logo))}
            <div>
              ${this.pic('mascot', t('mascot'), p.mascot?.image, (q, r) => (r ? (q.mascot = { name: q.mascot?.name ?? '', image: r }) : delete q.mascot))}
              ${p.mascot ? this.text('mascot-name', t('mascotName'), p.mascot.name, (q, v) => q.mascot && (q.mascot.name = v), t('mascotNameHint')) : nothing}
            </div>
          </div>
        </fieldset>
        <fieldset><legend>${t('style')}</legend>
          <select name="style" aria-label=${t('style')} @change=${(e: Event) =>
            this.edit((q) => {
              const v = (e.target as HTMLSelectElement).value as Style | '';
              if (v) q.defaultStyle = v;
              else delete q.defaultStyle;
            })}>
            <option value="" .selected=${!p.defaultStyle}>${t('anyStyle')}</option>
            ${(Object.keys(STYLES) as Style[]).map((s) => html`<option value=${s} .selected=${p.defaultStyle === s}>${styleName(s)}</option>`)}
          </select>
        </fieldset>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <div class="actions">
          <button type="submit" class="save" ?disabled=${this.busy}>${t('save')}</button>
          ${this.canApply ? html`<button type="button" class="secondary apply" ?disabled=${this.busy} @click=${() => fire(this, 'profile-apply')}>${t('apply')}</button>` : nothing}
          ${this.message ? html`<p class="ok" role="status">${this.message}</p>` : nothing}
        </div>
        <p class="muted">${t('where', { path: this.path })}</p>
      </form>`;
  }
}
customElements.define('cs-settings', CsSettings);

declare global {
  interface HTMLElementTagNameMap {
    'cs-settings': CsSettings;
  }
}
