import type { EmphasisStyle, TextElement } from '../../core/index.js';
import type { SloganForm, TextClause } from './clauses.js';
import { PLAIN, type CharPaint } from './measure.js';
import { goodsWords } from './words/user-words.js';

const HAN = /^\p{Script=Han}$/u;

const styled = (base: CharPaint, s: EmphasisStyle): CharPaint => ({
  scale: s.scale ?? base.scale,
  ...((s.colour ?? base.colour) ? { colour: s.colour ?? base.colour } : {}),
});

/**
 * The paint of every character (by code point index of the text, line breaks counted once): the
 * element's per-word colours first, then the goods words, then the rhyming ends of a two-half
 * jingle — the last Han character of each half, the syllables the slogan engine judges (鱼 / 鱼).
 * The more specific wins where they meet (菜 of 韭菜 is both a goods word and a rhyme).
 */
export function charPaints(
  el: Pick<TextElement, 'wordColours' | 'emphasis'>,
  text: string,
  clauses: readonly TextClause[],
  form: SloganForm,
): (i: number) => CharPaint {
  const { wordColours, emphasis } = el;
  if (!wordColours?.length && !emphasis?.goods && !emphasis?.rhymes) return () => PLAIN;
  const chars = [...text];
  const paint: CharPaint[] = chars.map(() => PLAIN);
  for (const { word, colour } of wordColours ?? []) {
    const w = [...word];
    for (let i = 0; i + w.length <= chars.length; i++)
      if (w.every((c, k) => chars[i + k] === c))
        for (let k = 0; k < w.length; k++) paint[i + k] = { ...paint[i + k]!, colour };
  }
  const goods = emphasis?.goods;
  if (goods) {
    const known = goodsWords();
    for (const c of clauses)
      for (const t of c.tokens)
        if (known.has(t.text))
          for (let k = 0; k < [...t.text].length; k++) paint[t.at + k] = styled(paint[t.at + k]!, goods);
  }
  const rhymes = emphasis?.rhymes;
  if (rhymes && form === 'halves') {
    for (const c of clauses) {
      const han = c.tokens
        .flatMap((t) => [...t.text].map((ch, k) => ({ ch, i: t.at + k })))
        .filter((x) => HAN.test(x.ch));
      const end = han.at(-1);
      if (end) paint[end.i] = styled(paint[end.i]!, rhymes);
    }
  }
  return (i) => paint[i] ?? PLAIN;
}
