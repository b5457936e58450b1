import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseOrThrow, StudioError, TemplateSchema, type Template } from '../core/index.js';
import { templatesDir } from './paths.js';

let loaded: Template[] | undefined;
const byId = new Map<string, Template>();
const dir = () => join(templatesDir(), 'designs');

/** A template file is named by its id; the file's own id must agree. */
function readTemplate(file: string): Template {
  const t = parseOrThrow(TemplateSchema, JSON.parse(readFileSync(join(dir(), file), 'utf8')), `模板 ${file} `);
  if (`${t.id}.json` !== file) throw new Error(`template ${file} has id ${t.id}`);
  byId.set(t.id, t);
  return t;
}

/** Every shipped design template (templates/designs/<id>.json), validated, sorted by id. */
export function listTemplates(): Template[] {
  loaded ??= readdirSync(dir())
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => byId.get(f.slice(0, -5)) ?? readTemplate(f));
  return loaded;
}

/** One template, reading only its own file. */
export function getTemplate(id: string): Template {
  const hit = byId.get(id);
  if (hit) return hit;
  const t =
    /^[a-z0-9][a-z0-9-]{1,63}$/.test(id) && existsSync(join(dir(), `${id}.json`))
      ? readTemplate(`${id}.json`)
      : undefined;
  if (!t) {
    const ids = listTemplates().map((x) => x.id);
    throw new StudioError('unknown-template', `没有编号为「${id}」的模板`, [`可用模板：${ids.join('、')}`]);
  }
  return t;
}
