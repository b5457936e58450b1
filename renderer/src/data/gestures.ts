import type { StudioDesign } from '../../../main/core/design/design.js';
import {
  elementBounds,
  elementBox,
  findElement,
  moveElements,
  normaliseDeg,
  panPhoto,
  rotateElement,
  setElementBox,
  snapRect,
  snapTargets,
  type Guide,
  type SnapTargets,
} from '../../../main/core/design/edit.js';
import type { Element } from '../../../main/core/design/elements.js';
import {
  centreOf,
  intersects,
  turnPoint,
  unionRect,
  type Point,
  type Rect,
} from '../../../main/core/design/geometry.js';
import { nodeTransform, turnAbout } from './canvas-math.js';

/*
 * What a pointer drag on the canvas does, frame by frame and at the end. During the drag nothing
 * is sent anywhere: the element's layers and its selection outline are moved on screen by a CSS
 * matrix (the same one for both); on release the design changes once, as one undo step.
 */

export type Handle = 'nw' | 'n' | 'ne' | 'e' | 'se' | 's' | 'sw' | 'w';
const DIRS: Record<Handle, [number, number]> = {
  nw: [-1, -1],
  n: [0, -1],
  ne: [1, -1],
  e: [1, 0],
  se: [1, 1],
  s: [0, 1],
  sw: [-1, 1],
  w: [-1, 0],
};

/** What the canvas gives a gesture. */
export interface GestureHost {
  /** Screen px per mm. */
  readonly scale: number;
  /** Sheet px of a page point in mm. */
  toPx(p: Point): Point;
  /** The nodes drawing these elements (layers and outlines). */
  nodesOf(ids: readonly string[]): HTMLElement[];
  /** The photo inside its frame and its faint whole (crop mode). */
  photoNodes(id: string): HTMLElement[];
  guides(g: readonly Guide[]): void;
  marquee(r: Rect | null): void;
  commit(design: StudioDesign, label: string): void;
  select(ids: string[]): void;
  refuse(message: string): void;
}

export interface Pointer {
  /** Page point, mm. */
  at: Point;
  shift: boolean;
  /** Alt: no snapping. */
  alt: boolean;
}

/** Pixels the pointer may wander before a press becomes a drag. */
const CLICK_SLOP_PX = 3;
/** Snapping reaches this many screen pixels. */
const SNAP_PX = 6;

const label = { move: '移动', resize: '调整大小', rotate: '旋转', crop: '移动照片' } as const;

type Kind =
  | { kind: 'move'; ids: string[]; bounds: Rect; targets: SnapTargets }
  | { kind: 'resize'; el: Element; handle: Handle; targets: SnapTargets }
  | { kind: 'rotate'; el: Element; centre: Point; from: number }
  | { kind: 'marquee'; base: string[] }
  | { kind: 'crop'; id: string };

export class Gesture {
  private moved = false;
  private nodes: { node: HTMLElement; left: number; top: number; rest: string; base: DOMMatrix }[] = [];
  /** How the release makes the design, from the last frame (computed once, at the end: a refusal is then said). */
  private make: (() => StudioDesign) | null = null;
  private lastMarquee: Rect | null = null;

  private constructor(
    private readonly host: GestureHost,
    private readonly design: StudioDesign,
    private readonly g: Kind,
    private readonly start: Point,
  ) {}

  /** The nodes to move, taken when the drag starts (a selection made by this press is drawn by then). */
  private take(): void {
    const g = this.g;
    const ids = g.kind === 'move' ? g.ids : g.kind === 'resize' || g.kind === 'rotate' ? [g.el.id] : [];
    const nodes = g.kind === 'crop' ? this.host.photoNodes(g.id) : this.host.nodesOf(ids);
    this.nodes = nodes.map((node) => ({
      node,
      left: node.offsetLeft,
      top: node.offsetTop,
      rest: node.style.transform,
      base: new DOMMatrix(node.style.transform || undefined),
    }));
  }

