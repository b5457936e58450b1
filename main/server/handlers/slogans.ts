import type { ApiInput, ApiParsed, ApiValue } from '../../core/api.js';
import {
  checkSlogan as check,
  composeSlogans,
  convertDesign,
  convertText,
  FRAUD_TYPES,
  suggestWarnings,
  type FraudType,
} from '../../core/slogan/index.js';
import { sloganLexicon } from '../../engine/slogan-library.js';

export const checkSlogan = (text: string): ApiValue<'checkSlogan'> => check(text);

type SuggestInput = Omit<ApiInput<'suggestSlogans'>, 'count'> & { count: number };

/** A first half gets rhyming warnings; otherwise goods and fraud types make whole jingles. */
export function suggestSlogans(req: SuggestInput): ApiValue<'suggestSlogans'> {
  const types = req.fraudTypes?.length ? req.fraudTypes : (Object.keys(FRAUD_TYPES) as FraudType[]);
  const lex = sloganLexicon();
  if (req.firstHalf) return suggestWarnings(req.firstHalf, types, lex.warnings, req.count);
  // The schema requires one of the two; goods is set here.
  return composeSlogans(req.goods!, types, lex, req.count);
}

export async function convertScript(req: ApiParsed<'convertScript'>): Promise<ApiValue<'convertScript'>> {
  if ('text' in req) return { text: await convertText(req.text, req.to) };
  return { design: await convertDesign(req.design, req.to) };
}
