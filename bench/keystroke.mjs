// Layout + SVG of a whole design per keystroke, warm: what the live preview costs.
import { designFromTemplate } from '../dist/main/core/index.js';
import { sceneToSvg } from '../dist/main/engine/output/svg.js';
import { buildScene } from '../dist/main/engine/scene/build-scene.js';
import { getTemplate } from '../dist/main/engine/templates.js';

export async function keystrokeBench(ids = ['poster-a2-red', 'banner-red-600x70', 'wechat-1080x1920-blue'], n = 500) {
  const out = [];
  for (const id of ids) {
    const d = designFromTemplate(getTemplate(id));
    const slogan = d.elements.find((e) => e.slot === 'slogan');
    const full = slogan.text;
    // Typing the slogan one character at a time, over and over.
    const step = (i) => {
      slogan.text = full.slice(0, (i % full.length) + 1);
      return sceneToSvg(buildScene(d).scene);
    };
    for (let i = 0; i < 100; i++) step(i);
    const times = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      step(i);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    out.push({ id, median: times[Math.floor(n / 2)], p95: times[Math.floor(n * 0.95)] });
  }
  return out;
}
