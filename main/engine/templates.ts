import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseOrThrow, StudioError, TemplateSchema, type Template } from '../core/index.js';
import { templatesDir } from './paths.js';

let loaded: Template[] | undefined;

/** Every shipped design template (templates/designs/*.json), validated, sorted by id. */
export function listTemplates(): Template[] {
  if (loaded) return loaded;
  const dir = join(templatesDir(), 'designs');
  loaded = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => parseOrThrow(TemplateSchema, JSON.parse(readFileSync(join(dir, f), 'utf8')), `模板 ${f} `));
  return loaded;
}

export function getTemplate(id: string): Template {
  const t = listTemplates().find((x) => x.id === id);
  if (!t) {
    const ids = listTemplates().map((x) => x.id);
    throw new StudioError('unknown-template', `没有编号为「${id}」的模板`, [`可用模板：${ids.join('、')}`]);
  }
  return t;
}
