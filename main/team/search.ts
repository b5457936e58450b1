import { parseOrThrow } from '../core/index.js';
import { highlightPieces, SEARCH_FIELDS } from '../core/library-search.js';
import { terms } from '../library/search.js';
import {
  TeamSearchQuerySchema,
  type ParsedTeamSearchQuery,
  type TeamSearchQuery,
  type TeamSearchResult,
  type TeamStats,
} from './api.js';
import type { Actor } from './audit.js';
import { tx, type Pool, type Queryable } from './db.js';
import { TeamError } from './errors.js';
import { hydrate } from './sample-rows.js';
import { containsPattern, Params, visibleTo } from './sql.js';

/*
 * Search over PostgreSQL, with the local library's query and result shapes. Every word is a
 * substring of one generated, lower-cased column (title, slogan, tags, unit, location, notes):
 * pg_trgm's GIN index answers words of 3+ characters; 1–2 characters have no trigram, so the
 * planner scans that column instead (a narrow, in-memory scan). Every value is a parameter.
 */

/**
 * Counting every match of a common word reads every matching row (a single common character
 * matches a quarter of a city's samples); past this many the count says "1000+" and the grid
 * pages on without a total.
 */
export const COUNT_CAP = 1000;

type Filters = Pick<ParsedTeamSearchQuery, 'text' | 'kind' | 'fraudType' | 'unit' | 'from' | 'to'> &
  Partial<Pick<ParsedTeamSearchQuery, 'channel' | 'tags' | 'status' | 'mine'>>;
type FacetName = 'kind' | 'fraudType' | 'unit' | 'channel' | 'tags' | 'year' | 'status';

/** A YYYY-MM or YYYY-MM-DD bound as a real date (the last day of the month for an upper bound). */
function dateBound(v: string, end: boolean): string {
  const [y, m, d] = v.split('-').map(Number) as [number, number, number | undefined];
  const day = d ?? (end ? new Date(Date.UTC(y, m, 0)).getUTCDate() : 1);
  const t = new Date(Date.UTC(y, m - 1, day));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== day)
    throw new TeamError('invalid-input', `日期 ${v} 不存在`);
  return t.toISOString().slice(0, 10);
}

function where(who: Actor, q: Filters, p: Params, skip?: FacetName): string[] {
  const w = [visibleTo(who, p)];
  const any = (col: string, vals: readonly string[] | undefined) => {
    if (vals?.length) w.push(`${col} = ANY(${p.add(vals)}::text[])`);
  };
  if (skip !== 'status') any('s.status', q.status);
  if (q.mine) w.push(`s.owner_unit_id = ${p.add(who.unitId ?? -1)}`);
  if (skip !== 'kind') any('s.kind', q.kind);
  if (skip !== 'unit') any('s.unit', q.unit);
  if (skip !== 'channel') any('s.channel', q.channel);
  if (skip !== 'fraudType' && q.fraudType.length) w.push(`s.fraud_types && ${p.add(q.fraudType)}::text[]`);
  if (skip !== 'tags' && q.tags?.length) w.push(`s.tags @> ${p.add(q.tags)}::text[]`);
  if (skip !== 'year' && q.from) w.push(`s.published_at >= ${p.add(dateBound(q.from, false))}::date`);
  if (skip !== 'year' && q.to) w.push(`s.published_at <= ${p.add(dateBound(q.to, true))}::date`);
  for (const t of terms(q.text).map((x) => x.toLowerCase())) {
    // 1–2 characters: the index of single characters and pairs finds the rows (by hash; strpos
    // then makes sure); longer words: LIKE, which the trigram index answers.
    if ([...t].length < 3) {
      const v = p.add(t);
      w.push(`s.search_grams @> ARRAY[cs_gram_hash(${v})] AND strpos(s.search_text, ${v}) > 0`);
    } else w.push(`s.search_text LIKE ${p.add(containsPattern(t))}`);
  }
  return w;
}

/**
 * Relevance ranks every match, which costs reading them all: past COUNT_CAP matches (a common
 * single character) the newest come first instead, which an index answers at once.
 */
function orderBy(q: ParsedTeamSearchQuery, p: Params, capped: boolean): string {
  // Each order ends with the row number, so pages never repeat or skip a tie.
  if (q.sort === 'title') return 's.title, s.published_at DESC, s.n DESC';
  const words = terms(q.text);
  if (q.sort === 'date' || !words.length || capped) return 's.published_at DESC, s.n DESC';
  // Relevance: samples with more of the words in their title first, then the newest.
  const inTitle = words.map((t) => `(lower(s.title) LIKE ${p.add(containsPattern(t.toLowerCase()))})::int`).join(' + ');
  return `${inTitle} DESC, s.published_at DESC, s.n DESC`;
}

