import { type z } from 'zod';

/**
 * An error a user can act on: `message` is Chinese text for the UI and CLI, `code` is stable for
 * programs. Everything the engine rejects on purpose is one of these; anything else is a bug.
 */
export class StudioError extends Error {
  constructor(
    readonly code: StudioErrorCode,
    message: string,
    readonly details: readonly string[] = [],
  ) {
    super(message);
    this.name = 'StudioError';
  }
  /** The message with its details, one per line. */
  get full(): string {
    return [this.message, ...this.details.map((d) => `  - ${d}`)].join('\n');
  }
}

export type StudioErrorCode =
  | 'invalid-design'
  | 'invalid-input'
  | 'unknown-template'
  | 'unknown-slot'
  | 'bad-image'
  | 'text-overflow'
  | 'missing-font'
  | 'output-failed'
  | 'too-large'
  | 'placeholder';

/** "elements[2].box.w" from a zod path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || '(根)';
}

/** Parse with a schema; on failure a StudioError that names each bad field by its path. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const details = r.error.issues.slice(0, 20).map((i) => `${formatPath(i.path)}：${i.message}`);
  throw new StudioError('invalid-design', `${what}有误（${r.error.issues.length} 处）`, details);
}