  /** Moving the selection; null when a locked element is in it. */
  static move(host: GestureHost, design: StudioDesign, ids: string[], at: Point): Gesture | null {
    const els = ids.map((id) => findElement(design, id)).filter((e): e is Element => !!e);
    const bounds = unionRect(els.map(elementBounds));
    if (!bounds || els.some((e) => e.locked)) return null;
    return new Gesture(host, design, { kind: 'move', ids, bounds, targets: snapTargets(design, new Set(ids)) }, at);
  }

  static resize(host: GestureHost, design: StudioDesign, el: Element, handle: Handle, at: Point): Gesture {
    const targets = snapTargets(design, new Set([el.id]));
    return new Gesture(host, design, { kind: 'resize', el, handle, targets }, at);
  }

  static rotate(host: GestureHost, design: StudioDesign, el: Element, at: Point): Gesture {
    const centre = centreOf(elementBox(el));
    return new Gesture(host, design, { kind: 'rotate', el, centre, from: angle(centre, at) }, at);
  }

  static marquee(host: GestureHost, design: StudioDesign, at: Point, base: string[]): Gesture {
    return new Gesture(host, design, { kind: 'marquee', base }, at);
  }

  static crop(host: GestureHost, design: StudioDesign, id: string, at: Point): Gesture {
    return new Gesture(host, design, { kind: 'crop', id }, at);
  }

  /** One frame: where the pointer is now. */
  update(p: Pointer): void {
    const k = this.host.scale;
    const d = { x: p.at.x - this.start.x, y: p.at.y - this.start.y };
    if (!this.moved && Math.hypot(d.x, d.y) * k < CLICK_SLOP_PX) return;
    if (!this.moved) this.take();
    this.moved = true;
    const g = this.g;
    const tol = p.alt ? 0 : SNAP_PX / k;
    let m: DOMMatrix | null = null;
    let guides: Guide[] = [];
    switch (g.kind) {
      case 'move': {
        const s = snapRect({ ...g.bounds, x: g.bounds.x + d.x, y: g.bounds.y + d.y }, g.targets, tol);
        const dx = round(d.x + s.dx);
        const dy = round(d.y + s.dy);
        guides = s.guides;
        m = new DOMMatrix().translate(dx * k, dy * k);
        this.make = () => moveElements(this.design, g.ids, dx, dy);
        break;
      }
      case 'resize': {
        const r = resized(g.el, g.handle, d, p.shift, g.targets, tol);
        guides = r.guides;
        const old = elementBox(g.el);
        const deg = g.el.type === 'line' ? 0 : (g.el.rotation ?? 0);
        const a = this.host.toPx(centreOf(old));
        const b = this.host.toPx(centreOf(r.box));
        m = new DOMMatrix()
          .translate(b.x, b.y)
          .rotate(deg)
          .scale(r.box.w / old.w, r.box.h / old.h)
          .rotate(-deg)
          .translate(-a.x, -a.y);
        this.make = () => setElementBox(this.design, g.el.id, r.box);
        break;
      }
      case 'rotate': {
        const was = g.el.type === 'line' ? 0 : (g.el.rotation ?? 0);
        const turn = snapAngle(was + angle(g.centre, p.at) - g.from, p.shift) - was;
        const c = this.host.toPx(g.centre);
        m = turnAbout(turn, c.x, c.y);
        this.make = () => rotateElement(this.design, g.el.id, g.el.type === 'line' ? turn : was + turn);
        break;
      }
      case 'marquee': {
        const r = {
          x: Math.min(this.start.x, p.at.x),
          y: Math.min(this.start.y, p.at.y),
          w: Math.abs(d.x),
          h: Math.abs(d.y),
        };
        this.lastMarquee = r;
        this.host.marquee(r);
        return;
      }
      case 'crop':
        m = new DOMMatrix().translate(d.x * k, d.y * k);
        this.make = () => panPhoto(this.design, g.id, round(d.x), round(d.y));
        break;
    }
    this.host.guides(guides);
    for (const n of this.nodes) n.node.style.transform = nodeTransform(m, n.left, n.top, n.base);
  }

