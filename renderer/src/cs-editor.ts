import { LitElement, css, html } from 'lit';
import type { ApiValue } from '../../main/core/api.js';
import type { StudioDesign } from '../../main/core/design/design.js';
import { contentOf, setContent } from '../../main/core/design/edit.js';
import { slotsOf } from '../../main/core/design/slots.js';
import type { PreflightReport } from '../../main/core/preflight.js';
import { call, errorMessage } from './data/api-client.js';
import type { AutosaveState } from './data/autosave.js';
import { LatestWins } from './data/preview-scheduler.js';
import type { DesignSession } from './data/session.js';
import { fire, type CsEvent } from './events.js';
import { defineMessages, locale, LocaleController } from './i18n/i18n.js';
import { controls } from './shared-styles.js';
import type { DocCommand } from './cs-app.js';
import './cs-slot-form.js';
import './cs-preview.js';
import './cs-slogan-assistant.js';
import './cs-style-panel.js';
import './cs-preflight-list.js';
import './cs-export-dialog.js';
import './cs-publish-dialog.js';

const t = defineMessages({
  toolbar: { zh: '设计操作', en: 'Design actions' },
  undo: { zh: '撤销', en: 'Undo' },
  redo: { zh: '重做', en: 'Redo' },
  undoStep: { zh: '撤销：{step}', en: 'Undo: {step}' },
  redoStep: { zh: '重做：{step}', en: 'Redo: {step}' },
  nothingUndo: { zh: '没有可撤销的操作', en: 'Nothing to undo' },
  nothingRedo: { zh: '没有可重做的操作', en: 'Nothing to redo' },
  new: { zh: '新建', en: 'New' },
  newTitle: { zh: '从模板新建设计', en: 'Start a new design from a template' },
  open: { zh: '打开…', en: 'Open…' },
  save: { zh: '保存', en: 'Save' },
  saveAs: { zh: '另存为…', en: 'Save as…' },
  export: { zh: '导出…', en: 'Export…' },
  publish: { zh: '发布到素材库', en: 'Publish to library' },
  unsaved: { zh: '● 未保存', en: '● Unsaved' },
  unsavedTitle: { zh: '有未保存到文件的修改', en: 'There are changes not yet saved to a file' },
  clean: { zh: '已保存', en: 'Saved' },
  autosaved: { zh: '已自动保存 {time}', en: 'Autosaved {time}' },
  autosaveFailed: {
    zh: '自动保存失败：{message}（上一次的自动保存仍在）',
    en: 'Autosave failed: {message} (the previous autosave is kept)',
  },
  editSlot: { zh: '修改「{slot}」', en: 'Edit “{slot}”' },
  insertSlogan: { zh: '填入推荐标语', en: 'Insert suggested slogan' },
});

/** Preflight waits for a pause in typing; it finds the preview's scene on the main side. */
const PREFLIGHT_DELAY_MS = 300;

/**
 * The open design: slot form, slogan assistant and style panel beside the live preview, with the
 * document's toolbar. Every edit goes into the session's undo history; file commands go up to
 * cs-app as `doc-command` {command}. Fires `show-library` when the user asks to see a published sample.
 */
export class CsEditor extends LitElement {
  static override properties = {
    session: { attribute: false },
    autosave: { attribute: false },
    busy: { attribute: false },
    report: { state: true },
    error: { state: true },
    selectedId: { state: true },
  };
  session!: DesignSession;
  autosave: AutosaveState = { state: 'idle' };
  busy = false;
  /** Not reactive: a new preview goes straight to cs-preview, without re-rendering the editor (latency). */
  private layers: ApiValue<'previewSvg'>['layers'] = [];
  report: PreflightReport | null = null;
  error = '';
  selectedId = '';
  private readonly i18n = new LocaleController(this);

  /** The live preview: latest edit wins, sent as soon as the previous preview is back. */
  private readonly previews = new LatestWins<StudioDesign, ApiValue<'previewSvg'>>(
    (design) => call('previewSvg', { design }),
    ({ layers }) => {
      this.layers = layers;
      const preview = this.renderRoot.querySelector('cs-preview');
      if (preview) preview.layers = layers;
      else this.requestUpdate();
      if (this.error) this.error = '';
    },
    (e) => (this.error = errorMessage(e)),
  );
  private preflightTimer: ReturnType<typeof setTimeout> | undefined;
  private preflightSeq = 0;
  private subscribed: DesignSession | undefined;

