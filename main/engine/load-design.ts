import { promises as fs } from 'node:fs';
import {
  designFromTemplate,
  MAX_DESIGN_FILE_BYTES,
  megabytes,
  parseDesignText,
  StudioError,
  type Design,
} from '../core/index.js';
import { getTemplate } from './templates.js';

/** Read and validate a design file; errors name the file and, for bad fields, their path. */
export async function readDesignFile(path: string): Promise<Design> {
  let text: string;
  try {
    const st = await fs.stat(path);
    if (st.isDirectory()) throw new StudioError('invalid-input', `设计文件 ${path} 是一个文件夹`);
    if (st.size > MAX_DESIGN_FILE_BYTES)
      throw new StudioError('invalid-input', `设计文件 ${path} 过大（超过 ${megabytes(MAX_DESIGN_FILE_BYTES)}）`);
    text = await fs.readFile(path, 'utf8');
  } catch (err) {
    if (err instanceof StudioError) throw err;
    throw new StudioError('invalid-input', `无法读取设计文件 ${path}`, [String((err as Error).message)]);
  }
  return parseDesignText(text, `设计文件 ${path} `);
}

export type DesignSource = { template: string } | { designFile: string };

export async function loadDesign(src: DesignSource): Promise<Design> {
  return 'template' in src ? designFromTemplate(getTemplate(src.template)) : readDesignFile(src.designFile);
}
