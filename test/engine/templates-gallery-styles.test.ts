import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { designFromTemplate, emptyProfile, STYLES, type Design, type Template } from '../../main/core/index.js';
import { fillProfile } from '../../main/engine/fill-profile.js';
import { preflight } from '../../main/engine/preflight/preflight.js';
import { renderDesigns } from '../../main/engine/render.js';
import { buildScene } from '../../main/engine/scene/build-scene.js';
import { listTemplates } from '../../main/engine/templates.js';
import { OUT_DIR } from '../helpers/designs.js';
import { JINGLES, settingProblems, withSlogan } from '../helpers/jingles.js';
import { sanmingProfile } from '../helpers/profile.js';

/*
 * Issue #14 §5: a gallery a station is proud to hang. Real variety (each main kind in four or more
 * styles, each with illustration, ornament or photo), the new formats from the field, and every
 * template set well with the seed, long and short jingles, the unit's profile filled and empty.
 */

const templates = listTemplates();
const MAIN_KINDS = ['banner', 'poster', 'rollup', 'sticker', 'wechat'] as const;

/** The three seed jingles, a long one (10+10) and a short one (5+5) from the jingle set. */
const SEEDS = JINGLES.slice(0, 3);
const halves = (j: string) => j.split('、').map((h) => [...h].length);
const LONG = JINGLES.find((j) => halves(j).length === 2 && halves(j).every((n) => n >= 10))!;
const SHORT = JINGLES.find((j) => halves(j).length === 2 && halves(j).every((n) => n <= 5))!;
const SET = [...SEEDS, LONG, SHORT];

const filled = (t: Template): Design => fillProfile(designFromTemplate(t), sanmingProfile()).design;
const empty = (t: Template): Design => fillProfile(designFromTemplate(t), emptyProfile()).design;
const hasSlogan = (t: Template) => t.elements.some((e) => e.slot === 'slogan' && e.type === 'text');

describe('gallery variety (issue #14 §5)', () => {
  it('every template names its style; each main kind comes in at least four styles', () => {
    for (const t of templates) expect(Object.keys(STYLES), t.id).toContain(t.style);
    for (const kind of MAIN_KINDS) {
      const styles = new Set(templates.filter((t) => t.kind === kind).map((t) => t.style));
      expect(styles.size, `${kind}: ${[...styles].join(', ')}`).toBeGreaterThanOrEqual(4);
    }
  });

  it('every template has illustration, ornament or a photo, not only flat boxes', () => {
    for (const t of templates)
      expect(
        t.elements.some((e) => e.type === 'illustration' || e.type === 'shape' || e.type === 'image'),
        t.id,
      ).toBe(true);
  });

  it('titles and descriptions say what each is; no two templates share a title', () => {
    for (const t of templates) {
      expect(t.title, t.id).toMatch(/[\u4e00-\u9fff]/);
      expect(t.description.length, t.id).toBeGreaterThan(30);
    }
    expect(new Set(templates.map((t) => t.title)).size).toBe(templates.length);
  });

  it('photo-led templates are led by a photo slot over at least 40 % of the page', () => {
    for (const t of templates.filter((x) => x.style === 'photo-led')) {
      const photo = t.elements.find((e) => e.type === 'image' && e.slot === 'photo');
      expect(photo, t.id).toBeDefined();
      const b = photo!.type === 'image' ? photo!.box : { w: 0, h: 0 };
      const page = t.format.widthMm * t.format.heightMm;
      expect((Math.min(b.w, t.format.widthMm) * Math.min(b.h, t.format.heightMm)) / page, t.id).toBeGreaterThan(0.4);
    }
  });
});

describe('the new formats from the field', () => {
  const byFormat = (w: number, h: number) =>
    templates.filter((t) => t.format.widthMm === w && t.format.heightMm === h).map((t) => t.id);

  it('hanging tag, shelf strip and stall board each have templates', () => {
    expect(byFormat(70, 100).length).toBeGreaterThanOrEqual(2);
    expect(byFormat(900, 39).length).toBeGreaterThanOrEqual(2);
    expect(byFormat(600, 800).length).toBeGreaterThanOrEqual(2);
  });

  it('the case comic has four panels, each with its own text slot and pictures', () => {
    const comic = templates.find((t) => t.format.widthMm === 570 && t.format.heightMm === 840)!;
    for (const n of [1, 2, 3, 4]) {
      expect(comic.elements.find((e) => e.slot === `panel-${n}`)?.type, `panel ${n}`).toBe('text');
      expect(comic.elements.filter((e) => e.type === 'illustration' && e.id.startsWith(`panel-${n}-`)).length).toBe(3);
      expect(comic.elements.find((e) => e.id === `panel-${n}-bubble`)).toMatchObject({
        type: 'shape',
        shape: 'speech',
      });
    }
  });

  it("the grid-group image shows the unit's mascot from the profile", () => {
    const grid = templates.filter((t) => t.format.pixels?.width === 1080 && t.format.pixels?.height === 1440);
    expect(grid.length).toBeGreaterThan(0);
    for (const t of grid) {
      const d = filled(t);
      const m = d.elements.find((e) => e.type === 'image' && e.bind === 'mascot');
      expect(m?.type === 'image' && m.asset, t.id).toBe('profile-mascot');
    }
  });
});

