import type { Actor } from './audit.js';

/** Positional parameters for one statement: add a value, get its $n. Values never enter the SQL text. */
export class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

/**
 * Which samples a user may see: everything approved and everything of their own unit; reviewers
 * and admins also see what other units submitted (and what they rejected) — never their drafts.
 */
export function visibleTo(who: Actor, p: Params): string {
  const unit = p.add(who.unitId ?? -1);
  return who.role === 'reviewer' || who.role === 'admin'
    ? `(s.status <> 'draft' OR s.owner_unit_id = ${unit})`
    : `(s.status = 'approved' OR s.owner_unit_id = ${unit})`;
}

/** A LIKE pattern matching the text anywhere, with %, _ and \ in it taken literally. */
export const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
