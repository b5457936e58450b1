import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { sampleThumbnailPath } from '../../main/core/resource-paths.js';
import type { Highlight, SearchHit } from '../../main/core/library-search.js';
import { resourceUrl } from './data/api-client.js';
import { setStyle } from './data/library-directives.js';
import { kindLabel } from './data/library-labels.js';
import type { ResultPages } from './data/library-pages.js';
import { moveFocus, type GridSelection } from './data/library-selection.js';
import { LocaleController } from './i18n/i18n.js';
import { controls } from './shared-styles.js';
import { fire } from './events.js';

/** Fixed card size: positions are arithmetic, so 10,000 samples cost no more than 30. */
export const CARD_W = 184;
export const CARD_H = 236;
export const GAP = 14;
const ROW_H = CARD_H + GAP;
const PAD = 16;
/** Rows rendered above and below the visible ones, so a fast scroll shows cards, not gaps. */
const OVERSCAN = 2;
/** Scrolling faster than this (px per scroll event, about one frame) is a fling: new cards' thumbnails wait until it slows. */
const FLING_PX = 120;
/** How long after the last fast scroll step thumbnails load. */
const SETTLE_MS = 120;

/** Text pieces of a highlight (matches at odd indexes) as text nodes and <mark>s: never markup. */
export function highlighted(pieces: Highlight | undefined, plain: string) {
  if (!pieces) return plain;
  return pieces.map((p, i) => (i % 2 ? html`<mark>${p}</mark>` : p));
}

/**
 * The virtualised thumbnail grid: only the visible rows (plus two above and below) exist in the
 * DOM, each card placed by a transform; pages of results are fetched as they scroll into view
 * (ResultPages). Selection by click, Ctrl/⌘-click, Shift-click and the keyboard (arrows, Page
 * Up/Down, Home/End, Space, Shift+arrows, Ctrl+A, Enter, Delete, Escape).
 *
 * Events: `grid-activate` {hit, index} (show its details), `selection-change`, `grid-delete`.
 */
export class CsLibraryGrid extends LitElement {
  static override properties = {
    pages: { attribute: false },
    selection: { attribute: false },
    version: { type: Number },
    label: { type: String },
    firstRow: { state: true },
    columns: { state: true },
    visibleRows: { state: true },
    focusIndex: { state: true },
    activeIndex: { state: true },
    flinging: { state: true },
  };
  pages!: ResultPages;
  selection!: GridSelection;
  /** Bumped by the screen when pages or selection change. */
  version = 0;
  /** The list's accessible name (the screen gives it in the page's language). */
  label = '';
  /** Every id from..to, for ranges over pages not loaded yet (the screen asks the main side). */
  rangeIds: (from: number, to: number) => Promise<string[]> = async () => [];
  firstRow = 0;
  columns = 1;
  visibleRows = 4;
  focusIndex = 0;
  /** The card whose details are shown. */
  activeIndex = -1;
  /** A fast scroll is going on: cards show without their thumbnails (no image loads or decodes per frame). */
  flinging = false;
  private readonly i18n = new LocaleController(this);
  private width = 0;
  private lastTop = 0;
  /** Samples whose thumbnail is on its card already: they keep it while a fling goes on. */
  private readonly shown = new Set<string>();
  private settle: ReturnType<typeof setTimeout> | undefined;
  private resize: ResizeObserver | undefined;

