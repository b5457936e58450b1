import { resolve } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { bundledFaces } from '../../../main/engine/fonts/bundled.js';
import { openOnDemand } from '../../../main/engine/fonts/glyf-on-demand.js';

describe('fonts read on demand', () => {
  for (const src of bundledFaces().slice(0, 2)) {
    it(`${src.family} ${src.weight}: ensured glyphs have the same outlines as in the whole file`, () => {
      const lazy = openOnDemand(src.path)!;
      expect(lazy).not.toBeNull();
      const whole = fontkit.openSync(src.path) as fontkit.Font;
      const part = fontkit.create(lazy.buffer) as fontkit.Font;
      const gids = [...'白菜青菜油麦菜、莫给骗子当韭菜96110App'].map(
        (c) => whole.glyphForCodePoint(c.codePointAt(0)!).id,
      );
      lazy.ensure(gids);
      for (const gid of [0, ...gids]) expect(part.getGlyph(gid).path.toSVG()).toBe(whole.getGlyph(gid).path.toSVG());
      // A glyph never asked for is not read: its outline bytes are still zero.
      const other = whole.glyphForCodePoint('鲸'.codePointAt(0)!).id;
      expect(part.getGlyph(other).path.toSVG()).toBe('');
      expect(whole.getGlyph(other).path.toSVG()).not.toBe('');
    });
  }
  it('declines fonts it cannot read in parts (CFF, collections)', () => {
    // package.json is no TrueType font: the caller then reads the file whole (and fontkit judges it).
    expect(openOnDemand(resolve(import.meta.dirname, '../../../package.json'))).toBeNull();
  });
});
