import { promises as fs } from 'node:fs';
import { DesignSchema, designFromTemplate, parseOrThrow, StudioError, type Design } from '../core/index.js';
import { getTemplate } from './templates.js';

/** A design file may embed its images, so it can be large; beyond this it is surely not a design. */
const MAX_DESIGN_BYTES = 300 * 1024 * 1024;

/** Read and validate a design file; errors name the file and, for bad fields, their path. */
export async function readDesignFile(path: string): Promise<Design> {
  let text: string;
  try {
    const st = await fs.stat(path);
    if (st.isDirectory()) throw new StudioError('invalid-input', `设计文件 ${path} 是一个文件夹`);
    if (st.size > MAX_DESIGN_BYTES) throw new StudioError('invalid-input', `设计文件 ${path} 过大（超过 300 MB）`);
    text = await fs.readFile(path, 'utf8');
  } catch (err) {
    if (err instanceof StudioError) throw err;
    throw new StudioError('invalid-input', `无法读取设计文件 ${path}`, [String((err as Error).message)]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new StudioError('invalid-design', `设计文件 ${path} 不是有效的 JSON`, [String((err as Error).message)]);
  }
  return parseOrThrow(DesignSchema, json, `设计文件 ${path} `);
}

export type DesignSource = { template: string } | { designFile: string };

export async function loadDesign(src: DesignSource): Promise<Design> {
  return 'template' in src ? designFromTemplate(getTemplate(src.template)) : readDesignFile(src.designFile);
}
