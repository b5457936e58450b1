// Extracts the curated illustrations (templates/illustrations/catalogue.json) from the
// @iconify-json/fluent-emoji-flat package (MIT) into templates/illustrations/fluent-emoji-flat.json:
// every shape as one fill colour and absolute M/L/C/Z path data in the icon's units, with circles,
// ellipses, rounded rectangles, arcs, quadratic curves and transforms all turned into cubic paths,
// so the engine's writers read one simple syntax. Anything the set uses that this does not handle
// (gradients, clip paths, filters, strokes, <use>) stops the script and names the icon.
//
//   node scripts/extract-illustrations.mjs          write the file
//   node scripts/extract-illustrations.mjs --check  exit 1 when the committed file is not what it would write
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'templates', 'illustrations', 'fluent-emoji-flat.json');
const PACKAGE = '@iconify-json/fluent-emoji-flat';
const KAPPA = 0.5522847498;

const round = (v) => {
  const r = Math.round(v * 1000) / 1000;
  return Object.is(r, -0) ? 0 : r;
};

/** [a b c d e f] of an SVG transform attribute (matrix, translate, scale, rotate; composed left to right). */
export function parseTransform(attr) {
  let m = [1, 0, 0, 1, 0, 0];
  for (const [, fn, args] of attr.matchAll(/(\w+)\s*\(([^)]*)\)/g)) {
    const a = args
      .trim()
      .split(/[\s,]+/)
      .map(Number);
    let t;
    if (fn === 'matrix') t = a;
    else if (fn === 'translate') t = [1, 0, 0, 1, a[0], a[1] ?? 0];
    else if (fn === 'scale') t = [a[0], 0, 0, a[1] ?? a[0], 0, 0];
    else if (fn === 'rotate') {
      const r = (a[0] * Math.PI) / 180;
      const [cx, cy] = [a[1] ?? 0, a[2] ?? 0];
      const [c, s] = [Math.cos(r), Math.sin(r)];
      t = [c, s, -s, c, cx - c * cx + s * cy, cy - s * cx - c * cy];
    } else throw new Error(`transform ${fn}() is not handled`);
    m = multiply(m, t);
  }
  return m;
}

const multiply = (p, q) => [
  p[0] * q[0] + p[2] * q[1],
  p[1] * q[0] + p[3] * q[1],
  p[0] * q[2] + p[2] * q[3],
  p[1] * q[2] + p[3] * q[3],
  p[0] * q[4] + p[2] * q[5] + p[4],
  p[1] * q[4] + p[3] * q[5] + p[5],
];

