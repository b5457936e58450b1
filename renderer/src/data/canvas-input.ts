import type { StudioDesign } from '../../../main/core/design/design.js';
import { elementAt, findElement } from '../../../main/core/design/edit.js';
import type { Point } from '../../../main/core/design/geometry.js';
import { fire } from '../events.js';
import { canvasAction } from './canvas-keys.js';
import { PX_PER_MM } from './canvas-math.js';
import { Gesture, type GestureHost, type Handle } from './gestures.js';

/** What the canvas element offers its input handling. */
export interface CanvasHost extends GestureHost, HTMLElement {
  readonly design: StudioDesign | undefined;
  readonly selected: readonly string[];
  readonly names: ReadonlyMap<string, string>;
  hoverId: string;
  cropId: string;
  editingId: string;
  readonly stageNode: HTMLElement | null;
  toMm(e: { clientX: number; clientY: number }): Point;
  setZoom(z: 'fit' | number, at?: { clientX: number; clientY: number }): void;
  step(dir: 1 | -1): void;
  edit(id: string): void;
}

/**
 * The canvas's pointer, wheel, keyboard and drop handling: a press picks what a drag will do
 * (resize or rotate by a handle, reframe a photo, move the selection, draw a marquee, pan with
 * Space or the middle button); moves are applied once per animation frame, from the latest
 * position; the release ends the gesture (data/gestures.ts).
 */
export class CanvasInput {
  private gesture: Gesture | null = null;
  private frame = 0;
  private pending: { at: Point; shift: boolean; alt: boolean } | null = null;
  private pan: { x: number; y: number; left: number; top: number } | null = null;
  private spaceDown = false;
  private lockedPress: Point | null = null;

  constructor(private readonly host: CanvasHost) {}

  dispose(): void {
    cancelAnimationFrame(this.frame);
  }

  readonly down = (e: PointerEvent) => {
    const h = this.host;
    const design = h.design;
    if (!design || (e.button !== 0 && e.button !== 1)) return;
    const stage = h.stageNode!;
    const capture = () => (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    if (e.button === 1 || this.spaceDown) {
      this.pan = { x: e.clientX, y: e.clientY, left: stage.scrollLeft, top: stage.scrollTop };
      capture();
      e.preventDefault();
      return;
    }
    if (h.editingId) return;
    stage.focus({ preventScroll: true });
    const at = h.toMm(e);
    const target = e.target as Element;
    const sel = h.selected;
    const primary = sel.length === 1 ? findElement(design, sel[0]!) : undefined;
    const handle = target.closest<HTMLElement>('[data-h]')?.dataset['h'] as Handle | undefined;
    let g: Gesture | null = null;
    if (primary && !primary.locked && handle) g = Gesture.resize(h, design, primary, handle, at);
    else if (primary && !primary.locked && target.closest('.rot')) g = Gesture.rotate(h, design, primary, at);
    else if (h.cropId && elementAt(design, at.x, at.y)?.id === h.cropId) g = Gesture.crop(h, design, h.cropId, at);
    else {
      const hit = elementAt(design, at.x, at.y);
      if (!hit) {
        if (!e.shiftKey) h.select([]);
        g = Gesture.marquee(h, design, at, e.shiftKey ? [...sel] : []);
      } else if (e.shiftKey) {
        h.select(sel.includes(hit.id) ? sel.filter((id) => id !== hit.id) : [...sel, hit.id]);
      } else {
        const ids = sel.includes(hit.id) ? [...sel] : [hit.id];
        if (!sel.includes(hit.id)) h.select(ids);
        g = Gesture.move(h, design, ids, at);
        if (!g) this.lockedPress = at;
      }
    }
    this.gesture = g;
    if (g || this.lockedPress) capture();
  };

  readonly move = (e: PointerEvent) => {
    const h = this.host;
    if (this.pan) {
      const stage = h.stageNode!;
      stage.scrollLeft = this.pan.left - (e.clientX - this.pan.x);
      stage.scrollTop = this.pan.top - (e.clientY - this.pan.y);
      return;
    }
    if (this.lockedPress) {
      const at = h.toMm(e);
      if (Math.hypot(at.x - this.lockedPress.x, at.y - this.lockedPress.y) * h.scale > 3) {
        this.lockedPress = null;
        const el = h.selected.map((id) => findElement(h.design!, id)).find((x) => x?.locked);
        if (el) h.refuse(`「${h.names.get(el.id) ?? el.id}」已锁定，不能移动：请先在“图层”中点锁形按钮解锁`);
      }
      return;
    }
    if (!this.gesture) {
      if (h.design && !h.editingId) {
        const p = h.toMm(e);
        const id = elementAt(h.design, p.x, p.y)?.id ?? '';
        if (id !== h.hoverId) h.hoverId = id;
      }
      return;
    }
    this.pending = { at: h.toMm(e), shift: e.shiftKey, alt: e.altKey };
    if (!this.frame)
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        if (this.pending) this.gesture?.update(this.pending);
      });
  };

  readonly up = (e: PointerEvent) => {
    this.pan = null;
    this.lockedPress = null;
    const g = this.gesture;
    if (!g) return;
    this.gesture = null;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    g.update({ at: this.host.toMm(e), shift: e.shiftKey, alt: e.altKey });
    g.end();
  };

  readonly dblclick = (e: MouseEvent) => {
    const h = this.host;
    if (!h.design) return;
    const at = h.toMm(e);
    const el = elementAt(h.design, at.x, at.y);
    if (el) h.edit(el.id);
  };

  readonly wheel = (e: WheelEvent) => {
    if (!(e.ctrlKey || e.metaKey)) return;
    e.preventDefault();
    this.host.setZoom((this.host.scale / PX_PER_MM) * Math.exp(-e.deltaY * 0.0015), e);
  };

  readonly keydown = (e: KeyboardEvent) => {
    const h = this.host;
    if (h.editingId || e.defaultPrevented) return;
    if (e.key === ' ' && !e.repeat) {
      this.spaceDown = true;
      h.stageNode?.classList.add('panning');
      e.preventDefault();
      return;
    }
    const a = canvasAction(e, /Mac/.test(navigator.platform));
    if (!a) return;
    if (a.do === 'zoom') {
      if (a.to === 'in' || a.to === 'out') h.step(a.to === 'in' ? 1 : -1);
      else h.setZoom(a.to === 'fit' ? 'fit' : 1);
    } else if (a.do === 'escape') {
      if (h.cropId) h.cropId = '';
      else h.select([]);
    } else if (a.do === 'enter') {
      if (h.selected.length !== 1) return;
      h.edit(h.selected[0]!);
    } else if (a.do === 'cycle') {
      const ids = (h.design?.elements ?? []).filter((x) => !x.hidden).map((x) => x.id);
      const from = h.selected.length ? ids.indexOf(h.selected.at(a.dir > 0 ? -1 : 0)!) : a.dir > 0 ? -1 : ids.length;
      const next = ids[from + a.dir];
      // Past the last element Tab leaves the canvas, as everywhere else.
      if (next === undefined) return h.select([]);
      h.select([next]);
    } else fire(h, 'canvas-command', { action: a });
    e.preventDefault();
  };

  readonly keyup = (e: KeyboardEvent) => {
    if (e.key !== ' ') return;
    this.spaceDown = false;
    this.host.stageNode?.classList.remove('panning');
  };

  readonly drop = (e: DragEvent) => {
    const files = [...(e.dataTransfer?.files ?? [])];
    if (!files.length) return;
    e.preventDefault();
    fire(this.host, 'canvas-files', { files, at: this.host.toMm(e) });
  };
}
