import { html, nothing, type TemplateResult } from 'lit';
import type { ApiValue } from '../../main/core/api.js';
import type { AutosaveState } from './data/autosave.js';
import type { DesignSession } from './data/session.js';
import { fire, type CsEvent } from './events.js';
import { defineMessages, locale } from './i18n/i18n.js';
import type { DocCommand } from './cs-app.js';
import './cs-insert-menu.js';

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
  rename: { zh: '重命名', en: 'Rename' },
});

/** The editor as its top bar and toolbar need it. */
export interface ToolbarHost extends HTMLElement {
  readonly session: DesignSession;
  readonly autosave: AutosaveState;
  /** A file command is running (open, save): the file buttons wait. */
  readonly busy: boolean;
  readonly profile: ApiValue<'getProfile'>['profile'] | null;
  readonly renderRoot: HTMLElement | DocumentFragment;
  openExport(): void;
  /** Files from the insert menu's picker. */
  insertFiles(e: CsEvent<'canvas-files'>): void;
  insertElement(e: CsEvent<'element-insert'>): void;
}

/**
 * The editor's top: the design's name (renamed in place, one undo step) with its saved and
 * autosaved state, then the toolbar's actions: undo and redo and the file commands (up to cs-app
 * as `doc-command`), the insert menu, publishing to the library and export (the editor's dialogs).
 */
export function editorTop(h: ToolbarHost): TemplateResult {
  return html`<div class="top">
      <input class="name" name="design-name" aria-label=${t('name')} .value=${h.session.design.name} maxlength="200" @change=${(e: Event) => rename(h, e.target as HTMLInputElement)}>
      ${stateLine(h)}
    </div>
    ${toolbar(h)}`;
}

function rename(h: ToolbarHost, field: HTMLInputElement) {
  const design = h.session.design;
  const name = field.value.trim();
  if (name && name !== design.name) h.session.apply({ ...design, name: name.slice(0, 200) }, t('rename'));
  else field.value = design.name;
}

function toolbar(h: ToolbarHost) {
  const s = h.session;
  const command = (c: DocCommand | 'undo' | 'redo') => fire(h, 'doc-command', { command: c });
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
      ${b('undo', `↶ ${t('undo')}`, () => command('undo'), { disabled: !s.canUndo, title: undoTitle, keys: 'Control+Z' })}
      ${b('redo', `↷ ${t('redo')}`, () => command('redo'), { disabled: !s.canRedo, title: redoTitle, keys: 'Control+Y Control+Shift+Z' })}
      <span class="sep" aria-hidden="true"></span>
      ${b('new', t('new'), () => command('new'), { title: t('newTitle') })}
      ${b('open', t('open'), () => command('open'), { disabled: h.busy, keys: 'Control+O' })}
      ${b('save', t('save'), () => command('save'), { disabled: h.busy, keys: 'Control+S' })}
      ${b('save-as', t('saveAs'), () => command('save-as'), { disabled: h.busy, keys: 'Control+Shift+S' })}
      <span class="sep" aria-hidden="true"></span>
      <cs-insert-menu .hasLogo=${!!h.profile?.logo} .hasMascot=${!!h.profile?.mascot} @canvas-files=${(e: CsEvent<'canvas-files'>) => h.insertFiles(e)}
        @element-insert=${(e: CsEvent<'element-insert'>) => h.insertElement(e)}></cs-insert-menu>
      <span class="grow"></span>
      ${b('open-publish', t('publish'), () => h.renderRoot.querySelector('cs-publish-dialog')?.open())}
      <button type="button" class="open-export" aria-keyshortcuts="Control+E" @click=${() => h.openExport()}>${t('export')}</button>
    </div>`;
}

function stateLine(h: ToolbarHost) {
  const s = h.session;
  const a = h.autosave;
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
