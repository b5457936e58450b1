import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import type { z } from 'zod';
import { StudioError } from '../core/index.js';
import { writeFileAtomic } from '../node/atomic.js';

/** A small JSON file of the user's (known servers, the push queue): `empty` when it does not exist yet. */
export async function readJsonFile<S extends z.ZodType>(
  file: string,
  schema: S,
  empty: z.infer<S>,
  what: string,
): Promise<z.infer<S>> {
  const text = await fs.readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null;
    throw new StudioError('invalid-input', `无法读取${what} ${file}`, [e.message]);
  });
  if (text === null) return empty;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const r = schema.safeParse(json);
  if (!r.success) throw new StudioError('invalid-input', `${what} ${file} 已损坏：请删除它后重试`);
  return r.data;
}

/** Replace the file whole (written aside, fsynced, renamed), so it is never left half-written. */
export async function writeJsonFile(file: string, data: unknown): Promise<void> {
  await fs.mkdir(dirname(file), { recursive: true });
  await writeFileAtomic(file, JSON.stringify(data, null, 2) + '\n');
}
