import { LitElement, html, nothing } from 'lit';
import type { ApiValue, PreviewGeometry } from '../../main/core/api.js';
import type { StudioDesign } from '../../main/core/design/design.js';
import {
  addElement,
  addImage,
  contentOf,
  elementAt,
  newElement,
  placeImage,
  setContent,
} from '../../main/core/design/edit.js';
import { elementName, elementNames } from '../../main/core/design/names.js';
import { slotsOf } from '../../main/core/design/slots.js';
import type { PreflightReport } from '../../main/core/preflight.js';
import { call, errorMessage } from './data/api-client.js';
import type { AutosaveState } from './data/autosave.js';
import { cutSelection, copySelection, pasteInto, runCommand, type CommandResult } from './data/canvas-commands.js';
import { addImageFile, imageError } from './data/images.js';
import { allIllustrations } from './data/illustrations.js';
import { LatestWins } from './data/preview-scheduler.js';
import { unitProfile } from './data/profile.js';
import { rememberDesign } from './data/recent.js';
import type { DesignSession } from './data/session.js';
import { editorStyles } from './editor-styles.js';
import { fire, type CsEvent } from './events.js';
import { defineMessages, locale, LocaleController } from './i18n/i18n.js';
import type { DocCommand } from './cs-app.js';
import './cs-slot-form.js';
import './cs-preview.js';
import './cs-slogan-assistant.js';
import './cs-style-panel.js';
import './cs-layers-panel.js';
import './cs-insert-menu.js';
import './cs-preflight-list.js';
import './cs-export-dialog.js';
import './cs-publish-dialog.js';

const t = defineMessages({
  toolbar: { zh: '设计操作', en: 'Design actions' },
  name: { zh: '设计名称', en: 'Design name' },
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
  fresh: { zh: '新设计，尚未保存', en: 'New design, not saved yet' },
  autosaved: { zh: '已自动保存 {time}', en: 'Autosaved {time}' },
  autosaveFailed: {
    zh: '自动保存失败：{message}（上一次的自动保存仍在）',
    en: 'Autosave failed: {message} (the previous autosave is kept)',
  },
  editSlot: { zh: '修改「{slot}」', en: 'Edit “{slot}”' },
  editText: { zh: '修改文字', en: 'Edit text' },
  insertSlogan: { zh: '填入推荐标语', en: 'Insert suggested slogan' },
  rename: { zh: '重命名', en: 'Rename' },
  add: { zh: '添加{what}', en: 'Add {what}' },
  addImage: { zh: '添加图片', en: 'Add image' },
  replaceImage: { zh: '更换图片', en: 'Replace image' },
  tabs: { zh: '编辑面板', en: 'Editing panels' },
  content: { zh: '内容', en: 'Content' },
  style: { zh: '样式', en: 'Style' },
  layers: { zh: '图层', en: 'Layers' },
  check: { zh: '检查', en: 'Check' },
  collapse: { zh: '收起面板', en: 'Hide panels' },
  expand: { zh: '展开面板', en: 'Show panels' },
});

type Tab = 'content' | 'style' | 'layers' | 'check';
const TABS: Tab[] = ['content', 'style', 'layers', 'check'];
/** Preflight waits for a pause in typing; it finds the preview's scene on the main side. */
const PREFLIGHT_DELAY_MS = 300;
/** How long a refusal (a locked element…) stays on screen. */
const REFUSAL_MS = 6000;
/** The recent designs' entry (with its picture) follows a pause in the work. */
const RECENT_DELAY_MS = 1500;

/**
 * The open design: the canvas with the editing panels beside it (content, style, layers, check;
 * collapsible, so the canvas stays in view on a 1366×768 screen) and the document's toolbar.
 * Every edit is one step of the session's undo history; file commands go up to cs-app as
 * `doc-command` {command}.
 */