export async function search(db: Pool, who: Actor, input: TeamSearchQuery): Promise<TeamSearchResult> {
  const q = parseOrThrow(TeamSearchQuerySchema, input, '搜索条件');
  const countP = new Params();
  const countW = where(who, q, countP).join(' AND ');
  const [count, facets] = await Promise.all([
    db.query<{ c: number }>(
      `SELECT count(*)::int AS c FROM (SELECT 1 FROM samples s WHERE ${countW} LIMIT ${countP.add(COUNT_CAP + 1)}) x`,
      countP.values,
    ),
    q.facets ? facetCounts(db, who, q) : undefined,
  ]);
  const c = count.rows[0]!.c;
  const p = new Params();
  const w = where(who, q, p).join(' AND ');
  const order = orderBy(q, p, c > COUNT_CAP);
  const sql = `SELECT s.n FROM samples s WHERE ${w} ORDER BY ${order} LIMIT ${p.add(q.limit)} OFFSET ${p.add(q.offset)}`;
  // pg_trgm guesses a Chinese word rare (a few dozen rows) however common it is, so the planner
  // fetches every match and sorts them, or scans the table. With more than COUNT_CAP matches,
  // walking the date index until a page is full is cheaper by far (a page of 50 reads at most
  // 50 × rows / COUNT_CAP rows): leave the planner no other way (and no parallel workers, whose
  // start-up costs more than the walk).
  const page =
    c > COUNT_CAP && order.startsWith('s.published_at')
      ? await tx(db, async (t) => {
          await t.query(
            'SET LOCAL enable_bitmapscan = off; SET LOCAL enable_seqscan = off; SET LOCAL enable_sort = off',
          );
          return t.query<{ n: string }>(sql, p.values);
        })
      : await db.query<{ n: string }>(sql, p.values);
  const words = terms(q.text);
  const samples = await hydrate(
    db,
    page.rows.map((r) => r.n),
  );
  const hits = samples.map((sample) => {
    const highlights: TeamSearchResult['hits'][number]['highlights'] = {};
    for (const f of SEARCH_FIELDS) {
      const pieces = highlightPieces(f === 'tags' ? sample.tags.join(' ') : sample[f], words);
      if (pieces) highlights[f] = pieces;
    }
    return { sample, highlights };
  });
  return { total: Math.min(c, COUNT_CAP), totalCapped: c > COUNT_CAP, hits, ...(facets ? { facets } : {}) };
}

/** Counts per value of each filter, under every other filter (as the local library's facets). */
async function facetCounts(db: Queryable, who: Actor, q: ParsedTeamSearchQuery) {
  const count = async (skip: FacetName, expr: string): Promise<Record<string, number>> => {
    const p = new Params();
    const w = where(who, q, p, skip).join(' AND ');
    const r = await db.query<{ v: string | null; c: number }>(
      `SELECT ${expr} AS v, count(*)::int AS c FROM samples s WHERE ${w} GROUP BY 1 ORDER BY 2 DESC LIMIT 100`,
      p.values,
    );
    return Object.fromEntries(r.rows.filter((x) => x.v !== null && x.v !== '').map((x) => [x.v, x.c]));
  };
  const [kind, fraudType, unit, channel, tags, year, status] = await Promise.all([
    count('kind', 's.kind'),
    count('fraudType', 'unnest(s.fraud_types)'),
    count('unit', 's.unit'),
    count('channel', 's.channel'),
    count('tags', 'unnest(s.tags)'),
    count('year', "to_char(s.published_at, 'YYYY')"),
    count('status', 's.status'),
  ]);
  return { kind, fraudType, unit, channel, tags, year, status };
}

/**
 * Statistics of what is published (approved) and the caller may see, by month, kind, fraud type
 * and unit, under the same filters as a search; plus what the caller sees per review status.
 */
export async function stats(db: Queryable, who: Actor, q: Filters): Promise<TeamStats> {
  const run = async (expr: string, extra = '', order = '2 DESC'): Promise<Record<string, number>> => {
    const p = new Params();
    const w = where(who, q, p);
    if (extra) w.push(extra);
    const r = await db.query<{ v: string | null; c: number }>(
      `SELECT ${expr} AS v, count(*)::int AS c FROM samples s WHERE ${w.join(' AND ')} GROUP BY 1 ORDER BY ${order}`,
      p.values,
    );
    return Object.fromEntries(r.rows.map((x) => [x.v || '（未填）', x.c]));
  };
  const approved = "s.status = 'approved'";
  const p = new Params();
  const w = [...where(who, q, p), approved].join(' AND ');
  const [byMonth, byKind, byFraudType, byUnit, byStatus, files] = await Promise.all([
    run("to_char(s.published_at, 'YYYY-MM')", approved, '1'),
    run('s.kind', approved),
    run('unnest(s.fraud_types)', approved),
    run('s.unit', approved),
    run('s.status'),
    db.query<{ n: number; b: number }>(
      `SELECT count(*)::int AS n, coalesce(sum(size), 0)::float8 AS b FROM blobs
        WHERE sha256 IN (SELECT f.sha256 FROM files f JOIN samples s ON s.n = f.sample_n WHERE ${w})`,
      p.values,
    ),
  ]);
  return {
    total: byStatus.approved ?? 0,
    trashed: 0,
    byMonth,
    byKind,
    byFraudType,
    byUnit,
    byStatus,
    files: files.rows[0]!.n,
    bytes: files.rows[0]!.b,
  };
}
