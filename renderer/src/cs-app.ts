import { LitElement, css, html } from 'lit';
import type { TemplateSummary } from '../../main/core/api.js';
import { DESIGN_EXTS } from '../../main/core/design-file.js';
import { call, errorMessage } from './data/api-client.js';
import { DocumentController } from './data/document-controller.js';
import type { Answer, Ask } from './cs-ask-dialog.js';
import type { CsEvent } from './events.js';
import { defineMessages, locale, LocaleController, setLocale } from './i18n/i18n.js';
import { controls } from './shared-styles.js';
import './cs-gallery.js';
import './cs-editor.js';
import './cs-library.js';
import './cs-batch.js';
import './cs-settings.js';
import './cs-about.js';
import './cs-ask-dialog.js';
import './cs-recovery-prompt.js';

const t = defineMessages({
  appName: { zh: '反诈物料工作室', en: 'Anti-Fraud Campaign Studio' },
  badge: { zh: '反诈', en: 'Anti-fraud' },
  templates: { zh: '开始', en: 'Start' },
  editor: { zh: '编辑', en: 'Editor' },
  library: { zh: '素材库', en: 'Library' },
  batch: { zh: '批量制作', en: 'Batch' },
  settings: { zh: '本单位信息', en: 'Unit details' },
  about: { zh: '关于', en: 'About' },
  impose: { zh: '拼版', en: 'Impose' },
  kit: { zh: '活动套装', en: 'Kits' },
  screens: { zh: '功能区', en: 'Screens' },
  loading: { zh: '正在载入模板…', en: 'Loading templates…' },
  switchLang: { zh: 'English', en: '中文' },
  switchLangLabel: { zh: 'Switch to English', en: '切换到中文' },
  openFile: { zh: '打开设计文件', en: 'Open design file' },
  applied: {
    zh: '已把本单位信息填入当前设计（{n} 处）。',
    en: 'Filled your unit’s details into the design ({n} places).',
  },
  eApply: { zh: '填入本单位信息', en: 'Fill in unit details' },
});

const DESIGN_ACCEPT = [...DESIGN_EXTS, 'application/json'].join(',');

/** Drop zones (image fields, the canvas, batch table, library import) handle their own drops first. */
const swallowDrop = (e: DragEvent): void => {
  if (!e.defaultPrevented) e.preventDefault();
};

export type Screen = 'gallery' | 'editor' | 'library' | 'batch' | 'impose' | 'kit' | 'settings' | 'about';
export type DocCommand = 'new' | 'open' | 'save' | 'save-as';

/** A new design's name: the template's, with the day, so two designs of one template are told apart. */
function freshName(title: string): string {
  const d = new Date();
  return locale() === 'en'
    ? `${title} ${d.getMonth() + 1}-${d.getDate()}`
    : `${title} ${d.getMonth() + 1}月${d.getDate()}日`;
}

/**
 * The studio: a header with the screens, then one screen. The open design lives here (in the
 * DocumentController) so it outlives the editor when the user switches tabs. Screens talk to the
 * app by events: `template-open` {id}; `design-open` {design} (library, batch, recent designs);
 * `doc-command` {command} (新建/打开/保存/另存为 buttons); `show-library`; `show-screen`;
 * `profile-apply` (fill the unit's details into the open design).
 */
export class CsApp extends LitElement {
  static override properties = {
    templates: { state: true },
    screen: { state: true },
    error: { state: true },
    notice: { state: true },
    loading: { state: true },
  };
  templates: TemplateSummary[] = [];
  screen: Screen = 'gallery';
  error = '';
  notice = '';
  loading = true;
  private readonly i18n = new LocaleController(this);
  readonly doc: DocumentController = new DocumentController(this);

