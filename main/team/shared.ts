import { parseOrThrow, TemplateSchema, type Template, type UnitProfile } from '../core/index.js';
import { SharedTemplateSchema, SharedUnitProfileSchema } from './api.js';
import { ensureUnit } from './accounts.js';
import { audit, type Actor } from './audit.js';
import { tx, type Pool, type Queryable } from './db.js';
import { TeamError } from './errors.js';

/*
 * What the city centre publishes to every station: templates (validated with the studio's own
 * template schema) and unit profiles. Each publish bumps a version, so a station's studio can tell
 * what changed since it last looked.
 */

interface TemplateRow {
  id: string;
  title: string;
  kind: string;
  version: number;
  updated_at: string;
  updated_by: string;
}

const templateSummary = (r: TemplateRow) => ({
  id: r.id,
  title: r.title,
  kind: r.kind,
  version: r.version,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

export async function listTemplates(db: Queryable) {
  const r = await db.query<TemplateRow>(
    `SELECT t.id, t.title, t.kind, t.version, t.updated_at, u.name AS updated_by
       FROM shared_templates t JOIN users u ON u.id = t.updated_by WHERE t.withdrawn_at IS NULL ORDER BY t.kind, t.id`,
  );
  return r.rows.map(templateSummary);
}

export async function getTemplate(db: Queryable, id: string): Promise<{ template: Template; version: number }> {
  const r = await db.query<{ doc: unknown; version: number }>(
    'SELECT doc, version FROM shared_templates WHERE id = $1 AND withdrawn_at IS NULL',
    [id],
  );
  if (!r.rows[0]) throw new TeamError('not-found', `没有编号为「${id}」的共享模板`);
  return { template: parseOrThrow(TemplateSchema, r.rows[0].doc, '共享模板'), version: r.rows[0].version };
}

export async function publishTemplate(pool: Pool, who: Actor, input: unknown) {
  const t = parseOrThrow(SharedTemplateSchema, input, '模板');
  return tx(pool, async (c) => {
    const r = await c.query<TemplateRow>(
      `INSERT INTO shared_templates (id, title, kind, doc, updated_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, kind = EXCLUDED.kind, doc = EXCLUDED.doc,
         updated_by = EXCLUDED.updated_by, updated_at = now(), withdrawn_at = NULL,
         version = shared_templates.version + 1
       RETURNING id, title, kind, version, updated_at, $6::text AS updated_by`,
      [t.id, t.title, t.kind, JSON.stringify(t), who.userId, who.name],
    );
    const row = r.rows[0]!;
    await audit(c, who, 'template-publish', { type: 'template', id: t.id }, { title: t.title, version: row.version });
    return templateSummary(row);
  });
}

export async function withdrawTemplate(pool: Pool, who: Actor, id: string): Promise<void> {
  await tx(pool, async (c) => {
    const r = await c.query('UPDATE shared_templates SET withdrawn_at = now() WHERE id = $1 AND withdrawn_at IS NULL', [
      id,
    ]);
    if (!r.rowCount) throw new TeamError('not-found', `没有编号为「${id}」的共享模板`);
    await audit(c, who, 'template-withdraw', { type: 'template', id });
  });
}

interface ProfileRow {
  unit: string;
  doc: UnitProfile;
  version: number;
  updated_at: string;
  updated_by: string;
}
const toProfile = (r: ProfileRow) => ({
  unit: r.unit,
  profile: r.doc,
  version: r.version,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});
const PROFILE_SELECT = `SELECT n.name AS unit, p.doc, p.version, p.updated_at, u.name AS updated_by
  FROM unit_profiles p JOIN units n ON n.id = p.unit_id JOIN users u ON u.id = p.updated_by`;

export async function listProfiles(db: Queryable) {
  return (await db.query<ProfileRow>(`${PROFILE_SELECT} ORDER BY n.name`)).rows.map(toProfile);
}

/** A unit's profile (the studio's profile schema, images embedded, at most 16 MB). */
export async function publishProfile(pool: Pool, who: Actor, unit: string, input: unknown) {
  const profile = parseOrThrow(SharedUnitProfileSchema, input, '单位资料');
  return tx(pool, async (c) => {
    const unitId = await ensureUnit(c, who, unit);
    await c.query(
      `INSERT INTO unit_profiles (unit_id, doc, updated_by) VALUES ($1, $2, $3)
       ON CONFLICT (unit_id) DO UPDATE SET doc = EXCLUDED.doc, updated_by = EXCLUDED.updated_by, updated_at = now(),
         version = unit_profiles.version + 1`,
      [unitId, JSON.stringify(profile), who.userId],
    );
    const row = (await c.query<ProfileRow>(`${PROFILE_SELECT} WHERE p.unit_id = $1`, [unitId])).rows[0]!;
    await audit(c, who, 'profile-publish', { type: 'profile', id: row.unit }, { version: row.version });
    return toProfile(row);
  });
}
