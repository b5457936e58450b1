/*
 * The library's enumerations: sample kinds with their labels, usual channels, file roles. No
 * imports: the page shows them without pulling the schemas (library.ts) into its bundle.
 */

/** What a library sample is (issue 4): the UI edits these fields, the library stores and searches them. */
export const SAMPLE_KINDS = {
  banner: '横幅',
  poster: '海报',
  rollup: '易拉宝',
  sticker: '贴纸',
  wechat: '微信图片',
  article: '文章',
  video: '视频链接',
  other: '其他',
} as const;
export type SampleKind = keyof typeof SAMPLE_KINDS;

/** Where a sample was used; free text is allowed too, these are the usual ones. */
export const SAMPLE_CHANNELS = ['集市横幅', '网格微信群', '公众号', '视频号', '印刷传单', '其他'] as const;

export const FILE_ROLES = ['design', 'pdf', 'png', 'original', 'thumbnail'] as const;