  static override styles = [
    controls,
    css`
      :host { display: block; }
      .top { display: flex; align-items: center; gap: 10px 16px; margin-bottom: 20px; flex-wrap: wrap; }
      .title { display: flex; align-items: baseline; gap: 12px; flex: 1 1 260px; min-width: 0; }
      .title h2 { margin: 0; font-size: 20px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
      .state { font-size: 13px; white-space: nowrap; }
      .state.unsaved { color: var(--cs-warn); font-weight: 700; }
      .tools { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
      .tools .group { display: flex; gap: 6px; }
      .tools .sep { width: 1px; align-self: stretch; background: var(--cs-border); margin: 0 4px; }
      .tools button { padding: 6px 12px; min-height: 34px; }
      .autosave { margin: -12px 0 14px; }
      .layout { display: grid; grid-template-columns: minmax(320px, 420px) minmax(0, 1fr); gap: 24px; align-items: start; }
      .side, .main { display: flex; flex-direction: column; gap: 20px; min-width: 0; }
      .below { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 20px; align-items: start; }
      @media (max-width: 1200px) { .below { grid-template-columns: 1fr; } }
      @media (max-width: 900px) { .layout { grid-template-columns: 1fr; } }
    `,
  ];

  get design(): StudioDesign {
    return this.session.design;
  }

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('session') && this.session !== this.subscribed) {
      this.subscribed?.removeEventListener('change', this.onChange);
      this.subscribed = this.session;
      this.session.addEventListener('change', this.onChange);
      this.selectedId = '';
      this.requestPreview();
      this.schedulePreflight(0);
    }
  }

  override connectedCallback() {
    super.connectedCallback();
    // Back on the editor tab after another screen: same session, listen again.
    if (this.session && !this.subscribed) {
      this.subscribed = this.session;
      this.session.addEventListener('change', this.onChange);
      this.requestPreview();
      this.schedulePreflight(0);
    }
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.subscribed?.removeEventListener('change', this.onChange);
    this.subscribed = undefined;
    this.previews.clear();
    clearTimeout(this.preflightTimer);
  }

  // The preview goes out first, in the same task as the keystroke: the latency budget is 50 ms.
  private readonly onChange = () => {
    this.requestPreview();
    this.schedulePreflight();
    this.requestUpdate();
  };

  private requestPreview() {
    this.previews.request(this.design);
  }

  private schedulePreflight(delay = PREFLIGHT_DELAY_MS) {
    clearTimeout(this.preflightTimer);
    this.preflightTimer = setTimeout(async () => {
      const seq = ++this.preflightSeq;
      try {
        const report = await call('preflight', { design: this.design });
        if (seq === this.preflightSeq) this.report = report;
      } catch (e) {
        if (seq === this.preflightSeq) this.error = errorMessage(e);
      }
    }, delay);
  }

  /** A text or QR slot's new value; keystrokes in one field within a second are one undo step. */
  private setSlot(elementId: string, value: string, label?: string) {
    const slot = slotsOf(this.design).find((s) => s.elementId === elementId);
    this.session.apply(
      setContent(this.design, elementId, value),
      label ?? t('editSlot', { slot: slot?.label ?? elementId }),
      label ? undefined : `slot:${elementId}`,
    );
  }

  private designChange(e: CsEvent<'design-change'>) {
    // Dragging a size or picking colours fires many changes: same control, same element → one step.
    this.session.apply(e.detail.design, e.detail.label, `edit:${e.detail.label}:${this.selectedId}`);
  }

  private get sloganSlot() {
    return slotsOf(this.design).find((s) => s.name === 'slogan' && s.type === 'text');
  }

  /** Selects an element (preview click, style panel, preflight finding) and focuses its field if it has one. */
  private selectElement(elementId: string, focusField = true) {
    this.selectedId = elementId;
    if (focusField && elementId) this.renderRoot.querySelector('cs-slot-form')?.focusSlot(elementId);
  }

  openExport() {
    this.renderRoot.querySelector('cs-export-dialog')?.open();
  }

  private openPublish() {
    this.renderRoot.querySelector('cs-publish-dialog')?.open();
  }

  private command(command: DocCommand | 'undo' | 'redo') {
    fire(this, 'doc-command', { command });
  }

  private toolbar() {
    const s = this.session;
    const undoTitle = s.undoLabel ? t('undoStep', { step: s.undoLabel }) : t('nothingUndo');
    const redoTitle = s.redoLabel ? t('redoStep', { step: s.redoLabel }) : t('nothingRedo');
    return html`
      <div class="tools" role="toolbar" aria-label=${t('toolbar')}>
        <div class="group">
          <button type="button" class="secondary undo" ?disabled=${!s.canUndo} title=${undoTitle} aria-label=${undoTitle} aria-keyshortcuts="Control+Z"
            @click=${() => this.command('undo')}>↶ ${t('undo')}</button>
          <button type="button" class="secondary redo" ?disabled=${!s.canRedo} title=${redoTitle} aria-label=${redoTitle} aria-keyshortcuts="Control+Y Control+Shift+Z"
            @click=${() => this.command('redo')}>↷ ${t('redo')}</button>
        </div>
        <span class="sep" aria-hidden="true"></span>
        <div class="group">
          <button type="button" class="secondary new" title=${t('newTitle')} @click=${() => this.command('new')}>${t('new')}</button>
          <button type="button" class="secondary open" ?disabled=${this.busy} aria-keyshortcuts="Control+O" @click=${() => this.command('open')}>${t('open')}</button>
          <button type="button" class="secondary save" ?disabled=${this.busy} aria-keyshortcuts="Control+S" @click=${() => this.command('save')}>${t('save')}</button>
          <button type="button" class="secondary save-as" ?disabled=${this.busy} aria-keyshortcuts="Control+Shift+S" @click=${() => this.command('save-as')}>${t('saveAs')}</button>
        </div>
        <span class="sep" aria-hidden="true"></span>
        <div class="group">
          <button type="button" class="secondary open-publish" @click=${this.openPublish}>${t('publish')}</button>
          <button type="button" class="open-export" aria-keyshortcuts="Control+E" @click=${this.openExport}>${t('export')}</button>
        </div>
      </div>
    `;
  }

  private autosaveLine() {
    const a = this.autosave;
    if (a.state === 'error')
      return html`<p class="error autosave" role="alert">${t('autosaveFailed', { message: a.message })}</p>`;
    if (a.at && this.session.dirty) {
      const time = new Date(a.at).toLocaleTimeString(locale() === 'en' ? 'en-GB' : 'zh-CN', {
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
      return html`<p class="muted autosave" data-state=${a.state}>${t('autosaved', { time })}</p>`;
    }
    return '';
  }

  override render() {
    const slogan = this.sloganSlot;
    const dirty = this.session.dirty;
    return html`
      <div class="top">
        <div class="title">
          <h2>${this.design.name}</h2>
          <span class="state ${dirty ? 'unsaved' : 'clean muted'}" title=${dirty ? t('unsavedTitle') : ''}>${dirty ? t('unsaved') : t('clean')}</span>
        </div>
        ${this.toolbar()}
      </div>
      ${this.autosaveLine()}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      <div class="layout" @design-change=${this.designChange}>
        <div class="side">
          <cs-slot-form .design=${this.design}
            @slot-input=${(e: CsEvent<'slot-input'>) => this.setSlot(e.detail.elementId, e.detail.value)}
            @focusin=${(e: FocusEvent) => this.focusedField(e)}></cs-slot-form>
          ${
            slogan
              ? html`<cs-slogan-assistant .text=${contentOf(this.design, slogan.elementId)} .design=${this.design}
                @slogan-insert=${(e: CsEvent<'slogan-insert'>) => {
                  this.setSlot(slogan.elementId, e.detail.text, t('insertSlogan'));
                  this.selectElement(slogan.elementId);
                }}></cs-slogan-assistant>`
              : ''
          }
        </div>
        <div class="main">
          <cs-preview .layers=${this.layers} .design=${this.design} .selectedId=${this.selectedId}
            @element-select=${(e: CsEvent<'element-select'>) => this.selectElement(e.detail.elementId)}></cs-preview>
          <div class="below">
            <cs-style-panel .design=${this.design} .selectedId=${this.selectedId}
              @element-select=${(e: CsEvent<'element-select'>) => this.selectElement(e.detail.elementId, false)}></cs-style-panel>
            <cs-preflight-list .report=${this.report} .design=${this.design}
              @finding-select=${(e: CsEvent<'finding-select'>) => this.selectElement(e.detail.elementId)}></cs-preflight-list>
          </div>
        </div>
      </div>
      <cs-export-dialog .design=${this.design}></cs-export-dialog>
      <cs-publish-dialog .design=${this.design}></cs-publish-dialog>
    `;
  }

  /** Typing in a slot's field selects its element, so the style panel shows that text's style. */
  private focusedField(e: FocusEvent) {
    const id = (e.composedPath()[0] as HTMLElement).dataset?.['element'];
    if (id && id !== this.selectedId) this.selectedId = id;
  }
}
customElements.define('cs-editor', CsEditor);

declare global {
  interface HTMLElementTagNameMap {
    'cs-editor': CsEditor;
  }
}
