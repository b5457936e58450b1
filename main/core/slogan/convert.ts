import type { Design } from '../design/design.js';

export type Script = 'traditional' | 'simplified';

type Convert = (text: string) => string;
const converters = new Map<Script, Promise<Convert>>();

/**
 * Simplified ↔ traditional Chinese with OpenCC's dictionaries (phrases first, so 头发/发展 map to
 * 頭髮/發展). The dictionaries are large and loaded on first use only.
 */
export function converter(to: Script): Promise<Convert> {
  let c = converters.get(to);
  if (!c) {
    c = import('opencc-js').then((OpenCC) =>
      to === 'traditional' ? OpenCC.Converter({ from: 'cn', to: 't' }) : OpenCC.Converter({ from: 't', to: 'cn' }),
    );
    converters.set(to, c);
  }
  return c;
}

export async function convertText(text: string, to: Script): Promise<string> {
  return (await converter(to))(text);
}

/** The same design with the text of every text element converted; nothing else changes. */
export async function convertDesign<D extends Design>(design: D, to: Script): Promise<D> {
  const conv = await converter(to);
  return {
    ...design,
    name: conv(design.name),
    elements: design.elements.map((el) => (el.type === 'text' ? { ...el, text: conv(el.text) } : el)),
  };
}
