import { IllustrationElementSchema } from '../../core/index.js';
import { illustrationArt } from '../illustrations.js';
import { illustrationItems } from '../scene/illustration.js';
import { vectorSvg } from './svg.js';

/** One picture of the set as a small standalone SVG (the picker's thumbnail), drawn as every output draws it. */
export function illustrationSvg(id: string): string {
  const art = illustrationArt(id);
  if (!art) return '';
  const el = IllustrationElementSchema.parse({
    id: 'picture',
    type: 'illustration',
    box: { x: 0, y: 0, w: art.width, h: art.height },
    illustration: id,
  });
  const body = illustrationItems(el, { elements: [] }, []).map(vectorSvg).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${art.width} ${art.height}" width="${art.width}" height="${art.height}">${body}</svg>`;
}