describe('cloth banners leave the grommet and hem ends free', () => {
  for (const t of templates.filter((x) => x.kind === 'banner')) {
    it(`${t.id}: nothing but grounds within 10 cm of either end`, () => {
      const W = t.format.widthMm;
      for (const e of t.elements) {
        if (e.type === 'line') continue;
        // Grounds may run through the ends (a rule along the banner, a colour block out to the edge, the photo).
        const ground = e.box.w >= W * 0.6 || e.box.x <= 0 || e.box.x + e.box.w >= W;
        if (ground && (e.type === 'rect' || e.type === 'shape' || e.type === 'image')) continue;
        expect(e.box.x, `${e.id} starts in the left end`).toBeGreaterThanOrEqual(100);
        expect(e.box.x + e.box.w, `${e.id} ends in the right end`).toBeLessThanOrEqual(W - 100);
      }
    });
  }
});

describe.each(templates.filter(hasSlogan).map((t) => [t.id, t] as const))('template %s with real jingles', (id, t) => {
  it('sets the seed, long and short jingles by words and halves, profile filled and empty', () => {
    for (const d of [filled(t), empty(t)])
      for (const j of SET) {
        const lay = buildScene(withSlogan(d, j)).text.get('slogan')!;
        expect(settingProblems(j, lay.lines), `${j} on ${id}`).toEqual([]);
        expect(lay.overflow, `${j} on ${id}`).toBe(false);
      }
  });

  it('with the profile filled passes preflight with each of them (contrast, margins, sizes, cut, key area)', async () => {
    // Samples no profile fills (a date, a place, the photo) stay placeholders; nothing else may be found.
    const unbound = new Set(
      t.elements.filter((e) => 'placeholder' in e && e.placeholder !== undefined && !e.bind).map((e) => e.id),
    );
    for (const j of SET) {
      const r = await preflight(withSlogan(filled(t), j));
      const findings = r.findings.filter((f) => !(f.code === 'placeholder' && unbound.has(f.elementId)));
      expect(findings, j).toEqual([]);
    }
  });

  it('renders with each seed jingle', async () => {
    const long = Math.max(t.format.widthMm, t.format.heightMm);
    const widthPx = Math.max(8, Math.round((160 * t.format.widthMm) / long));
    for (const [i, j] of SEEDS.entries()) {
      const out = join(OUT_DIR, `gallery-${id}-seed-${i}.png`);
      await renderDesigns([withSlogan(filled(t), j)], { out, widthPx, allowPlaceholder: true });
      const stats = await sharp(out).stats();
      expect(Math.max(...stats.channels.slice(0, 3).map((c) => c.stdev)), j).toBeGreaterThan(10);
    }
  });
});

describe('thumbnails read in their style’s colours', () => {
  /** The mean colour of a 64 px thumbnail, as the gallery shows it (template samples and all). */
  const mean = async (t: Template): Promise<[number, number, number]> => {
    const out = join(OUT_DIR, `thumb-${t.id}.png`);
    const long = Math.max(t.format.widthMm, t.format.heightMm);
    await renderDesigns([designFromTemplate(t)], {
      out,
      widthPx: Math.max(8, Math.round((64 * t.format.widthMm) / long)),
      allowPlaceholder: true,
    });
    // A die-cut piece's PNG is transparent outside its cut: only the piece's own pixels count.
    const { data, info } = await sharp(out).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const sum = [0, 0, 0];
    let weight = 0;
    for (let i = 0; i < info.width * info.height; i++) {
      const a = data[i * 4 + 3]! / 255;
      for (let k = 0; k < 3; k++) sum[k]! += data[i * 4 + k]! * a;
      weight += a;
    }
    return sum.map((v) => v / weight) as [number, number, number];
  };
  const luma = ([r, g, b]: [number, number, number]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Measured on the shipped gallery: red-gold thumbnails lead with red by 50+ levels, blue ones with
  // blue, chalkboards stay below a luma of 85, fresh ones above 150 with green not under blue.
  const reads: Record<string, (c: [number, number, number]) => boolean> = {
    'festive-red': ([r, g, b]) => r > g + 40 && r > b + 40,
    'police-blue': ([r, g, b]) => b > r + 10 && b > g,
    'market-chalk': (c) => luma(c) < 100 && Math.max(...c) < 110,
    'fresh-illustrated': (c) => luma(c) > 140 && c[1] >= c[2],
  };
  for (const t of templates.filter((x) => x.style && x.style in reads))
    it(`${t.id} (${t.style})`, async () => {
      const c = await mean(t);
      expect(reads[t.style!]!(c), `mean colour ${c.map(Math.round).join(',')}`).toBe(true);
    });
});
