import { describe, expect, it } from 'vitest';
import { convertDesign, convertText } from '../../../main/core/slogan/index.js';
import { design } from '../../helpers/designs.js';

describe('simplified ↔ traditional', () => {
  it('converts a slogan both ways, phrases first', async () => {
    expect(await convertText('白菜青菜油麦菜、莫给骗子当韭菜', 'traditional')).toBe('白菜青菜油麥菜、莫給騙子當韭菜');
    expect(await convertText('頭髮與發展', 'simplified')).toBe('头发与发展');
    expect(await convertText('国家反诈中心', 'traditional')).toBe('國家反詐中心');
  });

  it('converts every text of a design and nothing else', async () => {
    const d = design({
      name: '反诈海报',
      elements: [
        {
          id: 't',
          type: 'text',
          text: '乌鸡土鸡大公鸡、听说转账就挂机',
          box: { x: 0, y: 0, w: 100, h: 20 },
          size: { mode: 'fixed', mm: 5 },
        },
        { id: 'q', type: 'qr', content: 'https://www.gjfzzx.cn/反诈', box: { x: 0, y: 30, w: 20, h: 20 } },
      ],
    });
    const t = await convertDesign(d, 'traditional');
    expect(t.name).toBe('反詐海報');
    expect(t.elements[0]).toMatchObject({ text: '烏雞土雞大公雞、聽說轉賬就掛機' });
    expect(t.elements[1]).toEqual(d.elements[1]);
    expect(d.elements[0]).toMatchObject({ text: '乌鸡土鸡大公鸡、听说转账就挂机' });
  });
});
