import { parseDesignText, StudioError, type Design, type Sample } from '../core/index.js';
import type { Library } from './library.js';

/**
 * The design a published sample keeps (its images embedded), to open in the editor or to copy.
 * An imported photo or PDF has none: the message says what the user can do instead.
 */
export async function sampleDesign(lib: Library, id: string): Promise<{ design: Design; sample: Sample }> {
  const sample = lib.find(id);
  const f = sample.files.find((x) => x.role === 'design');
  if (!f)
    throw new StudioError(
      'invalid-input',
      `样本「${sample.title}」是外部导入的文件，没有可编辑的设计；可以下载它的文件`,
    );
  let text: string;
  try {
    text = (await lib.read(f.sha256)).toString('utf8');
  } catch {
    throw new StudioError(
      'invalid-design',
      `样本「${sample.title}」中的设计文件读不出来，请运行素材库检查（library check）`,
    );
  }
  return { design: parseDesignText(text, `样本「${sample.title}」中的设计`), sample };
}

/** A published sample as a new editable design, named "…（副本）". */
export async function duplicateAsDesign(lib: Library, id: string): Promise<{ design: Design; from: Sample }> {
  const { design, sample } = await sampleDesign(lib, id);
  return { design: { ...design, name: `${design.name}（副本）` }, from: sample };
}