  /** The pointer is released: one design change, or a selection, or nothing (a click). */
  end(): boolean {
    this.host.guides([]);
    const g = this.g;
    if (g.kind === 'marquee') {
      this.host.marquee(null);
      const r = this.lastMarquee;
      if (!this.moved || !r) return false;
      const hit = this.design.elements.filter((e) => !e.hidden && intersects(elementBounds(e), r)).map((e) => e.id);
      this.host.select([...new Set([...g.base, ...hit])]);
      return true;
    }
    if (!this.moved || !this.make) {
      this.reset();
      return false;
    }
    try {
      this.host.commit(this.make(), label[g.kind]);
      return true;
    } catch (e) {
      this.reset();
      this.host.refuse(e instanceof Error ? e.message : String(e));
      return false;
    }
  }

  /** Puts the nodes back where they were (a click, a refusal, Escape). */
  reset(): void {
    this.host.guides([]);
    this.host.marquee(null);
    for (const n of this.nodes) n.node.style.transform = n.rest;
  }

  get dragging(): boolean {
    return this.moved;
  }
}

const round = (v: number): number => Math.round(v * 100) / 100;

const angle = (c: Point, p: Point): number => (Math.atan2(p.y - c.y, p.x - c.x) * 180) / Math.PI;

/** Rotation as the pointer gives it: Shift in 15° steps; otherwise held at a multiple of 45° within 4°. */
export function snapAngle(deg: number, shift: boolean): number {
  if (shift) return normaliseDeg(Math.round(deg / 15) * 15);
  const near = Math.round(deg / 45) * 45;
  return normaliseDeg(Math.abs(deg - near) <= 4 ? near : Math.round(deg * 10) / 10);
}

/**
 * The box a resize handle drags an element to: the opposite side stays where it is (in the
 * element's own turned frame), Shift on a corner keeps the proportions, and an upright element's
 * moving edges snap.
 */
export function resized(
  el: Element,
  handle: Handle,
  d: Point,
  keepRatio: boolean,
  targets: SnapTargets,
  tol: number,
): { box: Rect; guides: Guide[] } {
  const b = elementBox(el);
  const deg = el.type === 'line' ? 0 : (el.rotation ?? 0);
  const [hx, hy] = DIRS[handle];
  const local = turnPoint(d, -deg, { x: 0, y: 0 });
  let w = hx ? b.w + hx * local.x : b.w;
  let h = hy ? b.h + hy * local.y : b.h;
  let guides: Guide[] = [];
  if (!deg && tol > 0) {
    const x = hx < 0 ? b.x + b.w - w : b.x;
    const y = hy < 0 ? b.y + b.h - h : b.y;
    const s = snapRect({ x, y, w, h }, targets, tol, {
      x: hx > 0 ? ['end'] : hx < 0 ? ['start'] : [],
      y: hy > 0 ? ['end'] : hy < 0 ? ['start'] : [],
    });
    w += hx * s.dx;
    h += hy * s.dy;
    guides = s.guides;
  }
  if (keepRatio && hx && hy) {
    const s = Math.max(w / b.w, h / b.h);
    w = b.w * s;
    h = b.h * s;
  }
  w = Math.max(1, w);
  h = Math.max(1, h);
  const shift = turnPoint({ x: (hx * (w - b.w)) / 2, y: (hy * (h - b.h)) / 2 }, deg, { x: 0, y: 0 });
  const c = centreOf(b);
  return {
    box: { x: round(c.x + shift.x - w / 2), y: round(c.y + shift.y - h / 2), w: round(w), h: round(h) },
    guides,
  };
}
