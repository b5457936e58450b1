// Layout + SVG of a whole design per keystroke, warm: what the live preview costs.
import { readFileSync } from 'node:fs';
import { designFromTemplate } from '../dist/main/core/index.js';
import { sceneToSvg } from '../dist/main/engine/output/svg.js';
import { buildScene } from '../dist/main/engine/scene/build-scene.js';
import { getTemplate } from '../dist/main/engine/templates.js';

const LIBRARY = JSON.parse(readFileSync(new URL('../templates/slogans/slogans.json', import.meta.url), 'utf8')).map(
  (s) => s.text,
);

function time(step, n) {
  for (let i = 0; i < 100; i++) step(i);
  const times = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    step(100 + i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(n / 2)], p95: times[Math.floor(n * 0.95)] };
}

/**
 * Two ways of typing: `retyped` types the template's slogan one character at a time, over and over
 * (each text seen before: word segmentation cached); `fresh` gives every keystroke a text never
 * seen (prefixes of the slogan library's jingles), so each one is segmented anew.
 */
export async function keystrokeBench(ids = ['poster-a2-red', 'banner-red-600x70', 'wechat-1080x1920-blue'], n = 500) {
  const out = [];
  for (const id of ids) {
    const d = designFromTemplate(getTemplate(id));
    const slogan = d.elements.find((e) => e.slot === 'slogan');
    const full = slogan.text;
    const retyped = time((i) => {
      slogan.text = full.slice(0, (i % full.length) + 1);
      return sceneToSvg(buildScene(d).scene);
    }, n);
    const fresh = time((i) => {
      const j = LIBRARY[i % LIBRARY.length];
      slogan.text = j.slice(0, 1 + (Math.floor(i / LIBRARY.length) % j.length));
      return sceneToSvg(buildScene(d).scene);
    }, n);
    out.push({ id, median: retyped.median, p95: retyped.p95, freshMedian: fresh.median, freshP95: fresh.p95 });
  }
  return out;
}