  static override styles = [
    controls,
    css`
      :host { display: block; position: relative; min-height: 0; }
      /* An opaque background lets Chromium scroll this on the compositor (no repaint of what is on screen per frame). */
      .scroller { position: absolute; inset: 0; overflow-y: auto; overflow-x: hidden; contain: strict; border-radius: 10px; background: #f8f9fb; }
      .scroller:focus-visible { outline: 3px solid var(--cs-focus); outline-offset: -3px; }
      .spacer { position: relative; width: 100%; }
      .card {
        position: absolute; left: 0; top: 0; width: ${CARD_W}px; height: ${CARD_H}px; contain: strict;
        background: #fff; border: 1px solid var(--cs-border); border-radius: 10px; overflow: hidden; cursor: pointer;
        display: flex; flex-direction: column; user-select: none;
      }
      .card:hover { border-color: var(--cs-blue); }
      .card.selected { border: 2px solid var(--cs-blue); background: #eef3fb; }
      .card.active { box-shadow: 0 0 0 3px rgba(11, 61, 145, 0.25); }
      .card.focused { outline: 3px solid var(--cs-focus); outline-offset: 1px; }
      .scroller:not(:focus) .card.focused { outline: none; }
      .thumb { height: 138px; flex: none; display: flex; align-items: center; justify-content: center; background: #e9edf3; padding: 8px; }
      /* A fixed box: a thumbnail arriving never changes the card's layout. */
      .thumb img { width: 100%; height: 100%; object-fit: contain; }
      .meta { padding: 8px 10px; font-size: 13px; line-height: 1.4; min-width: 0; }
      .title { font-weight: 600; font-size: 14px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
      .sub, .slogan { color: var(--cs-muted); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
      mark { background: #ffe58a; color: inherit; border-radius: 2px; padding: 0 1px; }
      /* The kind badge and the selection tick are pseudo-elements: two fewer nodes per card. */
      .card[data-kind]::after {
        content: attr(data-kind); position: absolute; top: 8px; right: 8px; background: rgba(11, 61, 145, 0.85); color: #fff;
        font-size: 12px; border-radius: 4px; padding: 0 6px;
      }
      .card.selected::before {
        content: '✓'; position: absolute; top: 8px; left: 8px; width: 22px; height: 22px; border-radius: 50%; background: var(--cs-blue);
        color: #fff; font-size: 14px; line-height: 22px; text-align: center; z-index: 1;
      }
      .card.loading .thumb { background: linear-gradient(90deg, #e9edf3, #f4f6fa, #e9edf3); }
      .bar { height: 10px; border-radius: 4px; background: #e9edf3; margin: 6px 0; }
      .bar.short { width: 60%; }
      .status { position: absolute; left: 0; right: 0; top: 40%; text-align: center; }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    this.resize = new ResizeObserver((entries) => {
      const box = entries[0]!.contentRect;
      this.width = box.width;
      this.columns = Math.max(1, Math.floor((box.width - 2 * PAD + GAP) / (CARD_W + GAP)));
      this.visibleRows = Math.max(1, Math.ceil(box.height / ROW_H) + 1);
    });
  }

  override firstUpdated() {
    this.resize!.observe(this.scroller);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.resize?.disconnect();
    clearTimeout(this.settle);
  }

  get scroller(): HTMLElement {
    return this.renderRoot.querySelector('.scroller') as HTMLElement;
  }

  private get count(): number {
    return Math.max(0, this.pages?.total ?? 0);
  }

  /** Back to the top (a new query). */
  reset() {
    this.firstRow = 0;
    this.focusIndex = 0;
    this.activeIndex = -1;
    if (this.hasUpdated) this.scroller.scrollTop = 0;
  }

  override focus() {
    this.scroller?.focus();
  }

  private onScroll = () => {
    const top = this.scroller.scrollTop;
    if (Math.abs(top - this.lastTop) > FLING_PX) {
      this.flinging = true;
      clearTimeout(this.settle);
      this.settle = setTimeout(() => (this.flinging = false), SETTLE_MS);
    }
    this.lastTop = top;
    const row = Math.floor(top / ROW_H);
    if (row !== this.firstRow) this.firstRow = row;
  };

  private range(): [number, number] {
    const rows = Math.ceil(this.count / this.columns);
    const first = Math.max(0, this.firstRow - OVERSCAN);
    const last = Math.min(rows - 1, this.firstRow + this.visibleRows + OVERSCAN);
    return [first * this.columns, Math.min(this.count - 1, (last + 1) * this.columns - 1)];
  }

  override updated(changed: PropertyValues) {
    super.updated(changed);
    if (!this.pages) return;
    if (this.pages.total < 0) return this.pages.want(0, 0);
    // What is on screen first, then a page ahead in the direction of scrolling, so a steady
    // scroll meets cards that are already here (no burst of cards swapping in at once).
    const [from, to] = this.range();
    const down = this.firstRow >= this.prevRow;
    this.prevRow = this.firstRow;
    const ahead = this.pages.pageSize;
    if (down) this.pages.want(Math.max(from, this.firstRow * this.columns), to + ahead);
    else
      this.pages.want(Math.max(0, from - ahead), Math.min(to, (this.firstRow + this.visibleRows) * this.columns), true);
  }
  private prevRow = 0;

  private activate(index: number) {
    const hit = this.pages.get(index);
    if (!hit) return;
    this.activeIndex = index;
    fire(this, 'grid-activate', { hit, index });
  }

  private async select(index: number, mode: 'only' | 'toggle' | 'range' | 'range-add') {
    const hit = this.pages.get(index);
    if (mode === 'only' || mode === 'toggle' || this.selection.anchor === null) {
      if (!hit) return;
      if (mode === 'toggle') this.selection.toggle(index, hit.sample.id);
      else this.selection.only(index, hit.sample.id);
    } else {
      const a = this.selection.anchor;
      const ids = this.pages.idsBetween(a, index) ?? (await this.rangeIds(Math.min(a, index), Math.max(a, index)));
      this.selection.range(ids, mode === 'range-add');
    }
    this.requestUpdate();
    fire(this, 'selection-change');
  }

  private onClick(e: MouseEvent) {
    const card = (e.target as HTMLElement).closest('.card') as HTMLElement | null;
    if (!card) return;
    const index = Number(card.dataset.index);
    this.focusIndex = index;
    this.scroller.focus({ preventScroll: true });
    const mod = e.ctrlKey || e.metaKey;
    if (e.shiftKey) void this.select(index, mod ? 'range-add' : 'range');
    else if (mod) void this.select(index, 'toggle');
    else {
      void this.select(index, 'only');
      this.activate(index);
    }
  }

  private scrollToIndex(index: number) {
    const row = Math.floor(index / this.columns);
    const top = PAD + row * ROW_H;
    const s = this.scroller;
    if (top < s.scrollTop) s.scrollTop = top - PAD;
    else if (top + CARD_H > s.scrollTop + s.clientHeight) s.scrollTop = top + CARD_H - s.clientHeight + PAD;
  }

  private onKey(e: KeyboardEvent) {
    const mod = e.ctrlKey || e.metaKey;
    if (mod && e.key.toLowerCase() === 'a') {
      e.preventDefault();
      void this.rangeIds(0, this.count - 1).then((ids) => {
        this.selection.all(ids);
        this.requestUpdate();
        fire(this, 'selection-change');
      });
      return;
    }
    if (e.key === 'Escape' && this.selection.size) {
      e.preventDefault();
      this.selection.clear();
      this.requestUpdate();
      fire(this, 'selection-change');
      return;
    }
    if (e.key === 'Enter') return void (e.preventDefault(), this.activate(this.focusIndex));
    if (e.key === ' ') {
      e.preventDefault();
      return void this.select(this.focusIndex, 'toggle');
    }
    if (e.key === 'Delete' && this.selection.size) return void (e.preventDefault(), fire(this, 'grid-delete'));
    const next = moveFocus(e.key, this.focusIndex, this.columns, this.count, Math.max(1, this.visibleRows - 1));
    if (next === null) return;
    e.preventDefault();
    this.focusIndex = next;
    this.scrollToIndex(next);
    if (e.shiftKey) void this.select(next, 'range');
    else if (!mod) {
      void this.select(next, 'only');
      this.activate(next);
    }
  }

  /** The thumbnail, unless a fling is going on and this card has not shown it yet (no image load or decode per frame). */
  private thumb(id: string) {
    if (this.flinging && !this.shown.has(id)) return nothing;
    this.shown.add(id);
    return keyed(id, html`<img src=${resourceUrl(sampleThumbnailPath(id))} alt="" decoding="async" draggable="false">`);
  }

  private card(i: number) {
    const col = i % this.columns;
    const row = Math.floor(i / this.columns);
    const used = this.columns * CARD_W + (this.columns - 1) * GAP;
    const left = Math.max(PAD, Math.floor((this.width - used) / 2));
    const pos = setStyle({ transform: `translate(${left + col * (CARD_W + GAP)}px, ${PAD + row * ROW_H}px)` });
    const hit: SearchHit | undefined = this.pages.get(i);
    const focused = i === this.focusIndex ? ' focused' : '';
    if (!hit) {
      return html`<div class="card loading${focused}" id="c-${i}" role="option" aria-selected="false" aria-busy="true" aria-posinset=${i + 1} aria-setsize=${this.count} data-index=${i} ${pos}>
        <div class="thumb"></div><div class="meta"><div class="bar"></div><div class="bar short"></div></div>
      </div>`;
    }
    const s = hit.sample;
    const selected = this.selection.has(s.id);
    const cls = `card${selected ? ' selected' : ''}${focused}${i === this.activeIndex ? ' active' : ''}`;
    return html`<div class=${cls} id="c-${i}" role="option" aria-selected=${selected ? 'true' : 'false'} aria-posinset=${i + 1} aria-setsize=${this.count}
        data-index=${i} data-id=${s.id} data-kind=${kindLabel(s.kind)} title=${s.title} ${pos}>
      <div class="thumb">${this.thumb(s.id)}</div>
      <div class="meta">
        <div class="title">${highlighted(hit.highlights.title, s.title)}</div>
        <div class="sub">${s.publishedAt}${s.unit ? html` · ${highlighted(hit.highlights.unit, s.unit)}` : nothing}</div>
        <div class="slogan">${highlighted(hit.highlights.slogan, s.slogan) || highlighted(hit.highlights.notes, s.notes) || highlighted(hit.highlights.tags, s.tags.join(' '))}</div>
      </div>
    </div>`;
  }

  // The grid is one listbox: keys are handled on it (arrow keys, Enter), clicks on the cards inside.
  /* eslint-disable lit-a11y/click-events-have-key-events */
  override render() {
    const count = this.count;
    const rows = Math.ceil(count / this.columns);
    const [from, to] = count ? this.range() : [0, -1];
    // Cards live in fixed slots (index mod the window size): scrolling re-fills the few slots
    // that left the window and leaves every other card's DOM untouched.
    const window = Math.max(1, (this.visibleRows + 2 * OVERSCAN + 2) * this.columns);
    const slots: number[] = new Array(count ? window : 0).fill(-1);
    for (let i = from; i <= to; i++) slots[i % window] = i;
    const active = count && this.focusIndex >= from && this.focusIndex <= to ? `c-${this.focusIndex}` : nothing;
    return html`
      <div class="scroller" tabindex="0" role="listbox" aria-multiselectable="true" aria-label=${this.label} aria-activedescendant=${active}
        @scroll=${this.onScroll} @keydown=${this.onKey}>
        <div class="spacer" ${setStyle({ height: `${rows ? PAD * 2 + rows * ROW_H - GAP : 0}px` })} @click=${this.onClick}>
          ${slots.map((i) => (i < 0 ? nothing : this.card(i)))}
        </div>
      </div>
      ${this.pages?.error ? html`<p class="status error" role="alert">${this.pages.error}</p>` : nothing}
    `;
  }
  /* eslint-enable lit-a11y/click-events-have-key-events */
}
customElements.define('cs-library-grid', CsLibraryGrid);

declare global {
  interface HTMLElementTagNameMap {
    'cs-library-grid': CsLibraryGrid;
  }
}
