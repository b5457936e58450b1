import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { StudioDesign } from '../../../main/core/design/design.js';
import { errorMessage } from './api-client.js';
import { Autosaver, recoveryOffer, type AutosaveState, type AutosaveStore, type RecoveryOffer } from './autosave.js';
import { indexedDbAutosave } from './autosave-store.js';
import type { StudioCommand } from '../../../main/core/bridge.js';
import { openFromFile, openWithDialog, saveDesignToFile } from './design-files.js';
import { transport } from './transport.js';
import { DesignSession, type SessionOrigin } from './session.js';
import { historyInput, shortcutOf } from './shortcuts.js';
import { defineMessages } from '../i18n/i18n.js';
import type { Answer, Ask } from '../cs-ask-dialog.js';

const t = defineMessages({
  leaveTitle: { zh: '保存修改吗？', en: 'Save your changes?' },
  leave: {
    zh: '「{name}」有未保存的修改。换成别的设计前要保存它吗？',
    en: '“{name}” has unsaved changes. Save it before opening another design?',
  },
  save: { zh: '保存', en: 'Save' },
  dontSave: { zh: '不保存', en: 'Don’t save' },
  cancel: { zh: '取消', en: 'Cancel' },
  nameTitle: { zh: '保存设计', en: 'Save the design' },
  nameTitleAs: { zh: '另存为', en: 'Save as' },
  nameMessage: {
    zh: '给这份设计起个名字：保存的设计文件和导出的 PDF、图片都用这个名字。',
    en: 'Name this design: the saved file and the exported PDF and images are named after it.',
  },
  nameLabel: { zh: '设计名称', en: 'Design name' },
  rename: { zh: '重命名', en: 'Rename' },
  saved: { zh: '已保存「{name}」', en: 'Saved “{name}”' },
  savedTo: { zh: '已保存到 {path}', en: 'Saved to {path}' },
  noDesign: {
    zh: '还没有打开设计：请先选择模板或打开设计文件。',
    en: 'No design is open: pick a template or open a design file first.',
  },
});

/** What the app does for a command the document cannot do itself. */
export interface DocumentHost extends ReactiveControllerHost {
  showScreen(screen: 'gallery' | 'editor'): void;
  openExport(): void;
  /** Browser mode 打开…: click the page's <input type=file>. */
  pickFile(): void;
  /** The editor is on screen (undo/redo act only then). */
  readonly editing: boolean;
  /** A question in the studio's own dialog. */
  ask(q: Ask): Promise<Answer>;
}

/** A menu accelerator and the page's own key handling may both see one key press: act once. */
const SAME_PRESS_MS = 25;

/** Where a command came from: the desktop menu (main side) or the page (keys, toolbar). */
export type CommandSource = 'menu' | 'page';

/**
 * The document lifecycle of the app: which design is open (a DesignSession with its undo history),
 * autosave and recovery after a crash, open/save of design files, the desktop menu's commands and
 * the warning before leaving with unsaved changes. The host (cs-app) renders what it holds.
 */
export class DocumentController implements ReactiveController {
  session: DesignSession | null = null;
  recovery: RecoveryOffer | null = null;
  autosave: AutosaveState = { state: 'idle' };
  error = '';
  notice = '';
  busy = false;
  private readonly autosaver: Autosaver;
  private offCommand: (() => void) | undefined;
  private lastHistory: { at: number; source: CommandSource } = { at: -Infinity, source: 'page' };

  constructor(
    private readonly host: DocumentHost,
    private readonly store: AutosaveStore = indexedDbAutosave,
  ) {
    this.autosaver = new Autosaver(store, (s) => {
      this.autosave = s;
      host.requestUpdate();
    });
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('beforeunload', this.beforeUnload);
    window.addEventListener('pagehide', this.pageHide);
    window.addEventListener('keydown', this.keydown);
    window.addEventListener('beforeinput', this.beforeInput, true);
    this.offCommand = transport.desktop?.onCommand((c) => void this.command(c));
    void this.checkRecovery();
  }

  hostDisconnected(): void {
    window.removeEventListener('beforeunload', this.beforeUnload);
    window.removeEventListener('pagehide', this.pageHide);
    window.removeEventListener('keydown', this.keydown);
    window.removeEventListener('beforeinput', this.beforeInput, true);
    this.offCommand?.();
    this.autosaver.dispose();
  }

  private readonly beforeUnload = (e: BeforeUnloadEvent) => {
    if (!this.session?.dirty) return;
    e.preventDefault();
    e.returnValue = '';
  };

  // Start the pending write now: the tab may be going away (IndexedDB usually finishes it).
  private readonly pageHide = () => void this.autosaver.flush();

  /** Inside an open dialog (export, publish) keys belong to the dialog's own fields. */
  private static inDialog(e: Event): boolean {
    return e.composedPath().some((n) => n instanceof HTMLDialogElement && n.open);
  }

  private readonly keydown = (e: KeyboardEvent) => {
    if (transport.desktop || e.defaultPrevented || DocumentController.inDialog(e)) return;
    const c = shortcutOf(e, /Mac/.test(navigator.platform));
    if (!c || ((c === 'undo' || c === 'redo') && !this.host.editing)) return;
    e.preventDefault();
    void this.command({ command: c }, 'page');
  };

  // A field's native undo would undo only that field, out of step with the design: use the history.
  private readonly beforeInput = (e: InputEvent) => {
    const h = historyInput(e.inputType);
    if (!h || !this.host.editing || DocumentController.inDialog(e)) return;
    e.preventDefault();
    void this.command({ command: h }, 'page');
  };

  private async checkRecovery() {
    try {
      this.recovery = recoveryOffer(await this.store.read());
    } catch {
      this.recovery = null; // no storage (private mode): nothing to recover, nothing to warn about
    }
    this.host.requestUpdate();
  }