export class CsEditor extends LitElement {
  static override properties = {
    session: { attribute: false },
    autosave: { attribute: false },
    busy: { attribute: false },
    report: { state: true },
    error: { state: true },
    refusal: { state: true },
    selection: { state: true },
    tab: { state: true },
    collapsed: { state: true },
    profile: { state: true },
  };
  session!: DesignSession;
  autosave: AutosaveState = { state: 'idle' };
  busy = false;
  report: PreflightReport | null = null;
  error = '';
  refusal = '';
  selection: readonly string[] = [];
  tab: Tab = 'content';
  collapsed = false;
  profile: ApiValue<'getProfile'>['profile'] | null = null;
  private geometry = new Map<string, PreviewGeometry>();
  private pictureNames = new Map<string, string>();
  private namesFor: { elements: unknown; names: ReadonlyMap<string, string> } | undefined;
  private refusalTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly i18n = new LocaleController(this);

  /** The live preview: latest edit wins, sent as soon as the previous preview is back. */
  private readonly previews = new LatestWins<StudioDesign, ApiValue<'previewSvg'>>(
    (design) => call('previewSvg', { design }),
    ({ layers, elements }, made) => {
      this.geometry = new Map(elements.map((g) => [g.id, g]));
      const preview = this.renderRoot.querySelector('cs-preview');
      if (preview) {
        void preview.show(layers, made);
        preview.geometry = this.geometry;
      }
      const style = this.renderRoot.querySelector('cs-style-panel');
      if (style) style.geometry = this.geometry;
      if (this.error) this.error = '';
    },
    (e) => (this.error = errorMessage(e)),
  );
  private preflightTimer: ReturnType<typeof setTimeout> | undefined;
  private recentTimer: ReturnType<typeof setTimeout> | undefined;
  private preflightSeq = 0;
  private subscribed: DesignSession | undefined;

  static override styles = editorStyles;

