import type { TextElement } from '../../core/index.js';
import { layoutText, type LayoutOptions, type TextLayout } from '../layout/layout-text.js';

/*
 * Text layouts kept between scenes. A keystroke changes one text; the others of the page would be
 * laid out again to the same result (the fit searches sizes to 0.01 mm, a poster's texts together
 * took up to 20 ms on a busy machine). A layout is a function of its element — every field of it:
 * text, box, font, size mode, effects, emphasis, colours, writing, spacing — and of the page's
 * options (the punctuation rule of the kind of material, the safe area hanging marks may reach),
 * so it is kept under exactly those, serialised. Fonts and the word dictionary are fixed for the
 * life of the process.
 *
 * A layout handed out is shared by every scene that uses it: it is frozen, so a writer that tried
 * to change it would fail loudly instead of changing another scene.
 */

/** Distinct layouts kept: every text of a few designs open in turn, and a few steps of undo. */
const MAX_KEPT = 256;

export class LayoutCache {
  private readonly kept = new Map<string, TextLayout>();
  /** Layouts reused and made (tests, figures). */
  hits = 0;
  misses = 0;

  constructor(private readonly max = MAX_KEPT) {}

  text(el: TextElement, opts: LayoutOptions): TextLayout {
    const key = `${JSON.stringify(el)}\n${JSON.stringify(opts)}`;
    const hit = this.kept.get(key);
    if (hit) {
      this.hits++;
      // Least recently used goes first.
      this.kept.delete(key);
      this.kept.set(key, hit);
      return hit;
    }
    this.misses++;
    const made = freeze(layoutText(el, opts));
    this.kept.set(key, made);
    if (this.kept.size > this.max) this.kept.delete(this.kept.keys().next().value!);
    return made;
  }

  clear(): void {
    this.kept.clear();
  }
}

/** The process's cache: previews, preflight, exports and batches all lay out through it. */
export const layouts = new LayoutCache();

/** Freeze a layout and everything in it but its faces (shared, with caches of their own). */
function freeze(lay: TextLayout): TextLayout {
  for (const run of lay.runs) {
    for (const g of run.glyphs) Object.freeze(g);
    Object.freeze(run.glyphs);
    if (run.gradient) Object.freeze(run.gradient);
    Object.freeze(run);
  }
  for (const v of Object.values(lay)) if (typeof v === 'object' && v !== null) Object.freeze(v);
  return Object.freeze(lay);
}