  /**
   * Replaces the open design; with unsaved changes it first asks 保存 / 不保存 / 取消 (walkthrough
   * bug 9). False if the user kept the current one.
   */
  async open(design: StudioDesign, origin: SessionOrigin = {}): Promise<boolean> {
    const s = this.session;
    if (s?.dirty && s.design !== design) {
      const { action } = await this.host.ask({
        title: t('leaveTitle'),
        message: t('leave', { name: s.design.name }),
        actions: [
          { id: 'cancel', label: t('cancel'), secondary: true },
          { id: 'discard', label: t('dontSave'), secondary: true },
          { id: 'save', label: t('save') },
        ],
        cancel: 'cancel',
      });
      if (action === 'cancel') return false;
      if (action === 'save') {
        await this.save(false);
        if (s.dirty) return false; // not saved (cancelled or failed): the design stays open
      }
    }
    this.session?.removeEventListener('change', this.onChange);
    this.session = new DesignSession(design, origin);
    this.session.addEventListener('change', this.onChange);
    this.error = '';
    this.notice = '';
    if (origin.saved === false) this.recovery = null;
    // The record now describes this design (clean unless recovered): an old crash is not offered again.
    this.scheduleAutosave(0);
    this.host.showScreen('editor');
    this.host.requestUpdate();
    return true;
  }

  // Per keystroke: the editor re-renders itself; the app only when its notice has to go.
  private readonly onChange = () => {
    this.scheduleAutosave();
    if (this.notice) {
      this.notice = '';
      this.host.requestUpdate();
    }
  };

  private scheduleAutosave(delay?: number) {
    const s = this.session;
    // While the recovery prompt is up (a file opened from the command line at start) the old record
    // stays untouched: the user has not yet said whether they want it.
    if (!s || this.recovery) return;
    this.autosaver.schedule(() => ({ design: s.design, savedAt: Date.now(), unsaved: s.dirty }), delay);
  }

  /** Writes the pending autosave now (tests and page hide). */
  flushAutosave(): Promise<void> {
    return this.autosaver.flush();
  }

  restore(): void {
    const offer = this.recovery;
    if (offer) void this.open(offer.design, { saved: false });
  }

  async discardRecovery(): Promise<void> {
    this.recovery = null;
    this.host.requestUpdate();
    try {
      await this.store.clear();
    } catch {
      // Nothing stored or no storage: the prompt is gone either way.
    }
    this.scheduleAutosave(0);
  }

  private async guard(work: () => Promise<void>) {
    this.error = '';
    this.notice = '';
    this.busy = true;
    this.host.requestUpdate();
    try {
      await work();
    } catch (e) {
      this.error = errorMessage(e);
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  /** 打开…: the desktop dialog, or the page's file input in browser mode. */
  openFile(): void {
    if (!transport.desktop) return this.host.pickFile();
    void this.guard(async () => {
      const opened = await openWithDialog();
      if (opened) await this.open(opened.design, { filePath: opened.filePath });
    });
  }

  /** The file input's pick (browser mode). */
  openPicked(file: File): Promise<void> {
    return this.guard(async () => {
      const { design } = await openFromFile(file);
      await this.open(design);
    });
  }

  async save(saveAs = false): Promise<void> {
    const s = this.session;
    if (!s) {
      this.error = t('noDesign');
      this.host.requestUpdate();
      return;
    }
    // Browser mode has no save dialog: the name is asked here, before the download (bug 10). The
    // desktop's dialog asks for it itself.
    if (!transport.desktop && (saveAs || s.isNew)) {
      const a = await this.host.ask({
        title: saveAs ? t('nameTitleAs') : t('nameTitle'),
        message: t('nameMessage'),
        field: { label: t('nameLabel'), value: s.design.name },
        actions: [
          { id: 'cancel', label: t('cancel'), secondary: true },
          { id: 'save', label: t('save') },
        ],
        cancel: 'cancel',
      });
      if (a.action !== 'save' || !a.value) return;
      if (a.value !== s.design.name) s.apply({ ...s.design, name: a.value.slice(0, 200) }, t('rename'));
    }
    return this.guard(async () => {
      const design = s.design;
      const r = await saveDesignToFile(design, { filePath: s.filePath, saveAs });
      if (!r) return;
      s.markSaved(design, r.filePath);
      this.notice = r.filePath ? t('savedTo', { path: r.filePath }) : t('saved', { name: design.name });
    });
  }

  undo(source: CommandSource = 'page'): void {
    if (!this.samePress(source)) this.session?.undo();
  }

  redo(source: CommandSource = 'page'): void {
    if (!this.samePress(source)) this.session?.redo();
  }

  /** The same key press seen by both the menu and the page (never two presses from one source). */
  private samePress(source: CommandSource): boolean {
    const now = performance.now();
    const same = source !== this.lastHistory.source && now - this.lastHistory.at < SAME_PRESS_MS;
    this.lastHistory = { at: now, source };
    return same;
  }

  /** The desktop menu and files from the command line. */
  async command(c: StudioCommand, source: CommandSource = 'menu'): Promise<void> {
    switch (c.command) {
      case 'new':
        return this.host.showScreen('gallery');
      case 'open':
        return this.openFile();
      case 'save':
        return this.save(false);
      case 'save-as':
        return this.save(true);
      case 'export':
        if (this.session) return this.host.openExport();
        this.error = t('noDesign');
        return this.host.requestUpdate();
      case 'undo':
        return this.undo(source);
      case 'redo':
        return this.redo(source);
      case 'open-file':
        // Read and checked on the main side already; its images are kept there.
        await this.open(c.design, { filePath: c.filePath });
        return;
    }
  }
}
