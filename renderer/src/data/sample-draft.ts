import type { Sample } from '../../../main/core/library.js';
import { t } from '../i18n/library-detail-text.js';

/*
 * The detail panel's metadata form as a draft of one sample: what it starts from, the patch of
 * only what changed, and the main side's refusals turned into an error per field.
 */

/** The editable fields as the form holds them (tags as one line of text). */
export interface Draft {
  title: string;
  kind: string;
  format: string;
  publishedAt: string;
  unit: string;
  location: string;
  channel: string;
  fraudTypes: string[];
  tags: string;
  slogan: string;
  notes: string;
}

export const draftOf = (s: Sample): Draft => ({
  title: s.title,
  kind: s.kind,
  format: s.format,
  publishedAt: s.publishedAt,
  unit: s.unit,
  location: s.location,
  channel: s.channel,
  fraudTypes: [...s.fraudTypes],
  tags: s.tags.join('，'),
  slogan: s.slogan,
  notes: s.notes,
});

/** The form's fields in its order; their labels name them in the main side's refusals. */
const FIELDS = [
  'title',
  'kind',
  'format',
  'publishedAt',
  'unit',
  'location',
  'channel',
  'fraudTypes',
  'tags',
  'slogan',
  'notes',
] as const satisfies readonly (keyof Draft)[];
type FieldKey = (typeof FIELDS)[number];
const fieldName = (k: string) => ((FIELDS as readonly string[]).includes(k) ? t(k as FieldKey) : k);
/** The fields compared as they are (the lists are compared item by item). */
const PLAIN = FIELDS.filter((k): k is Exclude<FieldKey, 'fraudTypes' | 'tags'> => k !== 'fraudTypes' && k !== 'tags');

const splitTags = (t: string) => [
  ...new Set(
    t
      .split(/[,，、;；\s]+/u)
      .map((x) => x.trim())
      .filter(Boolean),
  ),
];

/** Only what changed, so an edit never rewrites fields the user did not touch. */
export function patchOf(s: Sample, d: Draft): Record<string, unknown> {
  const p: Record<string, unknown> = {};
  for (const k of PLAIN) if (d[k] !== s[k]) p[k] = d[k];
  if (d.fraudTypes.join() !== s.fraudTypes.join()) p.fraudTypes = d.fraudTypes;
  const tags = splitTags(d.tags);
  if (tags.join('\n') !== s.tags.join('\n')) p.tags = tags;
  return p;
}

/** The main side's "名称（meta.key）：message" details, by field key (the first message of each). */
export function fieldErrors(details: readonly string[]): Record<string, string> {
  const errs: Record<string, string> = {};
  for (const d of details) {
    const k = /（meta\.(\w+)/.exec(d)?.[1];
    if (k) errs[k] ??= `${fieldName(k)}：${d.slice(d.indexOf('：') + 1)}`;
  }
  return errs;
}
