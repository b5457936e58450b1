import { promises as fs } from 'node:fs';
import {
  designFromTemplate,
  MAX_DESIGN_FILE_BYTES,
  megabytes,
  parseDesignText,
  StudioError,
  systemReason,
  type Design,
} from '../core/index.js';
import { getTemplate } from './templates.js';

/** Read and validate a design file; errors name the file and, for bad fields, their path. */
export async function readDesignFile(path: string): Promise<Design> {
  const what = `设计文件「${path}」`;
  let text: string;
  try {
    const st = await fs.stat(path);
    if (st.isDirectory()) throw new StudioError('invalid-input', `${what}是一个文件夹，请给出设计文件`);
    if (st.size > MAX_DESIGN_FILE_BYTES)
      throw new StudioError('too-large', `${what}过大（超过 ${megabytes(MAX_DESIGN_FILE_BYTES)}），不是设计文件`);
    text = await fs.readFile(path, 'utf8');
  } catch (err) {
    if (err instanceof StudioError) throw err;
    throw new StudioError('invalid-input', `无法读取${what}：${systemReason(err)}`, [], { cause: err });
  }
  return parseDesignText(text, what);
}

export type DesignSource = { template: string } | { designFile: string };

export async function loadDesign(src: DesignSource): Promise<Design> {
  return 'template' in src ? designFromTemplate(getTemplate(src.template)) : readDesignFile(src.designFile);
}
