import { describe, expect, it } from 'vitest';
import type { Design } from '../../main/core/index.js';
import { designFileBytes } from '../../main/server/design-file.js';
import { design, textEl } from '../helpers/designs.js';
import { noisyPhoto, plainPhoto } from '../helpers/photos.js';

/* A design's file made with its photos spliced in is the file JSON.stringify writes, byte for byte. */

const asFile = (d: Design): Buffer => Buffer.from(JSON.stringify(d, null, 2));
const embedded = (data: Buffer, name: string) => ({ mime: 'image/jpeg' as const, data: data.toString('base64'), name });

describe('design file bytes', () => {
  it('a design without images', () => {
    const d = design({ elements: [textEl({ text: '白菜青菜油麦菜、莫给骗子当韭菜' })] });
    expect(designFileBytes(d).equals(asFile(d))).toBe(true);
  });

  it('a design with photos, small and large, and text that looks like base64 or a marker', async () => {
    const d = design({
      name: 'cs-embedded-0000000000000000-0 "引号" \\ 反斜杠',
      elements: [textEl({ text: 'QUJD cs-embedded-1-2 \u0000 换行\n' })],
      assets: {
        photo: embedded(await noisyPhoto(600, 400), '相机照片.jpg'),
        logo: embedded(await plainPhoto(8, 8), 'logo.jpg'),
        second: embedded(await noisyPhoto(300, 200), 'b.jpg'),
      },
    });
    const got = designFileBytes(d);
    expect(got.equals(asFile(d))).toBe(true);
    expect(JSON.parse(got.toString())).toEqual(d);
  });

  it('an image whose text is not base64 goes through the JSON writer as it is', () => {
    // Built past the schema (which refuses it), as code could.
    const d: Design = {
      ...design(),
      assets: { odd: { mime: 'image/png', data: `${'A'.repeat(2000)}"\\\n`, name: 'x.png' } },
    };
    expect(designFileBytes(d).equals(asFile(d))).toBe(true);
  });
});
