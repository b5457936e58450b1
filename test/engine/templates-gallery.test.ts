import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  BUNDLED_FAMILIES,
  designFromTemplate,
  KINDS,
  matchFormat,
  placeholdersOf,
  slotsOf,
} from '../../main/core/index.js';
import { listFormats } from '../../main/engine/formats.js';
import { preflight } from '../../main/engine/preflight/preflight.js';
import { renderDesigns } from '../../main/engine/render.js';
import { listTemplates } from '../../main/engine/templates.js';
import { OUT_DIR } from '../helpers/designs.js';
import { filledTemplate } from '../helpers/profile.js';

const templates = listTemplates();
const formats = listFormats();

describe('template gallery', () => {
  it('has at least 48 templates covering every kind', () => {
    expect(templates.length).toBeGreaterThanOrEqual(48);
    for (const k of KINDS) expect(templates.filter((t) => t.kind === k).length, k).toBeGreaterThan(0);
  });

  it('has a vertical banner set in vertical writing, and a poster with a photo slot', () => {
    const vertical = templates.find((t) => t.kind === 'vertical-banner')!;
    const slogan = vertical.elements.find((e) => e.slot === 'slogan');
    expect(slogan?.type === 'text' && slogan.writing).toBe('vertical');
    expect(
      templates.some((t) => t.kind === 'poster' && t.elements.some((e) => e.type === 'image' && e.slot === 'photo')),
    ).toBe(true);
  });
});

describe.each(templates.map((t) => [t.id, t] as const))('template %s', (id, t) => {
  it('is made in a catalogue format, with its print defaults', () => {
    const entry = matchFormat(formats, t.format);
    expect(entry, `${id}: ${t.format.widthMm}×${t.format.heightMm} mm, bleed ${t.format.bleedMm}`).toBeDefined();
    expect(t.kind).toBe(entry!.kind);
    const { safeMm, dpi, colourMode, cropMarks, viewingDistanceM, pixels } = t.format;
    expect({ safeMm, dpi, colourMode, cropMarks, viewingDistanceM, pixels }).toEqual({
      safeMm: entry!.safeMm,
      dpi: entry!.dpi,
      colourMode: entry!.colourMode,
      cropMarks: entry!.cropMarks,
      viewingDistanceM: entry!.viewingDistanceM,
      pixels: entry!.pixels,
    });
  });

  it('has a slogan text slot, and the hotline slot names 96110', () => {
    const slots = slotsOf(t);
    expect(slots.find((s) => s.name === 'slogan')?.type).toBe('text');
    for (const el of t.elements) {
      if (el.slot === 'hotline') expect(el.type === 'text' && el.text).toContain('96110');
      if (el.slot === 'qr') expect(el.type === 'qr' && el.content).toMatch(/^https:\/\//);
      if (el.slot) expect(el.label, `${el.id} has a label`).toBeTruthy();
    }
    for (const s of slots) expect(s.label).toMatch(/[\u4e00-\u9fff]/);
  });

  it('uses only the bundled fonts, in weights they have', () => {
    for (const el of t.elements) {
      if (el.type !== 'text') continue;
      const face = BUNDLED_FAMILIES.find((f) => f.family === el.font.family);
      expect(
        (face?.weights as readonly number[] | undefined)?.includes(el.font.weight),
        `${el.id}: ${el.font.family} ${el.font.weight}`,
      ).toBe(true);
    }
  });

  it('with the unit profile in, passes preflight; only samples no profile fills are left (date, place, photo)', async () => {
    const r = await preflight(filledTemplate(id));
    const unbound = new Set(
      t.elements.filter((e) => 'placeholder' in e && e.placeholder !== undefined && !e.bind).map((e) => e.id),
    );
    const findings = r.findings.filter((f) => !(f.code === 'placeholder' && unbound.has(f.elementId)));
    expect(findings).toEqual([]);
  });

  it('marks its samples explicitly: each placeholder is what the template shows, and no ×× is left unmarked', () => {
    for (const el of t.elements) {
      if (el.type === 'text' && el.text.includes('××')) expect(el.placeholder, el.id).toBe(el.text);
      if (!('placeholder' in el) || el.placeholder === undefined) continue;
      const content = el.type === 'text' ? el.text : el.type === 'qr' ? el.content : (el.asset ?? '');
      expect(el.placeholder, el.id).toBe(content);
    }
    for (const el of t.elements)
      if (el.type === 'qr') expect(el.quietZone, `${el.id} quiet zone`).toBeGreaterThanOrEqual(4);
  });

  it('with an empty profile, every unit and QR sample is a placeholder error and the export is refused', async () => {
    const samples = placeholdersOf(t);
    // Unit names, local lines and QR codes show a sample until filled; 96110 is never a sample, and a
    // logo or mascot slot is simply empty without the profile.
    const bound = t.elements.filter((e) => (e.type === 'text' || e.type === 'qr') && e.bind && e.bind !== 'hotline');
    for (const el of bound)
      expect(
        samples.map((p) => p.elementId),
        el.id,
      ).toContain(el.id);
    const r = await preflight(designFromTemplate(t));
    expect(r.ok).toBe(samples.length === 0);
    if (samples.length === 0) return;
    await expect(renderDesigns([designFromTemplate(t)], { out: join(OUT_DIR, `refused-${id}.pdf`) })).rejects.toThrow(
      '模板的示例内容',
    );
  });

  it('renders at its default content', async () => {
    const out = join(OUT_DIR, `gallery-${id}.png`);
    const long = Math.max(t.format.widthMm, t.format.heightMm);
    const widthPx = Math.max(8, Math.round((240 * t.format.widthMm) / long));
    const r = await renderDesigns([filledTemplate(id)], { out, widthPx, allowPlaceholder: true });
    expect(r.widthPx).toBe(widthPx);
    const stats = await sharp(out).stats();
    // Not blank: some channel varies across the image.
    expect(Math.max(...stats.channels.slice(0, 3).map((c) => c.stdev))).toBeGreaterThan(10);
  });
});
