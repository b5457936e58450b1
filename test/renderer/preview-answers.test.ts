import { afterAll, describe, expect, it } from 'vitest';
import type { ApiInput, ApiValue, PreviewAnswerLayer } from '../../main/core/api.js';
import { setContent } from '../../main/core/design/edit.js';
import { createHandlers } from '../../main/server/handlers/index.js';
import { fillLayers, previewNamingKnownLayers } from '../../renderer/src/data/preview-answers.js';
import { testContext } from '../helpers/context.js';
import { studioTemplate } from '../helpers/studio-designs.js';

/*
 * The live preview's answers with only the changed layers (#18 §2): the page names the layers it
 * holds, the main side answers those by key, and the page fills them back in. What the canvas gets
 * must be exactly the whole answer, whatever was typed: a layer that changed never keeps its old
 * picture.
 */
const ctx = testContext();
const h = createHandlers(ctx);
afterAll(() => ctx.dispose());

async function send(input: ApiInput<'previewSvg'>): Promise<ApiValue<'previewSvg'>> {
  const r = await h.previewSvg(input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as ApiValue<'previewSvg'>;
}

const svg = (id: string, markup: string, key: string): PreviewAnswerLayer => ({ kind: 'svg', id, svg: markup, key });

describe('fillLayers', () => {
  it('fills layers known by key from the markup named, keeps the rest as they came', () => {
    const photo: PreviewAnswerLayer = {
      kind: 'photo',
      id: 'p',
      sha256: 'a'.repeat(64),
      box: { x: 0, y: 0, w: 1, h: 1 },
      clip: { x: 0, y: 0, w: 1, h: 1, r: 0 },
    };
    const named = new Map([['k1', '<svg>1</svg>']]);
    expect(fillLayers([{ kind: 'known', id: 'a', key: 'k1' }, svg('b', '<svg>2</svg>', 'k2'), photo], named)).toEqual([
      svg('a', '<svg>1</svg>', 'k1'),
      svg('b', '<svg>2</svg>', 'k2'),
      photo,
    ]);
    // A key the request did not name cannot be filled.
    expect(fillLayers([{ kind: 'known', id: 'a', key: 'k3' }], named)).toBeUndefined();
  });
});

describe('previewNamingKnownLayers', () => {
  it('gives the whole answer at every keystroke, while only the changed layer travels', async () => {
    const poster = studioTemplate('poster-a2-red');
    const wire: ApiValue<'previewSvg'>[] = [];
    const preview = previewNamingKnownLayers(async (input) => {
      const answer = await send(input);
      wire.push(answer);
      return answer;
    });
    const typed = '白菜青菜油麦菜，莫给骗子当韭菜';
    const wholes: ApiValue<'previewSvg'>[] = [];
    for (let i = 0; i <= typed.length; i++) {
      const design = setContent(poster, 'slogan', typed.slice(0, i) || '莫');
      wholes.push(await send({ design }));
      expect(await preview(design)).toEqual(wholes.at(-1));
    }
    // The first answer is whole; after it only the layers whose markup changed travel: the
    // slogan's, and the pictures that follow its goods when a goods word is typed.
    expect(wire[0]!.layers.some((l) => l.kind === 'known')).toBe(false);
    for (let i = 1; i < wire.length; i++) {
      const before = new Set(wholes[i - 1]!.layers.map((l) => l.kind === 'svg' && l.key));
      const changed = wholes[i]!.layers.filter((l) => l.kind === 'svg' && !before.has(l.key)).map((l) => l.id);
      expect(wire[i]!.layers.filter((l) => l.kind === 'svg').map((l) => l.id)).toEqual(changed);
      expect(changed).toContain('slogan');
    }
    expect(wire.some((a) => a.layers.filter((l) => l.kind === 'svg').length === 1)).toBe(true);
    const bytes = (a: unknown) => JSON.stringify(a).length;
    expect(bytes(wire.at(-1))).toBeLessThan(bytes(wholes.at(-1)) / 2);
    // Back to a state drawn before: whatever it named, the answer is the whole one.
    expect(await preview(poster)).toEqual(await send({ design: poster }));
  });

  it('fills each answer from what its own request named, even when a later answer came first', async () => {
    const answers: ((v: ApiValue<'previewSvg'>) => void)[] = [];
    const sent: ApiInput<'previewSvg'>[] = [];
    const preview = previewNamingKnownLayers((input) => {
      sent.push(input);
      return new Promise((ok) => answers.push(ok));
    });
    const design = studioTemplate('poster-a2-red');
    const first = preview(design);
    answers[0]!({ layers: [svg('a', '<svg>A1</svg>', 'ka1')], notes: [], elements: [] });
    await first;
    // Two requests out at once, both naming ka1; the second's answer arrives first and replaces
    // what is named next, the first's is still filled from ka1.
    const second = preview(design);
    const third = preview(design);
    expect(sent[1]!.have).toEqual(['ka1']);
    expect(sent[2]!.have).toEqual(['ka1']);
    answers[2]!({ layers: [svg('a', '<svg>A2</svg>', 'ka2')], notes: [], elements: [] });
    await third;
    answers[1]!({ layers: [{ kind: 'known', id: 'a', key: 'ka1' }], notes: [], elements: [] });
    expect((await second).layers).toEqual([svg('a', '<svg>A1</svg>', 'ka1')]);
  });

  it('asks again for the whole preview when an answer names a layer it was not told of', async () => {
    const sent: ApiInput<'previewSvg'>[] = [];
    const preview = previewNamingKnownLayers(async (input) => {
      sent.push(input);
      return input.have
        ? { layers: [{ kind: 'known', id: 'a', key: 'nobody-named-this' }], notes: [], elements: [] }
        : { layers: [svg('a', '<svg>A</svg>', 'ka')], notes: [], elements: [] };
    });
    expect((await preview(studioTemplate('poster-a2-red'))).layers).toEqual([svg('a', '<svg>A</svg>', 'ka')]);
    expect(sent.map((s) => s.have)).toEqual([[], undefined]);
  });
});
