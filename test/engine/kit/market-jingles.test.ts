import { describe, expect, it } from 'vitest';
import { planMarketJingles, stallCategory } from '../../../main/core/kit-market.js';
import { checkSlogan, splitHalves } from '../../../main/core/slogan/index.js';
import { stallFirstHalves } from '../../../main/core/slogan/stall.js';
import { marketJingleData } from '../../../main/engine/kit/kit-data.js';

const data = marketJingleData();

describe('stall jingles', () => {
  it('first halves name the stall’s goods, filled up with goods of their kind', () => {
    const halves = [...stallFirstHalves(['鲫鱼', '草鱼'], ['多宝鱼', '鲫鱼', '大鲫鱼'])];
    expect(halves.map(([h]) => h)).toContain('鲫鱼草鱼多宝鱼');
    // 大鲫鱼 repeats 鲫鱼: never in the same half.
    expect(halves.some(([h]) => h.includes('大鲫鱼'))).toBe(false);
    // The stall's own order weighs more.
    const w = new Map(halves);
    expect(w.get('鲫鱼草鱼多宝鱼')!).toBeGreaterThan(w.get('草鱼鲫鱼多宝鱼')!);
  });

  it('a stall keeps its own fraud type; goods the lexicon lacks find their kind by a telling character', () => {
    expect(stallCategory({ name: '河鲜', goods: ['黄骨鱼'] }, data)).toBe('fish');
    expect(stallCategory({ name: '菌菇摊', goods: ['鸡枞'] }, data)).toBe('mushrooms');
    const [p] = planMarketJingles([{ name: '鱼摊', goods: ['鲫鱼', '草鱼'], fraudType: 'rebate' }], data);
    expect(p!.jingle!.fraudType).toBe('rebate');
    expect(data.lexicon.warnings.rebate).toContain(splitHalves(p!.jingle!.text)[1]);
    expect(p!.jingle!.tip).toBe(data.tips.rebate.tip);
  });

  it('a swapped jingle is kept, and no other stall is offered it', () => {
    const stalls = [
      { name: '鱼摊', goods: ['鲫鱼', '草鱼'] },
      { name: '鱼摊二', goods: ['鲫鱼', '草鱼'] },
    ];
    const first = planMarketJingles(stalls, data);
    expect(first[0]!.jingle!.text).not.toBe(first[1]!.jingle!.text);
    const swap = first[0]!.alternatives[0]!.text;
    const again = planMarketJingles(stalls, data, [swap]);
    expect(again[0]!.jingle!.text).toBe(swap);
    expect(again[1]!.jingle!.text).not.toBe(swap);
    expect(again[1]!.alternatives.map((a) => a.text)).not.toContain(swap);
  });

  it('the user’s own words are kept as written, their rhyme judged by the engine', () => {
    const own = '鲫鱼草鱼小黄鱼、转账之前想一想';
    const [p] = planMarketJingles([{ name: '鱼摊', goods: ['鲫鱼'] }], data, [own]);
    expect(p!.jingle).toMatchObject({ text: own, rhyme: checkSlogan(own).rhyme });
    expect(p!.jingle!.rhyme).toBe('none');
  });

  it('stalls that cannot rhyme say why, and the others are planned', () => {
    const plans = planMarketJingles(
      [
        { name: '鱼摊', goods: ['鲫鱼', '草鱼'] },
        // No Han syllable to rhyme, and no kind of goods to fill up with.
        { name: '进口摊', goods: ['ABC'] },
      ],
      data,
    );
    expect(plans[0]!.jingle).not.toBeNull();
    expect(plans[1]!.jingle).toBeNull();
    expect(plans[1]!.problem).toMatch(/进口摊.*押不上韵/);
  });
});
