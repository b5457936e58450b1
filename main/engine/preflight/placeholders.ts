import {
  placeholderMessage,
  placeholdersOf,
  StudioError,
  type Design,
  type PreflightFinding,
} from '../../core/index.js';

/** Preflight errors for every element still showing its template's sample (docs/templates.md). */
export function placeholderFindings(design: Design): PreflightFinding[] {
  return placeholdersOf(design).map((p) => ({
    severity: 'error',
    code: 'placeholder',
    elementId: p.elementId,
    message: placeholderMessage(p),
  }));
}

/** How a user says "print the samples anyway", in every surface. */
export const ALLOW_PLACEHOLDER_HINT =
  '填好后再输出；确需输出带示例内容的样稿时，请勾选「仍导出样稿」（命令行加 --allow-placeholder）';

/**
 * Placeholders never print: an export of a design that still shows a template sample (×× text, a
 * sample date or QR, an empty photo box) stops before any file is written, naming each one.
 */
export function refusePlaceholders(designs: readonly Design[]): void {
  const lines = designs.flatMap((d) =>
    placeholdersOf(d).map((p) => (designs.length > 1 ? `${d.name}：${placeholderMessage(p)}` : placeholderMessage(p))),
  );
  if (lines.length)
    throw new StudioError('placeholder', '设计中还有模板的示例内容，没有输出文件', [...lines, ALLOW_PLACEHOLDER_HINT]);
}

/**
 * Why a batch row is not made while a template sample is still in it (a batch goes straight to the
 * print shop), or null: the samples by name, and what to do.
 */
export function placeholderReason(design: Design): string | null {
  const found = placeholdersOf(design);
  if (!found.length) return null;
  const names = found.map((p) => `「${p.name}」`).join('');
  return `还是模板的示例内容：${names}。请在表格中填写这些列，或提供本单位信息（--profile）；确需样稿时勾选「仍导出样稿」（--allow-placeholder）`;
}
