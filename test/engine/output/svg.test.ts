import { describe, expect, it } from 'vitest';
import { buildScene } from '../../../main/engine/scene/build-scene.js';
import { sceneToSvg } from '../../../main/engine/output/svg.js';
import { design } from '../../helpers/designs.js';

describe('SVG writer', () => {
  it('draws glyphs at their exact scale (regression: the scale was rounded to 3 decimals, up to 7 % off)', () => {
    const d = design({
      elements: [
        { id: 't', type: 'text', text: '菜', box: { x: 0, y: 0, w: 100, h: 100 }, size: { mode: 'fixed', mm: 7.5 } },
      ],
    });
    const svg = sceneToSvg(buildScene(d).scene);
    const m = /matrix\(([-\d.e]+) 0 0 ([-\d.e]+) /.exec(svg);
    expect(Number(m![1])).toBeCloseTo(0.0075, 9);
    expect(Number(m![2])).toBeCloseTo(-0.0075, 9);
  });

  it('defines each glyph outline once however often it is used', () => {
    const d = design({
      elements: [
        {
          id: 't',
          type: 'text',
          text: '菜菜菜菜',
          box: { x: 0, y: 0, w: 100, h: 100 },
          size: { mode: 'fixed', mm: 10 },
        },
      ],
    });
    const svg = sceneToSvg(buildScene(d).scene);
    expect(svg.match(/<path id=/g)).toHaveLength(1);
    expect(svg.match(/<use /g)).toHaveLength(4);
  });

  it('escapes the design name so it cannot inject markup', () => {
    const d = design({ name: '</title><script>alert(1)</script>' });
    const svg = sceneToSvg(buildScene(d).scene);
    expect(svg).not.toContain('<script>');
  });

  it('shows only the items that touch the requested region', () => {
    const d = design({
      elements: [
        { id: 'a', type: 'rect', box: { x: 0, y: 0, w: 10, h: 10 }, fill: '#FF0000' },
        { id: 'b', type: 'rect', box: { x: 150, y: 250, w: 10, h: 10 }, fill: '#00FF00' },
      ],
    });
    const svg = sceneToSvg(buildScene(d).scene, { region: { x: 0, y: 0, w: 50, h: 50 }, widthPx: 50, heightPx: 50 });
    expect(svg).toContain('#FF0000');
    expect(svg).not.toContain('#00FF00');
  });
});
