/**
 * Punctuation in vertical writing (竖排) takes its vertical presentation form (Unicode FE10–FE19,
 * FE30–FE4F), as Chinese typesetting does; the font is checked for each before use.
 */
export const VERTICAL_FORMS: Readonly<Record<string, string>> = {
  '，': '︐', ',': '︐', '、': '︑', '。': '︒', '：': '︓', ':': '︓', '；': '︔', ';': '︔',
  '！': '︕', '!': '︕', '？': '︖', '?': '︖', '…': '︙', '‥': '︰', '—': '︱', '–': '︲',
  '（': '︵', '(': '︵', '）': '︶', ')': '︶', '｛': '︷', '｝': '︸', '〔': '︹', '〕': '︺',
  '【': '︻', '】': '︼', '《': '︽', '》': '︾', '〈': '︿', '〉': '﹀', '「': '﹁', '」': '﹂',
  '『': '﹃', '』': '﹄', '［': '﹇', '］': '﹈', '～': '≀', '~': '≀', '-': '︱', 'ー': '丨',
};