  static override styles = [
    controls,
    css`
      :host { display: flex; flex-direction: column; min-height: 100vh; }
      /* The editor fills the window: the canvas stays in view while the side panels scroll. */
      :host([fill]) { height: 100vh; }
      header {
        background: var(--cs-blue); color: #fff; padding: 8px 20px; flex: none;
        display: flex; align-items: center; gap: 8px 16px; flex-wrap: wrap; box-shadow: 0 2px 6px rgba(0, 0, 0, 0.15);
      }
      header h1 { font-size: 19px; margin: 0; letter-spacing: 0.06em; white-space: nowrap; }
      header .badge { background: var(--cs-red); border-radius: 4px; padding: 2px 8px; font-size: 13px; font-weight: 700; }
      header .spacer { flex: 1; }
      header button { background: transparent; border-color: rgba(255, 255, 255, 0.7); min-height: 32px; padding: 4px 12px; }
      header button:hover { background: rgba(255, 255, 255, 0.12); }
      nav { display: flex; gap: 4px; flex-wrap: wrap; }
      nav button { border-color: transparent; border-radius: 6px; }
      header button[aria-current='page'] { background: rgba(255, 255, 255, 0.22); border-color: rgba(255, 255, 255, 0.7); font-weight: 700; }
      main { flex: 1; padding: 24px 28px; min-height: 0; }
      :host([fill]) main { padding: 10px 14px; display: flex; flex-direction: column; }
      :host([fill]) main > cs-editor { flex: 1; min-height: 0; }
      .notice { color: var(--cs-ok); font-weight: 600; margin: 0 0 8px; }
      .error { margin: 0 0 8px; }
      .file-input { display: none; }
      .notice:empty { display: none; }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    document.documentElement.lang = locale();
    // A file dropped anywhere but a drop zone would make the browser open it in place of the studio.
    window.addEventListener('dragover', swallowDrop);
    window.addEventListener('drop', swallowDrop);
    void this.load();
    // Screens beside the everyday path (the team library's tabs, the gallery's shared templates,
    // 拼版 and 活动套装) come in chunks of their own after the first paint, so the first load stays
    // within its budget; an element shown before its chunk arrives upgrades in place, keeping the
    // properties already set on it.
    void import('./cs-team-tabs.js');
    void import('./cs-team-shared.js');
    void import('./cs-impose.js');
    void import('./cs-kit.js');
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('dragover', swallowDrop);
    window.removeEventListener('drop', swallowDrop);
  }

  override updated(changed: Map<string, unknown>) {
    this.toggleAttribute('fill', this.screen === 'editor' && !!this.doc.session);
    // Each screen opens at its top, not where the last one was scrolled to (walkthrough bug 4).
    if (changed.has('screen')) window.scrollTo(0, 0);
  }

  private async load() {
    try {
      this.templates = await call('listTemplates', {});
    } catch (e) {
      this.error = errorMessage(e);
    } finally {
      this.loading = false;
    }
  }

  // DocumentHost
  get editing(): boolean {
    return this.screen === 'editor' && this.doc.session !== null;
  }
  showScreen(screen: 'gallery' | 'editor') {
    this.screen = screen;
  }
  async openExport() {
    this.screen = 'editor';
    await this.updateComplete;
    this.renderRoot.querySelector('cs-editor')?.openExport();
  }
  pickFile() {
    const input = this.renderRoot.querySelector<HTMLInputElement>('input.file-input');
    if (!input) return;
    input.value = '';
    input.click();
  }
  ask(q: Ask): Promise<Answer> {
    return this.renderRoot.querySelector('cs-ask-dialog')!.ask(q);
  }

  private async openTemplate(e: CsEvent<'template-open'>) {
    this.error = '';
    try {
      const design = await call('getTemplate', { id: e.detail.id });
      await this.doc.open({ ...design, name: freshName(design.name) }, { fresh: true });
    } catch (err) {
      this.error = errorMessage(err);
    }
  }

  private openDesign(e: CsEvent<'design-open'>) {
    this.error = '';
    void this.doc.open(e.detail.design, { fresh: true, ...(e.detail.recentId ? { recentId: e.detail.recentId } : {}) });
  }

  /** The settings screen's 填入当前设计: the stored profile into every bound element of the open design. */
  private async applyProfile() {
    const s = this.doc.session;
    if (!s) return;
    try {
      const r = await call('applyProfile', { design: s.design });
      s.apply(r.design, t('eApply'));
      this.notice = t('applied', { n: r.filled.length });
      this.screen = 'editor';
    } catch (err) {
      this.error = errorMessage(err);
    }
  }

  private tab(screen: Screen, label: string) {
    const disabled = screen === 'editor' && !this.doc.session;
    return html`<button type="button" data-screen=${screen} aria-current=${this.screen === screen ? 'page' : 'false'} ?disabled=${disabled}
      @click=${() => {
        this.screen = screen;
        this.notice = '';
      }}>${label}</button>`;
  }

  private body() {
    if (this.loading) return html`<p class="muted">${t('loading')}</p>`;
    const session = this.doc.session;
    const gallery = html`<cs-team-shared></cs-team-shared>
      <cs-gallery .templates=${this.templates} @template-open=${this.openTemplate}></cs-gallery>`;
    switch (this.screen) {
      case 'editor':
        return session
          ? html`<cs-editor .session=${session} .autosave=${this.doc.autosave} .busy=${this.doc.busy}></cs-editor>`
          : gallery;
      case 'library':
        // The local library stays the app's own element; the team tabs frame it (团队库, 审核, 团队连接).
        return html`<cs-team-tabs><cs-library slot="local"></cs-library></cs-team-tabs>`;
      case 'batch':
        return html`<cs-batch .templates=${this.templates}></cs-batch>`;
      case 'impose':
        return html`<cs-impose .templates=${this.templates} .design=${session?.design ?? null}></cs-impose>`;
      case 'kit':
        return html`<cs-kit></cs-kit>`;
      case 'settings':
        return html`<cs-settings .canApply=${!!session} @profile-apply=${this.applyProfile}></cs-settings>`;
      case 'about':
        return html`<cs-about></cs-about>`;
      default:
        return gallery;
    }
  }

  override render() {
    const error = this.error || this.doc.error;
    const notice = this.notice || this.doc.notice;
    return html`
      <header>
        <span class="badge" aria-hidden="true">${t('badge')}</span>
        <h1>${t('appName')}</h1>
        <nav aria-label=${t('screens')}>
          ${this.tab('gallery', t('templates'))} ${this.tab('editor', t('editor'))} ${this.tab('library', t('library'))}
          ${this.tab('batch', t('batch'))} ${this.tab('impose', t('impose'))} ${this.tab('kit', t('kit'))}
        </nav>
        <span class="spacer"></span>
        ${this.tab('settings', t('settings'))} ${this.tab('about', t('about'))}
        <button type="button" class="lang" lang=${locale() === 'en' ? 'zh-CN' : 'en'} aria-label=${t('switchLangLabel')}
          @click=${() => setLocale(locale() === 'en' ? 'zh-CN' : 'en')}>${t('switchLang')}</button>
      </header>
      <main @doc-command=${(e: CsEvent<'doc-command'>) => void this.doc.command({ command: e.detail.command }, 'page')}
        @design-open=${this.openDesign} @show-library=${() => (this.screen = 'library')}
        @show-screen=${(e: CsEvent<'show-screen'>) => (this.screen = e.detail.screen)}>
        ${error ? html`<p class="error" role="alert">${error}</p>` : ''}
        <p class="notice" role="status">${notice}</p>
        ${this.body()}
      </main>
      <input class="file-input" type="file" accept=${DESIGN_ACCEPT} aria-label=${t('openFile')}
        @change=${(e: Event) => {
          const file = (e.target as HTMLInputElement).files?.[0];
          if (file) void this.doc.openPicked(file);
        }}>
      <cs-ask-dialog></cs-ask-dialog>
      <cs-recovery-prompt .offer=${this.doc.recovery} @recovery-restore=${() => this.doc.restore()}
        @recovery-discard=${() => void this.doc.discardRecovery()}></cs-recovery-prompt>
    `;
  }
}
customElements.define('cs-app', CsApp);

declare global {
  interface HTMLElementTagNameMap {
    'cs-app': CsApp;
  }
}
