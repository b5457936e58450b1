import { parseOrThrow, StudioError } from '../errors.js';
import { DESIGN_JSON_LIMITS, parseJsonWithin } from '../json-limits.js';
import { DesignSchema, type Design } from './design.js';
import { DESIGN_SCHEMA_ID, DESIGN_VERSION } from './version.js';

/**
 * One step of the design file's history: a version-n document → version n+1. The table is empty
 * while there is only version 1; the first change to the file's shape adds its step here (and a
 * test that an old file opens), so every file ever saved keeps opening.
 */
export type DesignUpgrade = (doc: Record<string, unknown>) => Record<string, unknown>;
export const DESIGN_UPGRADES: Readonly<Record<number, DesignUpgrade>> = {};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Bring a parsed design file up to `current`, step by step. Anything that is not a design file of
 * a known older version is returned as it is, for the schema to name what is wrong with it; a
 * file from a newer program is refused with what to do.
 */
export function upgradeDesign(
  json: unknown,
  upgrades: Readonly<Record<number, DesignUpgrade>> = DESIGN_UPGRADES,
  current: number = DESIGN_VERSION,
): unknown {
  if (!isRecord(json) || json.schema !== DESIGN_SCHEMA_ID) return json;
  let doc = json;
  let v = doc.version;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) return json;
  if (v > current)
    throw new StudioError(
      'invalid-design',
      `这个设计文件由更新版本的程序保存（版本 ${v}），本程序只能读取版本 ${current} 及以前的文件：请升级反诈物料工作室后再打开`,
    );
  for (; v < current; v++) {
    const step = upgrades[v];
    if (!step) return json; // no path from this version: the schema names the version as unsupported
    doc = { ...step(doc), version: v + 1 };
  }
  return doc;
}

/**
 * A design file's text → a checked design: a UTF-8 BOM (Notepad writes one) is skipped, the
 * JSON's shape is bounded before it is parsed (a file nested ten million deep is refused at
 * once), older versions are upgraded, and a bad field is named by its path. `what` names the file
 * in messages; a syntax error gives the line and column, never V8's text or the file's bytes.
 */
export function parseDesignText(text: string, what = '设计文件'): Design {
  return parseOrThrow(DesignSchema, upgradeDesign(parseJsonWithin(text, DESIGN_JSON_LIMITS, what)), what);
}
