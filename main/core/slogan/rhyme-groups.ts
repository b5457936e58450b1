/**
 * 中华新韵 (the fourteen rhyme groups of modern Chinese verse) by pinyin final. A rhyme is judged
 * by the final of the last syllable, never by the character alone (DESIGN.md §6).
 */
export const RHYME_GROUPS = [
  '麻',
  '波',
  '皆',
  '开',
  '微',
  '豪',
  '尤',
  '寒',
  '文',
  '唐',
  '庚',
  '齐',
  '支',
  '姑',
] as const;
export type RhymeGroup = (typeof RHYME_GROUPS)[number];

const BY_FINAL: Record<string, RhymeGroup> = {
  a: '麻',
  ia: '麻',
  ua: '麻',
  o: '波',
  e: '波',
  uo: '波',
  ie: '皆',
  üe: '皆',
  ê: '皆',
  ai: '开',
  uai: '开',
  ei: '微',
  ui: '微',
  uei: '微',
  ao: '豪',
  iao: '豪',
  ou: '尤',
  iu: '尤',
  iou: '尤',
  an: '寒',
  ian: '寒',
  uan: '寒',
  üan: '寒',
  en: '文',
  in: '文',
  un: '文',
  uen: '文',
  ün: '文',
  ang: '唐',
  iang: '唐',
  uang: '唐',
  eng: '庚',
  ing: '庚',
  ong: '庚',
  iong: '庚',
  ueng: '庚',
  i: '齐',
  er: '齐',
  ü: '齐',
  '-i': '支',
  u: '姑',
};

const INITIALS = [
  'zh',
  'ch',
  'sh',
  'b',
  'p',
  'm',
  'f',
  'd',
  't',
  'n',
  'l',
  'g',
  'k',
  'h',
  'j',
  'q',
  'x',
  'r',
  'z',
  'c',
  's',
  'y',
  'w',
];

/** y/w spellings back to the finals they stand for (yu → ü, wei → uei, you → iou …). */
const Y_W: Record<string, string> = {
  yi: 'i',
  ya: 'ia',
  yo: 'io',
  ye: 'ie',
  yao: 'iao',
  you: 'iou',
  yan: 'ian',
  yin: 'in',
  yang: 'iang',
  ying: 'ing',
  yong: 'iong',
  yu: 'ü',
  yue: 'üe',
  yuan: 'üan',
  yun: 'ün',
  wu: 'u',
  wa: 'ua',
  wo: 'uo',
  wai: 'uai',
  wei: 'uei',
  wan: 'uan',
  wen: 'uen',
  wang: 'uang',
  weng: 'ueng',
};

/** Split a toneless pinyin syllable ("zhuang", "yu", "lü" or "lv") into initial and final. */
export function splitSyllable(syllable: string): { initial: string; final: string } {
  const s = syllable.toLowerCase().replace(/v/g, 'ü');
  if (s in Y_W) return { initial: '', final: Y_W[s]! };
  const initial = INITIALS.find((i) => s.startsWith(i) && s.length > i.length) ?? '';
  let final = s.slice(initial.length);
  if ('jqx'.includes(initial) && initial && final.startsWith('u')) final = 'ü' + final.slice(1);
  // zhi chi shi ri zi ci si: the "empty" final of 十三支, not the i of 齐.
  if (final === 'i' && ['zh', 'ch', 'sh', 'r', 'z', 'c', 's'].includes(initial)) final = '-i';
  return { initial, final };
}

export function rhymeGroupOf(final: string): RhymeGroup | null {
  return BY_FINAL[final] ?? null;
}