/** Arc (endpoint form, SVG F.6) as cubic segments of at most 90°: [[c1x,c1y,c2x,c2y,x,y]…]. */
function arcToCubics(x1, y1, rx, ry, phiDeg, largeArc, sweep, x2, y2) {
  if (rx === 0 || ry === 0 || (x1 === x2 && y1 === y2)) return x1 === x2 && y1 === y2 ? [] : [[x1, y1, x2, y2, x2, y2]];
  rx = Math.abs(rx);
  ry = Math.abs(ry);
  const phi = (phiDeg * Math.PI) / 180;
  const [cosP, sinP] = [Math.cos(phi), Math.sin(phi)];
  const dx = (x1 - x2) / 2;
  const dy = (y1 - y2) / 2;
  const x1p = cosP * dx + sinP * dy;
  const y1p = -sinP * dx + cosP * dy;
  const lambda = (x1p * x1p) / (rx * rx) + (y1p * y1p) / (ry * ry);
  if (lambda > 1) {
    rx *= Math.sqrt(lambda);
    ry *= Math.sqrt(lambda);
  }
  const num = rx * rx * ry * ry - rx * rx * y1p * y1p - ry * ry * x1p * x1p;
  const den = rx * rx * y1p * y1p + ry * ry * x1p * x1p;
  let k = Math.sqrt(Math.max(0, num / den));
  if (largeArc === sweep) k = -k;
  const cxp = (k * rx * y1p) / ry;
  const cyp = (-k * ry * x1p) / rx;
  const cx = cosP * cxp - sinP * cyp + (x1 + x2) / 2;
  const cy = sinP * cxp + cosP * cyp + (y1 + y2) / 2;
  const angle = (ux, uy, vx, vy) => Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy);
  const t1 = angle(1, 0, (x1p - cxp) / rx, (y1p - cyp) / ry);
  let dt = angle((x1p - cxp) / rx, (y1p - cyp) / ry, (-x1p - cxp) / rx, (-y1p - cyp) / ry);
  if (!sweep && dt > 0) dt -= 2 * Math.PI;
  if (sweep && dt < 0) dt += 2 * Math.PI;
  const n = Math.max(1, Math.ceil(Math.abs(dt) / (Math.PI / 2) - 1e-9));
  const step = dt / n;
  const alpha = (4 / 3) * Math.tan(step / 4);
  const point = (t) => [
    cx + rx * Math.cos(t) * cosP - ry * Math.sin(t) * sinP,
    cy + rx * Math.cos(t) * sinP + ry * Math.sin(t) * cosP,
  ];
  const deriv = (t) => [
    -rx * Math.sin(t) * cosP - ry * Math.cos(t) * sinP,
    -rx * Math.sin(t) * sinP + ry * Math.cos(t) * cosP,
  ];
  const out = [];
  for (let i = 0; i < n; i++) {
    const a = t1 + i * step;
    const b = a + step;
    const [px, py] = point(a);
    const [qx, qy] = point(b);
    const [dax, day] = deriv(a);
    const [dbx, dby] = deriv(b);
    out.push([px + alpha * dax, py + alpha * day, qx - alpha * dbx, qy - alpha * dby, qx, qy]);
  }
  // End exactly on the given point, not on the rounded-off computation of it.
  const last = out[out.length - 1];
  last[4] = x2;
  last[5] = y2;
  return out;
}

/**
 * SVG path data → list of absolute segments ['M',x,y] | ['L',x,y] | ['C',x1,y1,x2,y2,x,y] | ['Z'],
 * reading every command, relative or absolute, implicit repeats and compact arc flags ("a1 1 0 01.5.5").
 */
export function parsePath(d) {
  let i = 0;
  const ws = () => {
    while (i < d.length && /[\s,]/.test(d[i])) i++;
  };
  const num = () => {
    ws();
    const m = /^[-+]?(?:\d*\.\d+|\d+\.?)(?:[eE][-+]?\d+)?/.exec(d.slice(i));
    if (!m) throw new Error(`number expected at ${i} in path`);
    i += m[0].length;
    return Number(m[0]);
  };
  const flag = () => {
    ws();
    const c = d[i++];
    if (c !== '0' && c !== '1') throw new Error(`arc flag expected at ${i - 1}`);
    return c === '1';
  };
  const out = [];
  let [x, y, sx, sy] = [0, 0, 0, 0];
  let lastC = null; // reflected control point source for S
  let lastQ = null; // for T
  let cmd = '';
  while (true) {
    ws();
    if (i >= d.length) break;
    if (/[a-zA-Z]/.test(d[i])) cmd = d[i++];
    else if (!cmd) throw new Error('path must start with a command');
    const rel = cmd === cmd.toLowerCase();
    const C = cmd.toUpperCase();
    const ox = rel ? x : 0;
    const oy = rel ? y : 0;
    let keepC = false;
    let keepQ = false;
    if (C === 'Z') {
      out.push(['Z']);
      [x, y] = [sx, sy];
    } else if (C === 'M') {
      [x, y] = [ox + num(), oy + num()];
      [sx, sy] = [x, y];
      out.push(['M', x, y]);
      cmd = rel ? 'l' : 'L'; // further pairs are lines
    } else if (C === 'L') {
      [x, y] = [ox + num(), oy + num()];
      out.push(['L', x, y]);
    } else if (C === 'H') {
      x = ox + num();
      out.push(['L', x, y]);
    } else if (C === 'V') {
      y = oy + num();
      out.push(['L', x, y]);
    } else if (C === 'C' || C === 'S') {
      let x1, y1;
      if (C === 'C') [x1, y1] = [ox + num(), oy + num()];
      else [x1, y1] = lastC ? [2 * x - lastC[0], 2 * y - lastC[1]] : [x, y];
      const [x2, y2] = [ox + num(), oy + num()];
      [x, y] = [ox + num(), oy + num()];
      out.push(['C', x1, y1, x2, y2, x, y]);
      lastC = [x2, y2];
      keepC = true;
    } else if (C === 'Q' || C === 'T') {
      let qx, qy;
      if (C === 'Q') [qx, qy] = [ox + num(), oy + num()];
      else [qx, qy] = lastQ ? [2 * x - lastQ[0], 2 * y - lastQ[1]] : [x, y];
      const [ex, ey] = [ox + num(), oy + num()];
      out.push([
        'C',
        x + (2 / 3) * (qx - x),
        y + (2 / 3) * (qy - y),
        ex + (2 / 3) * (qx - ex),
        ey + (2 / 3) * (qy - ey),
        ex,
        ey,
      ]);
      [x, y] = [ex, ey];
      lastQ = [qx, qy];
      keepQ = true;
    } else if (C === 'A') {
      const [rx, ry, rot] = [num(), num(), num()];
      const [large, sweep] = [flag(), flag()];
      const [ex, ey] = [ox + num(), oy + num()];
      for (const c of arcToCubics(x, y, rx, ry, rot, large, sweep, ex, ey)) out.push(['C', ...c]);
      [x, y] = [ex, ey];
    } else throw new Error(`path command ${cmd} is not handled`);
    if (!keepC) lastC = null;
    if (!keepQ) lastQ = null;
  }
  return out;
}

