import { mkdirSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fillSlots } from '../../../main/engine/fill-slots.js';
import { stripMeasurementTags } from '../../../main/engine/output/pdf/output-intent.js';
import { renderDesigns } from '../../../main/engine/render.js';
import { OUT_DIR } from '../../helpers/designs.js';
import { images, mentionsDeviceRgb } from '../../helpers/pdf-objects.js';
import { PdfReader } from '../../helpers/pdf-reader.js';
import { noisyPhoto, plainPhoto } from '../../helpers/photos.js';
import { filledTemplate } from '../../helpers/profile.js';

const DIR = `${OUT_DIR}print-cmyk/`;
beforeAll(() => mkdirSync(DIR, { recursive: true }));

/** The text of an ICC profile's tag (desc, cprt), for `desc` and `text` types. */
function iccText(icc: Buffer, sig: string): string {
  const n = icc.readUInt32BE(128);
  for (let i = 0; i < n; i++) {
    const at = 132 + 12 * i;
    if (icc.toString('latin1', at, at + 4) !== sig) continue;
    const off = icc.readUInt32BE(at + 4);
    const size = icc.readUInt32BE(at + 8);
    const type = icc.toString('latin1', off, off + 4);
    const body =
      type === 'desc'
        ? icc.subarray(off + 12, off + 12 + icc.readUInt32BE(off + 8))
        : icc.subarray(off + 8, off + size);
    return body.toString('latin1').replace(/\0+$/, '');
  }
  return '';
}

async function photoPoster(photo: Buffer, name: string) {
  const file = `${DIR}${name}.jpg`;
  writeFileSync(file, photo);
  return fillSlots(filledTemplate('poster-50x70-photo'), [['photo', file]]);
}

describe('photos in print PDFs are CMYK', () => {
  it('the photo poster keeps no DeviceRGB object; its photo is a CMYK JPEG that still looks like the photo', async () => {
    const out = `${DIR}photo-poster.pdf`;
    await renderDesigns([await photoPoster(await plainPhoto(600, 400), 'plain')], { out, allowPlaceholder: true });
    const pdf = PdfReader.open(out);
    expect(mentionsDeviceRgb(pdf)).toBe(false);
    const imgs = images(pdf);
    expect(imgs).toEqual([{ colourSpace: 'DeviceCMYK', filter: 'DCTDecode', width: 600, height: 400, smask: false }]);
    // Read back by MuPDF (the Decode array undoes the Adobe inversion): the photo's red, not its negative.
    const ras = pdf.rasterise(0, 20, { box: 'TrimBox' });
    const [r, g, b] = ras.pixelAtMm(250, 200);
    expect(r).toBeGreaterThan(150);
    expect(g).toBeLessThan(90);
    expect(b).toBeLessThan(90);
  });

  it('a real-looking photo converts too (20 MP camera JPEG)', async () => {
    const out = `${DIR}photo-poster-big.pdf`;
    await renderDesigns([await photoPoster(await noisyPhoto(2000, 1500), 'noisy')], { out, allowPlaceholder: true });
    const pdf = PdfReader.open(out);
    expect(mentionsDeviceRgb(pdf)).toBe(false);
    expect(images(pdf).map((i) => i.colourSpace)).toEqual(['DeviceCMYK']);
  });

  it("the unit's PNG logo and mascot become CMYK samples, their transparency a soft mask", async () => {
    const out = `${DIR}board.pdf`;
    await renderDesigns([filledTemplate('sign-board-600x800-blue')], { out });
    const pdf = PdfReader.open(out);
    expect(mentionsDeviceRgb(pdf)).toBe(false);
    const colour = images(pdf).filter((i) => i.colourSpace !== 'DeviceGray');
    expect(colour.length).toBeGreaterThanOrEqual(2);
    // Both pictures of the test profile have transparent parts (alpha down to 0).
    for (const i of colour) expect(i).toMatchObject({ colourSpace: 'DeviceCMYK', filter: 'FlateDecode', smask: true });
    // The soft mask shows through: the logo's transparent corner shows the blue board under it.
    const [r, , b] = pdf.rasterise(0, 20, { box: 'TrimBox' }).pixelAtMm(37, 37);
    expect(b).toBeGreaterThan(r + 60);
  });

  it('a WeChat image exported as PDF stays RGB, without an output intent', async () => {
    const out = `${DIR}wechat.pdf`;
    await renderDesigns([filledTemplate('wechat-1080x1920-blue')], { out });
    const root = PdfReader.open(out).doc.getTrailer().get('Root');
    expect(root.get('OutputIntents').isNull()).toBe(true);
  });
});

describe('the output intent', () => {
  it("names libvips' CMYK profile, which says it is public domain (ArgyllCMS's author)", async () => {
    const out = `${DIR}intent.pdf`;
    await renderDesigns([filledTemplate('tag-hanging-70x100-fresh')], { out });
    const intents = PdfReader.open(out).doc.getTrailer().get('Root').get('OutputIntents');
    expect(intents.length).toBe(1);
    const intent = intents.get(0);
    expect(intent.get('S').asName()).toBe('GTS_PDFX');
    const stream = intent.get('DestOutputProfile');
    expect(stream.get('N').asNumber()).toBe(4);
    const icc = Buffer.from(stream.readStream().asUint8Array());
    expect(icc.toString('latin1', 12, 20)).toBe('prtrCMYK');
    expect(icc.toString('latin1', 36, 40)).toBe('acsp');
    expect(icc.readUInt32BE(0)).toBe(icc.length);
    expect(iccText(icc, 'desc')).toBe('Chemical proof');
    expect(iccText(icc, 'cprt')).toMatch(/Graeme W\. Gill\. Released into the public domain/);
    // The colour tables are all there; the measurement data is not.
    expect(iccText(icc, 'targ')).toBe('');
    expect(icc.length).toBeLessThan(240_000);
  });

  it('stripping leaves a profile with the same colour tags at the same offsets', () => {
    const tags = (icc: Buffer) =>
      Array.from({ length: icc.readUInt32BE(128) }, (_, i) => icc.toString('latin1', 132 + 12 * i, 144 + 12 * i));
    const fake = Buffer.alloc(400);
    fake.writeUInt32BE(400, 0);
    fake.writeUInt32BE(3, 128);
    const entries: [string, number, number][] = [
      ['desc', 200, 20],
      ['A2B0', 220, 40],
      ['targ', 300, 100],
    ];
    entries.forEach(([sig, off, size], i) => {
      fake.write(sig, 132 + 12 * i, 'latin1');
      fake.writeUInt32BE(off, 136 + 12 * i);
      fake.writeUInt32BE(size, 140 + 12 * i);
    });
    const out = stripMeasurementTags(fake);
    expect(out.length).toBe(260);
    expect(out.readUInt32BE(0)).toBe(260);
    expect(tags(out)).toEqual(tags(fake).slice(0, 2));
  });
});
