import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FormatCatalogueSchema, parseOrThrow, StudioError, systemReason, type FormatEntry } from '../core/index.js';
import { templatesDir } from './paths.js';

let loaded: FormatEntry[] | undefined;

/** Every format of the catalogue (templates/formats.json), validated, in catalogue order. */
export function listFormats(): FormatEntry[] {
  if (!loaded) {
    const file = join(templatesDir(), 'formats.json');
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new StudioError('invalid-input', `无法读取规格目录 ${file}：${systemReason(err)}`, [], { cause: err });
    }
    loaded = parseOrThrow(FormatCatalogueSchema, json, `规格目录 ${file} `).formats;
  }
  return loaded;
}

/** One catalogue format by id. */
export function getFormat(id: string): FormatEntry {
  const hit = listFormats().find((f) => f.id === id);
  if (!hit) {
    throw new StudioError('invalid-input', `没有编号为「${id}」的规格`, [
      `可用规格：${listFormats()
        .map((f) => f.id)
        .join('、')}`,
    ]);
  }
  return hit;
}
