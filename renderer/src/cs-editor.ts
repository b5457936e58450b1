import { LitElement, html, nothing } from 'lit';
import type { ApiValue } from '../../main/core/api.js';
import type { StudioDesign } from '../../main/core/design/design.js';
import { contentOf, setContent } from '../../main/core/design/edit.js';
import { elementNames } from '../../main/core/design/names.js';
import { slotsOf } from '../../main/core/design/slots.js';
import type { AutosaveState } from './data/autosave.js';
import { runCommand, type CommandResult } from './data/canvas-commands.js';
import { allIllustrations } from './data/illustrations.js';
import { Inserts } from './data/inserts.js';
import { PreviewPreflightController } from './data/preview-preflight.js';
import { unitProfile } from './data/profile.js';
import type { DesignSession } from './data/session.js';
import { editorStyles } from './editor-styles.js';
import { editorTop } from './editor-toolbar.js';
import type { CsEvent } from './events.js';
import { defineMessages, LocaleController } from './i18n/i18n.js';
import './cs-slot-form.js';
import './cs-preview.js';
import './cs-slogan-assistant.js';
import './cs-style-panel.js';
import './cs-layers-panel.js';
import './cs-preflight-list.js';
import './cs-export-dialog.js';
import './cs-publish-dialog.js';

const t = defineMessages({
  editSlot: { zh: '修改「{slot}」', en: 'Edit “{slot}”' },
  editText: { zh: '修改文字', en: 'Edit text' },
  insertSlogan: { zh: '填入推荐标语', en: 'Insert suggested slogan' },
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
/** How long a refusal (a locked element…) stays on screen. */
const REFUSAL_MS = 6000;

/**
 * The open design: the canvas with the editing panels beside it (content, style, layers, check;
 * collapsible, so the canvas stays in view on a 1366×768 screen) and the document's toolbar
 * (editor-toolbar.ts). Every edit is one step of the session's undo history; file commands go up
 * to cs-app as `doc-command` {command}. The main side's answers (preview, preflight) are kept by
 * data/preview-preflight.ts, what comes into the design (insert menu, files, clipboard) is
 * data/inserts.ts.
 */
export class CsEditor extends LitElement {
  static override properties = {
    session: { attribute: false },
    autosave: { attribute: false },
    busy: { attribute: false },
    refusal: { state: true },
    selection: { state: true },
    tab: { state: true },
    collapsed: { state: true },
    profile: { state: true },
  };
  session!: DesignSession;
  autosave: AutosaveState = { state: 'idle' };
  busy = false;
  refusal = '';
  selection: readonly string[] = [];
  tab: Tab = 'content';
  collapsed = false;
  profile: ApiValue<'getProfile'>['profile'] | null = null;
  private pictureNames = new Map<string, string>();
  private namesFor: { elements: unknown; names: ReadonlyMap<string, string> } | undefined;
  private refusalTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly i18n = new LocaleController(this);
  private readonly checks = new PreviewPreflightController(this);
  private readonly inserts = new Inserts(this);

  static override styles = editorStyles;

  get design(): StudioDesign {
    return this.session.design;
  }

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('session') && this.checks.follow()) this.selection = [];
  }

  override connectedCallback() {
    super.connectedCallback();
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
    clearTimeout(this.refusalTimer);
  }

  /** An edit, undo or redo: a selected element it removed is no longer selected. */
  designChanged(): void {
    const ids = new Set(this.design.elements.map((e) => e.id));
    if (this.selection.some((id) => !ids.has(id))) this.selection = this.selection.filter((id) => ids.has(id));
    this.requestUpdate();
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

  apply(r: CommandResult): void {
    if (r.design) this.session.apply(r.design, r.label ?? '', r.key);
    if (r.select) this.selection = r.select;
  }

  attempt(make: () => CommandResult): void {
    try {
      this.apply(make());
    } catch (e) {
      this.refuse(e instanceof Error ? e.message : String(e));
    }
  }

  refuse(message: string): void {
    this.refusal = message;
    clearTimeout(this.refusalTimer);
    this.refusalTimer = setTimeout(() => (this.refusal = ''), REFUSAL_MS);
  }

  visibleCentre() {
    return this.renderRoot.querySelector('cs-preview')?.visibleCentre();
  }

  get geometry() {
    return this.checks.geometry;
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

  insertFiles(e: CsEvent<'canvas-files'>): void {
    void this.inserts.files(e);
  }

  /** A new element from the insert menu; the style tab then shows it (a logo or mascot: no need). */
  insertElement(e: CsEvent<'element-insert'>): void {
    const { kind, illustration } = e.detail;
    this.inserts.element(kind, illustration);
    if (kind !== 'logo' && kind !== 'mascot') void this.showTab('style');
  }

  openExport() {
    this.renderRoot.querySelector('cs-export-dialog')?.open();
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
        return html`<cs-style-panel .design=${d} .ids=${this.selection} .geometry=${this.checks.geometry} .names=${this.names}
          @slot-input=${(e: CsEvent<'slot-input'>) => this.setSlot(e.detail.elementId, e.detail.value)}
          @element-edit=${(e: CsEvent<'element-edit'>) => this.renderRoot.querySelector('cs-preview')?.edit(e.detail.elementId)}></cs-style-panel>`;
      case 'layers':
        return html`<cs-layers-panel .design=${d} .ids=${this.selection} .names=${this.names}></cs-layers-panel>`;
      case 'check':
        return html`<cs-preflight-list .report=${this.checks.report} .names=${this.names}></cs-preflight-list>`;
    }
  }

  override render() {
    const { report, error } = this.checks;
    const errors = report?.findings.filter((f) => f.severity === 'error').length ?? 0;
    return html`
      ${editorTop(this)}
      ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}
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
        @canvas-files=${this.insertFiles} @finding-select=${this.findingSelect}>
        <cs-preview .design=${this.design} .selected=${this.selection} .names=${this.names} @preview-load=${this.checks.remember}
          @text-commit=${(e: CsEvent<'text-commit'>) => this.setSlot(e.detail.elementId, e.detail.text, t('editText'))}
          @copy=${this.inserts.clipboard} @cut=${this.inserts.clipboard} @paste=${this.inserts.clipboard}></cs-preview>
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
      <cs-export-dialog .design=${this.design} .report=${report} .names=${this.names} @finding-select=${this.findingSelect}></cs-export-dialog>
      <cs-publish-dialog .design=${this.design} .report=${report} .names=${this.names} .unit=${this.profile?.unit.full ?? ''} @finding-select=${this.findingSelect}></cs-publish-dialog>
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