function ellipseSegments(cx, cy, rx, ry) {
  const [kx, ky] = [rx * KAPPA, ry * KAPPA];
  return [
    ['M', cx + rx, cy],
    ['C', cx + rx, cy + ky, cx + kx, cy + ry, cx, cy + ry],
    ['C', cx - kx, cy + ry, cx - rx, cy + ky, cx - rx, cy],
    ['C', cx - rx, cy - ky, cx - kx, cy - ry, cx, cy - ry],
    ['C', cx + kx, cy - ry, cx + rx, cy - ky, cx + rx, cy],
    ['Z'],
  ];
}

function rectSegments(x, y, w, h, r) {
  r = Math.min(r, w / 2, h / 2);
  if (r <= 0) return [['M', x, y], ['L', x + w, y], ['L', x + w, y + h], ['L', x, y + h], ['Z']];
  const k = r * (1 - KAPPA);
  const [x1, y1] = [x + w, y + h];
  return [
    ['M', x + r, y],
    ['L', x1 - r, y],
    ['C', x1 - k, y, x1, y + k, x1, y + r],
    ['L', x1, y1 - r],
    ['C', x1, y1 - k, x1 - k, y1, x1 - r, y1],
    ['L', x + r, y1],
    ['C', x + k, y1, x, y1 - k, x, y1 - r],
    ['L', x, y + r],
    ['C', x, y + k, x + k, y, x + r, y],
    ['Z'],
  ];
}

/** Segments through an affine transform, written as compact path data. */
export function writeSegments(segs, m = [1, 0, 0, 1, 0, 0]) {
  const pt = (x, y) => `${round(m[0] * x + m[2] * y + m[4])} ${round(m[1] * x + m[3] * y + m[5])}`;
  return segs
    .map((s) => {
      if (s[0] === 'Z') return 'Z';
      const pts = [];
      for (let k = 1; k < s.length; k += 2) pts.push(pt(s[k], s[k + 1]));
      return s[0] + pts.join(' ');
    })
    .join('');
}

