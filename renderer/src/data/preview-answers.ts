import type { ApiInput, ApiValue, PreviewAnswerLayer, PreviewLayer } from '../../../main/core/api.js';
import type { StudioDesign } from '../../../main/core/design/design.js';

/*
 * The live preview's answers with only the changed layers in them: each request names the SVG
 * layers of the last whole answer by key (a hash of the markup), the main side sends back those
 * still drawn the same by key only, and they are filled in here — so a keystroke moves the one
 * text it changed, and everything past this point sees whole layers.
 */

/** A preview as the canvas shows it: every layer whole. */
export type Preview = Omit<ApiValue<'previewSvg'>, 'layers'> & { layers: PreviewLayer[] };

/**
 * An answer's layers made whole from `named` (key → markup of the layers its request named);
 * undefined if a layer is known by a key that was not named.
 */
export function fillLayers(
  layers: readonly PreviewAnswerLayer[],
  named: ReadonlyMap<string, string>,
): PreviewLayer[] | undefined {
  const whole: PreviewLayer[] = [];
  for (const l of layers) {
    if (l.kind !== 'known') whole.push(l);
    else {
      const svg = named.get(l.key);
      if (svg === undefined) return undefined;
      whole.push({ kind: 'svg', id: l.id, key: l.key, svg });
    }
  }
  return whole;
}

/**
 * The preview's request for a design, naming the layers of the last whole answer. Each answer is
 * filled from what its own request named (never from a later answer), and one that cannot be —
 * a main side that does not keep to the contract — is asked for again whole.
 */
export function previewNamingKnownLayers(
  send: (input: ApiInput<'previewSvg'>) => Promise<ApiValue<'previewSvg'>>,
): (design: StudioDesign) => Promise<Preview> {
  let last = new Map<string, string>();
  return async (design) => {
    const named = last;
    const answer = await send({ design, have: [...named.keys()] });
    const filled = fillLayers(answer.layers, named);
    const whole = filled ? { ...answer, layers: filled } : await sendWhole(send, design);
    last = new Map(whole.layers.flatMap((l) => (l.kind === 'svg' ? [[l.key, l.svg] as const] : [])));
    return whole;
  };
}

async function sendWhole(
  send: (input: ApiInput<'previewSvg'>) => Promise<ApiValue<'previewSvg'>>,
  design: StudioDesign,
): Promise<Preview> {
  const answer = await send({ design });
  const layers = fillLayers(answer.layers, new Map());
  if (!layers) throw new Error('previewSvg answered a layer by key to a request that named none');
  return { ...answer, layers };
}
