// Draws the app icon (a red/blue shield with 反诈) and writes every size electron-builder needs:
// build/icon.svg (the source), build/icons/NxN.png (Linux, 16…1024), build/icon.png (1024) and
// build/icon.ico (Windows, 16…256). Run it again after changing the drawing: `node build/make-icons.mjs`.
// The glyphs are outlines from the bundled Noto Sans SC Black, so the SVG renders the same on any
// machine, with or without CJK system fonts.
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import sharp from 'sharp';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const font = fontkit.openSync(require.resolve('@expo-google-fonts/noto-sans-sc/900Black/NotoSansSC_900Black.ttf'));

const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** Below this the two characters blur into one blot: the small icon carries 反 alone. */
const SMALL_MAX = 32;

/** Glyph outlines for `text`, centred on (cx, baseline) at `size` px (font units are y-up). */
function textPath(text, size, cx, baseline) {
  const run = font.layout(text);
  const s = size / font.unitsPerEm;
  const width = run.positions.reduce((w, p) => w + p.xAdvance, 0) * s;
  let x = cx - width / 2;
  const parts = [];
  run.glyphs.forEach((g, i) => {
    parts.push(`<path transform="matrix(${s} 0 0 ${-s} ${x.toFixed(2)} ${baseline})" d="${g.path.toSVG()}"/>`);
    x += run.positions[i].xAdvance * s;
  });
  return parts.join('');
}

function iconSvg(small) {
  // A heater shield on a 1024 canvas: left half 大红, right half police blue, white rim.
  const shield = 'M512 64 L880 184 V480 C880 720 720 880 512 960 C304 880 144 720 144 480 V184 Z';
  const text = small ? textPath('反', 560, 512, 720) : textPath('反诈', 300, 512, 625);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1024 1024" width="1024" height="1024">
<defs><clipPath id="s"><path d="${shield}"/></clipPath></defs>
<g clip-path="url(#s)"><rect x="0" y="0" width="512" height="1024" fill="#E60012"/><rect x="512" y="0" width="512" height="1024" fill="#0B4EA2"/></g>
<path d="${shield}" fill="none" stroke="#FFFFFF" stroke-width="${small ? 56 : 40}" stroke-linejoin="round"/>
<g fill="#FFFFFF">${text}</g>
</svg>
`;
}

/** An .ico whose entries are PNGs (Windows Vista and later read them at every size). */
function ico(pngs) {
  const header = Buffer.alloc(6 + 16 * pngs.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // type 1: icon
  header.writeUInt16LE(pngs.length, 4);
  let offset = header.length;
  pngs.forEach(({ size, data }, i) => {
    const e = 6 + i * 16;
    header.writeUInt8(size >= 256 ? 0 : size, e); // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, e + 1);
    header.writeUInt8(0, e + 2); // no palette
    header.writeUInt8(0, e + 3);
    header.writeUInt16LE(1, e + 4); // colour planes
    header.writeUInt16LE(32, e + 6); // bits per pixel
    header.writeUInt32LE(data.length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...pngs.map((p) => p.data)]);
}

const big = iconSvg(false);
const small = iconSvg(true);
writeFileSync(join(here, 'icon.svg'), big);
writeFileSync(join(here, 'icon-small.svg'), small);
mkdirSync(join(here, 'icons'), { recursive: true });

const render = (size) =>
  sharp(Buffer.from(size <= SMALL_MAX ? small : big), { density: (72 * size) / 1024 })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toBuffer();

const pngs = new Map();
for (const size of PNG_SIZES) {
  const data = await render(size);
  pngs.set(size, data);
  writeFileSync(join(here, 'icons', `${size}x${size}.png`), data);
}
writeFileSync(join(here, 'icon.png'), pngs.get(1024));
writeFileSync(join(here, 'icon.ico'), ico(ICO_SIZES.map((size) => ({ size, data: pngs.get(size) }))));
console.log(`icons: ${PNG_SIZES.join(', ')} px PNG; .ico with ${ICO_SIZES.join(', ')}`);