const attrsOf = (text) => Object.fromEntries([...text.matchAll(/([a-zA-Z:-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));

function hex(fill, icon) {
  const m = /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.exec(fill);
  if (!m) throw new Error(`${icon}: fill ${fill} is not a plain colour`);
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return `#${h.toUpperCase()}`;
}

/** One icon's body → its shapes. */
export function iconShapes(name, body) {
  const shapes = [];
  const stack = [{}];
  for (const m of body.matchAll(/<(\/?)([a-zA-Z]+)([^>]*?)(\/?)>/g)) {
    const [, close, tag, rawAttrs, selfClose] = m;
    if (tag === 'g') {
      if (close) stack.pop();
      else {
        const a = attrsOf(rawAttrs);
        for (const k of Object.keys(a))
          if (!['fill', 'fill-rule', 'clip-rule'].includes(k)) throw new Error(`${name}: <g ${k}> is not handled`);
        stack.push({ ...stack[stack.length - 1], ...a });
        if (selfClose) stack.pop();
      }
      continue;
    }
    if (close) continue;
    if (!['path', 'circle', 'ellipse', 'rect'].includes(tag)) throw new Error(`${name}: <${tag}> is not handled`);
    const a = { ...stack[stack.length - 1], ...attrsOf(rawAttrs) };
    for (const k of Object.keys(a))
      if (
        ![
          'fill',
          'fill-rule',
          'clip-rule',
          'd',
          'opacity',
          'transform',
          'cx',
          'cy',
          'r',
          'rx',
          'ry',
          'x',
          'y',
          'width',
          'height',
        ].includes(k)
      )
        throw new Error(`${name}: attribute ${k} on <${tag}> is not handled`);
    if (!a.fill || a.fill === 'none') continue;
    const n = (k, dflt = 0) => (a[k] === undefined ? dflt : Number(a[k]));
    let segs;
    if (tag === 'path') segs = parsePath(a.d);
    else if (tag === 'circle') segs = ellipseSegments(n('cx'), n('cy'), n('r'), n('r'));
    else if (tag === 'ellipse') segs = ellipseSegments(n('cx'), n('cy'), n('rx'), n('ry'));
    else segs = rectSegments(n('x'), n('y'), n('width'), n('height'), n('rx', n('ry')));
    const shape = {
      d: writeSegments(segs, a.transform ? parseTransform(a.transform) : undefined),
      fill: hex(a.fill, name),
    };
    if (a.opacity !== undefined && Number(a.opacity) < 1) shape.opacity = Number(a.opacity);
    if (a['fill-rule'] === 'evenodd') shape.evenOdd = true;
    shapes.push(shape);
  }
  if (shapes.length === 0) throw new Error(`${name}: no shapes`);
  return shapes;
}

/** The whole output file's text for the catalogue and the installed package. */
export function extract() {
  const require = createRequire(import.meta.url);
  const catalogue = JSON.parse(readFileSync(join(ROOT, 'templates', 'illustrations', 'catalogue.json'), 'utf8'));
  const set = require(`${PACKAGE}/icons.json`);
  const pkg = require(`${PACKAGE}/package.json`);
  const icons = {};
  for (const it of catalogue.items) {
    const icon = set.icons[it.icon];
    if (!icon) throw new Error(`${it.icon} is not in ${PACKAGE}`);
    icons[it.id] = {
      width: icon.width ?? set.width ?? 16,
      height: icon.height ?? set.height ?? 16,
      shapes: iconShapes(it.icon, icon.body),
    };
  }
  const doc = {
    schema: 'campaign-studio/illustration-shapes',
    version: 1,
    source: { package: PACKAGE, version: pkg.version },
    icons,
  };
  // One icon per line: diffs stay readable when the selection changes.
  const lines = Object.entries(doc.icons).map(([id, v]) => `    ${JSON.stringify(id)}: ${JSON.stringify(v)}`);
  return `{\n  "schema": "${doc.schema}",\n  "version": 1,\n  "source": ${JSON.stringify(doc.source)},\n  "icons": {\n${lines.join(',\n')}\n  }\n}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = extract();
  if (process.argv.includes('--check')) {
    const same = readFileSync(OUT, 'utf8') === text;
    console.log(
      same
        ? 'illustrations up to date'
        : 'templates/illustrations/fluent-emoji-flat.json is out of date: run node scripts/extract-illustrations.mjs',
    );
    process.exit(same ? 0 : 1);
  }
  writeFileSync(OUT, text);
  console.log(`wrote ${OUT}`);
}
