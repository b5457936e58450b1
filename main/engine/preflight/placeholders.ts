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
  '填好后再输出；确需输出带示例内容的样稿时，请选择「允许占位内容」（命令行加 --allow-placeholder）';

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