  get design(): StudioDesign {
    return this.session.design;
  }

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('session') && this.session !== this.subscribed) {
      this.subscribe();
      this.selection = [];
    }
  }

  override connectedCallback() {
    super.connectedCallback();
    // Back on the editor tab after another screen: same session, listen again.
    if (this.session && !this.subscribed) this.subscribe();
    void allIllustrations().then((all) => {
      this.pictureNames = new Map(all.map((i) => [i.id, i.name]));
      this.namesFor = undefined;
      this.requestUpdate();
    });
    void unitProfile().then(
      (p) => (this.profile = p.profile),
      () => (this.profile = null),
    );
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.subscribed?.removeEventListener('change', this.onChange);
    this.subscribed = undefined;
    this.previews.clear();
    clearTimeout(this.preflightTimer);
    clearTimeout(this.refusalTimer);
    clearTimeout(this.recentTimer);
  }

  /** After a pause, the design goes to the start screen's recent designs with a picture of it. */
  private readonly remember = () => {
    clearTimeout(this.recentTimer);
    this.recentTimer = setTimeout(() => {
      const s = this.session;
      void rememberDesign(s.id, s.design, this.renderRoot.querySelector('cs-preview')?.thumbnail());
    }, RECENT_DELAY_MS);
  };

  private subscribe() {
    this.subscribed?.removeEventListener('change', this.onChange);
    this.subscribed = this.session;
    this.session.addEventListener('change', this.onChange);
    this.previews.request(this.design);
    this.schedulePreflight(0);
  }

  // The preview goes out first, in the same task as the edit: the latency budget is 50 ms.
  private readonly onChange = () => {
    this.previews.request(this.design);
    this.schedulePreflight();
    const ids = new Set(this.design.elements.map((e) => e.id));
    if (this.selection.some((id) => !ids.has(id))) this.selection = this.selection.filter((id) => ids.has(id));
    this.requestUpdate();
  };

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

  /** Names as the user reads them (core design/names.ts), made once per set of elements. */
  private get names(): ReadonlyMap<string, string> {
    const els = this.design.elements;
    if (this.namesFor?.elements !== els)
      this.namesFor = {
        elements: els,
        names: elementNames(this.design, { illustrationName: (id) => this.pictureNames.get(id) }),
      };
    return this.namesFor.names;
  }

  private apply(r: CommandResult) {
    if (r.design) this.session.apply(r.design, r.label ?? '', r.key);
    if (r.select) this.selection = r.select;
  }

  private attempt(make: () => CommandResult) {
    try {
      this.apply(make());
    } catch (e) {
      this.refuse(e instanceof Error ? e.message : String(e));
    }
  }

  private refuse(message: string) {
    this.refusal = message;
    clearTimeout(this.refusalTimer);
    this.refusalTimer = setTimeout(() => (this.refusal = ''), REFUSAL_MS);
  }

  /** A text or QR content; keystrokes in one field within a second are one undo step. */
  private setSlot(elementId: string, value: string, label?: string) {
    const slot = slotsOf(this.design).find((s) => s.elementId === elementId);
    const name = slot?.label ?? this.names.get(elementId) ?? elementId;
    this.attempt(() => ({
      design: setContent(this.design, elementId, value),
      label: label ?? t('editSlot', { slot: name }),
      key: label ? undefined : `slot:${elementId}`,
    }));
  }

  private get sloganSlot() {
    return slotsOf(this.design).find((s) => s.name === 'slogan' && s.type === 'text');
  }

  private async showTab(tab: Tab) {
    this.tab = tab;
    this.collapsed = false;
    await this.updateComplete;
  }

  /** A finding clicked: select its element and focus the field that fixes it. */
  private async findingSelect(e: CsEvent<'finding-select'>) {
    const { elementId: id, code } = e.detail;
    this.selection = id ? [id] : [];
    if (code === 'text-overflow' || code === 'text-too-small') {
      await this.showTab('style');
      this.renderRoot.querySelector('cs-style-panel')?.focusField('size');
      return;
    }
    await this.showTab('content');
    if (this.renderRoot.querySelector('cs-slot-form')?.focusSlot(id)) return;
    await this.showTab('style');
    this.renderRoot.querySelector('cs-style-panel')?.focusField('content');
  }

  private async files(e: CsEvent<'canvas-files'>) {
    const preview = this.renderRoot.querySelector('cs-preview');
    for (const file of e.detail.files) {
      try {
        const ref = await addImageFile(file);
        const at = e.detail.at ?? preview?.visibleCentre();
        const onto = at && elementAt(this.design, at.x, at.y);
        if (onto?.type === 'image' && !onto.locked) {
          this.apply({ design: placeImage(this.design, onto.id, ref), label: t('replaceImage'), select: [onto.id] });
        } else {
          const r = addImage(this.design, ref, { ...(at ? { at } : {}) });
          this.apply({ design: r.design, label: t('addImage'), select: [r.id] });
        }
      } catch (err) {
        this.refuse(imageError(err, errorMessage));
      }
    }
  }

  private insert(e: CsEvent<'element-insert'>) {
    const { kind, illustration } = e.detail;
    const at = this.renderRoot.querySelector('cs-preview')?.visibleCentre();
    const p = this.profile;
    this.attempt(() => {
      if (kind === 'logo' || kind === 'mascot') {
        const ref = kind === 'logo' ? p?.logo : p?.mascot?.image;
        if (!ref) return {};
        const r = addImage(this.design, ref, {
          ...(at ? { at } : {}),
          bind: kind,
          label: kind === 'logo' ? '单位标志' : '吉祥物',
        });
        return { design: r.design, label: t('add', { what: kind === 'logo' ? '单位标志' : '吉祥物' }), select: [r.id] };
      }
      const el = newElement(this.design, kind, {
        ...(at ? { at } : {}),
        ...(illustration ? { illustration } : {}),
        ...(p?.qr.app ? { qr: p.qr.app } : {}),
      });
      return {
        design: addElement(this.design, el),
        label: t('add', { what: `「${elementName(el)}」` }),
        select: [el.id],
      };
    });
    if (kind !== 'logo' && kind !== 'mascot') void this.showTab('style');
  }

  private clipboard(e: ClipboardEvent) {
    // Text fields (the inline editor) keep their own copy and paste.
    const from = e.composedPath()[0];
    if (from instanceof HTMLTextAreaElement || from instanceof HTMLInputElement) return;
    if (e.type === 'copy') {
      if (copySelection(e, this.design, this.selection)) e.preventDefault();
      return;
    }
    e.preventDefault();
    if (e.type === 'cut') return this.attempt(() => cutSelection(e, this.design, this.selection));
    const r = pasteInto(e, this.design);
    if (r && 'files' in r) void this.files(new CustomEvent('canvas-files', { detail: { files: r.files } }));
    else if (r) this.apply(r);
  }

  openExport() {
    this.renderRoot.querySelector('cs-export-dialog')?.open();
  }

  private command(command: DocCommand | 'undo' | 'redo') {
    fire(this, 'doc-command', { command });
  }

  private rename(e: Event) {
    const name = (e.target as HTMLInputElement).value.trim();
    if (name && name !== this.design.name)
      this.session.apply({ ...this.design, name: name.slice(0, 200) }, t('rename'));
    else (e.target as HTMLInputElement).value = this.design.name;
  }

  private toolbar() {
    const s = this.session;
    const undoTitle = s.undoLabel ? t('undoStep', { step: s.undoLabel }) : t('nothingUndo');
    const redoTitle = s.redoLabel ? t('redoStep', { step: s.redoLabel }) : t('nothingRedo');
    const b = (
      cls: string,
      label: string,
      f: () => void,
      extra: { disabled?: boolean; title?: string; keys?: string } = {},
    ) =>
      html`<button type="button" class="secondary ${cls}" ?disabled=${extra.disabled ?? false} title=${extra.title ?? label} aria-label=${extra.title ?? label} aria-keyshortcuts=${extra.keys ?? nothing} @click=${f}>${label}</button>`;
    return html`<div class="tools" role="toolbar" aria-label=${t('toolbar')}>
      ${b('undo', `↶ ${t('undo')}`, () => this.command('undo'), { disabled: !s.canUndo, title: undoTitle, keys: 'Control+Z' })}
      ${b('redo', `↷ ${t('redo')}`, () => this.command('redo'), { disabled: !s.canRedo, title: redoTitle, keys: 'Control+Y Control+Shift+Z' })}
      <span class="sep" aria-hidden="true"></span>
      ${b('new', t('new'), () => this.command('new'), { title: t('newTitle') })}
      ${b('open', t('open'), () => this.command('open'), { disabled: this.busy, keys: 'Control+O' })}
      ${b('save', t('save'), () => this.command('save'), { disabled: this.busy, keys: 'Control+S' })}
      ${b('save-as', t('saveAs'), () => this.command('save-as'), { disabled: this.busy, keys: 'Control+Shift+S' })}
      <span class="sep" aria-hidden="true"></span>
      <cs-insert-menu .hasLogo=${!!this.profile?.logo} .hasMascot=${!!this.profile?.mascot} @canvas-files=${this.files} @element-insert=${this.insert}></cs-insert-menu>
      <span class="grow"></span>
      ${b('open-publish', t('publish'), () => this.renderRoot.querySelector('cs-publish-dialog')?.open())}
      <button type="button" class="open-export" aria-keyshortcuts="Control+E" @click=${this.openExport}>${t('export')}</button>
    </div>`;
  }

  private stateLine() {
    const s = this.session;
    const a = this.autosave;
    const state = s.dirty
      ? html`<span class="state unsaved" title=${t('unsavedTitle')}>${t('unsaved')}</span>`
      : html`<span class="state clean muted">${s.isNew ? t('fresh') : t('clean')}</span>`;
    let auto: unknown = nothing;
    if (a.state === 'error')
      auto = html`<span class="error autosave" role="alert">${t('autosaveFailed', { message: a.message })}</span>`;
    else if (a.at && s.dirty) {
      const time = new Date(a.at).toLocaleTimeString(locale() === 'en' ? 'en-GB' : 'zh-CN', {
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
      auto = html`<span class="muted autosave" data-state=${a.state}>${t('autosaved', { time })}</span>`;
    }
    return html`${state}${auto}`;
  }

  private pane() {
    const d = this.design;
    switch (this.tab) {
      case 'content': {
        const slogan = this.sloganSlot;
        return html`<cs-slot-form .design=${d} @slot-input=${(e: CsEvent<'slot-input'>) => this.setSlot(e.detail.elementId, e.detail.value)}
            @focusin=${(e: FocusEvent) => this.focusedField(e)}></cs-slot-form>
          ${
            slogan
              ? html`<cs-slogan-assistant .text=${contentOf(d, slogan.elementId)} .design=${d}
            @slogan-insert=${(e: CsEvent<'slogan-insert'>) => this.setSlot(slogan.elementId, e.detail.text, t('insertSlogan'))}></cs-slogan-assistant>`
              : nothing
          }`;
      }
      case 'style':
        return html`<cs-style-panel .design=${d} .ids=${this.selection} .geometry=${this.geometry} .names=${this.names}
          @slot-input=${(e: CsEvent<'slot-input'>) => this.setSlot(e.detail.elementId, e.detail.value)}
          @element-edit=${(e: CsEvent<'element-edit'>) => this.renderRoot.querySelector('cs-preview')?.edit(e.detail.elementId)}></cs-style-panel>`;
      case 'layers':
        return html`<cs-layers-panel .design=${d} .ids=${this.selection} .names=${this.names}></cs-layers-panel>`;
      case 'check':
        return html`<cs-preflight-list .report=${this.report} .names=${this.names}></cs-preflight-list>`;
    }
  }

  override render() {
    const errors = this.report?.findings.filter((f) => f.severity === 'error').length ?? 0;
    return html`
      <div class="top">
        <input class="name" name="design-name" aria-label=${t('name')} .value=${this.design.name} maxlength="200" @change=${this.rename}>
        ${this.stateLine()}
      </div>
      ${this.toolbar()}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.refusal ? html`<p class="error refusal" role="alert">${this.refusal}</p>` : nothing}
      <div class="work ${this.collapsed ? 'collapsed' : ''}"
        @design-change=${(e: CsEvent<'design-change'>) => this.session.apply(e.detail.design, e.detail.label, e.detail.key)}
        @elements-select=${(e: CsEvent<'elements-select'>) => {
          this.selection = e.detail.ids;
          if (e.detail.ids.length && this.tab !== 'layers' && (e.target as Element).localName === 'cs-preview')
            this.tab = 'style';
        }}
        @edit-refused=${(e: CsEvent<'edit-refused'>) => this.refuse(e.detail.message)}
        @canvas-command=${(e: CsEvent<'canvas-command'>) => this.attempt(() => runCommand(this.design, this.selection, e.detail.action))}
        @canvas-files=${this.files} @finding-select=${this.findingSelect}>
        <cs-preview .design=${this.design} .selected=${this.selection} .names=${this.names} @preview-load=${this.remember}
          @text-commit=${(e: CsEvent<'text-commit'>) => this.setSlot(e.detail.elementId, e.detail.text, t('editText'))}
          @copy=${this.clipboard} @cut=${this.clipboard} @paste=${this.clipboard}></cs-preview>
        <aside>
          <div class="tabs" role="tablist" aria-label=${t('tabs')}>
            ${TABS.map(
              (
                tab,
              ) => html`<button type="button" role="tab" class="tab" data-tab=${tab} aria-selected=${!this.collapsed && this.tab === tab}
                @click=${() => void this.showTab(tab)}>${t(tab)}${tab === 'check' && errors ? html`<span class="badge">${errors}</span>` : nothing}</button>`,
            )}
            <button type="button" class="collapse" aria-expanded=${!this.collapsed} title=${this.collapsed ? t('expand') : t('collapse')}
              aria-label=${this.collapsed ? t('expand') : t('collapse')} @click=${() => (this.collapsed = !this.collapsed)}>${this.collapsed ? '◀' : '▶'}</button>
          </div>
          ${this.collapsed ? nothing : html`<div class="pane" role="tabpanel" data-pane=${this.tab}>${this.pane()}</div>`}
        </aside>
      </div>
      <cs-export-dialog .design=${this.design} .report=${this.report} .names=${this.names} @finding-select=${this.findingSelect}></cs-export-dialog>
      <cs-publish-dialog .design=${this.design} .report=${this.report} .names=${this.names} .unit=${this.profile?.unit.full ?? ''} @finding-select=${this.findingSelect}></cs-publish-dialog>
    `;
  }

  /** Typing in a slot's field selects its element, so the style tab shows that element. */
  private focusedField(e: FocusEvent) {
    const id = (e.composedPath()[0] as HTMLElement).dataset?.['element'];
    if (id && (this.selection.length !== 1 || this.selection[0] !== id)) this.selection = [id];
  }
}
customElements.define('cs-editor', CsEditor);

declare global {
  interface HTMLElementTagNameMap {
    'cs-editor': CsEditor;
  }
}
