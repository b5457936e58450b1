import type { JobStatusOf } from '../../main/core/api-jobs.js';
import type { Colour } from '../../main/core/colour.js';
import type { NewKind } from '../../main/core/design/add.js';
import type { StudioDesign } from '../../main/core/design/design.js';
import type { Sample } from '../../main/core/library.js';
import type { SearchHit } from '../../main/core/library-search.js';
import type { DocCommand } from './cs-app.js';
import type { CanvasAction } from './data/canvas-keys.js';
import type { OutputSettings } from './cs-batch-output.js';
import type { PublishForm } from './cs-batch-run.js';
import type { LibraryFilters } from './cs-library-filters.js';

/*
 * Every event a studio element fires, with its detail, declared once (as Home Assistant does):
 * `fire(this, 'element-select', { elementId })` is checked against this map, and listeners get a
 * typed `e.detail` (addEventListener, and handlers typed `CsEvent<'…'>`). All bubble and cross
 * shadow roots, so a screen hears what its parts say.
 */
export interface CsEvents {
  // The editor. A design change with a `key` merges into the previous step of the same key (nudges).
  'design-change': { design: StudioDesign; label: string; key?: string };
  'element-select': { elementId: string };
  /** The canvas's or layers panel's selection of elements. */
  'elements-select': { ids: string[] };
  'preview-load': undefined;
  'slot-input': { elementId: string; value: string };
  'slogan-insert': { text: string };
  'finding-select': { elementId: string; code?: string };
  'colour-change': { colour: Colour };
  /** Files dropped or pasted onto the canvas, at a point of the page in mm. */
  'canvas-files': { files: File[]; at?: { x: number; y: number } };
  /** Something the user tried that the design refuses (a locked element): said in the editor. */
  'edit-refused': { message: string };
  'illustration-pick': { id: string; name: string };
  /** A key on the focused canvas the editor carries out on the selection (data/canvas-keys.ts). */
  'canvas-command': { action: CanvasAction };
  /** Double-click or Enter on a text: edit it in place; `text` is the new content when done. */
  'text-commit': { elementId: string; text: string };
  'profile-apply': undefined;
  /** Add an element of a kind (the editor places it in the middle of what the canvas shows). */
  'element-insert': { kind: NewKind | 'logo' | 'mascot'; illustration?: string };
  /** Reframe a photo or edit a text on the canvas. */
  'element-edit': { elementId: string };
  // The app
  'doc-command': { command: DocCommand | 'undo' | 'redo' };
  'template-open': { id: string };
  'design-open': { design: StudioDesign; recentId?: string };
  'show-screen': { screen: 'gallery' | 'settings' | 'about' };
  'show-library': { sampleId?: string | undefined };
  'recovery-restore': undefined;
  'recovery-discard': undefined;
  // Batch production
  'template-pick': { id: string };
  'table-file': { file: File };
  'images-pick': { files: File[] };
  'mapping-change': { slot: string; column: string | null };
  'settings-change': { patch: Partial<OutputSettings> };
  'publish-change': { patch: Partial<PublishForm> };
  'batch-start': undefined;
  'batch-cancel': undefined;
  // The library
  'search-input': { text: string };
  'filter-change': { filters: LibraryFilters };
  'grid-activate': { hit: SearchHit; index: number };
  'selection-change': undefined;
  'grid-delete': undefined;
  'sample-updated': { sample: Sample };
  'detail-close': undefined;
  'export-bundle': { ids: string[] };
  trash: { ids: string[] };
  restore: { ids: string[] };
  purge: { ids: string[] };
  'job-finished': { kind: 'import' | 'export'; status: JobStatusOf<'import'> | JobStatusOf<'bundle'> | null };
  'job-dismiss': undefined;
  // Imposition and the event kits
  'kit-start': undefined;
  'jingle-swap': { index: number; text: string };
  'proof-change': { proof: boolean };
}

export type CsEventName = keyof CsEvents;
export type CsEvent<K extends CsEventName> = CustomEvent<CsEvents[K]>;

type CsEventMap = { [K in CsEventName]: CsEvent<K> };

declare global {
  // Typed listeners: el.addEventListener('design-change', (e) => e.detail.design).
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends CsEventMap {}
}

/** Dispatches a studio event from `target`, bubbling out of shadow roots. */
export function fire<K extends CsEventName>(
  target: EventTarget,
  name: K,
  ...detail: CsEvents[K] extends undefined ? [] : [CsEvents[K]]
): void {
  target.dispatchEvent(new CustomEvent(name, { detail: detail[0], bubbles: true, composed: true }));
}

/**
 * One edit from a panel: the design `make` returns goes up as one undo step named `label`; an edit
 * core refuses (a locked element, a value out of range) goes up as its message instead, and the
 * panel redraws so its fields show the design as it still is.
 */
export function fireEdit(host: EventTarget & { requestUpdate(): void }, make: () => StudioDesign, label: string): void {
  try {
    fire(host, 'design-change', { design: make(), label });
  } catch (e) {
    fire(host, 'edit-refused', { message: e instanceof Error ? e.message : String(e) });
    host.requestUpdate();
  }
}
