import type { z } from 'zod';
import { parseOrThrow, type Sample } from '../core/index.js';
import {
  highlightPieces,
  SEARCH_FIELDS,
  SearchQuerySchema,
  type Facets,
  type Highlight,
  type SearchField,
} from '../core/library-search.js';
import type { Library } from './library.js';
import { toSample, type SampleRow } from './rows.js';

// The query and result shapes live in main/core/library-search.ts (the studio's renderer imports them).
export {
  SEARCH_FIELDS,
  SearchQuerySchema,
  type Facets,
  type SearchField,
  type SearchQuery,
} from '../core/library-search.js';
type Query = z.infer<typeof SearchQuerySchema>;

export interface SearchHit {
  sample: Sample;
  /** Fields containing a term, with each match wrapped in <mark>…</mark> (the rest HTML-escaped). */
  highlights: Partial<Record<SearchField, string>>;
  /** The same fields as plain pieces, matches at odd indexes (for a UI that renders text, never markup). */
  pieces: Partial<Record<SearchField, Highlight>>;
}
export interface SearchResult {
  total: number;
  hits: SearchHit[];
  facets?: Facets;
}

/** Words of the query; a word of three or more characters goes to FTS5 trigram, shorter ones to instr(). */
export function terms(text: string): string[] {
  return [
    ...new Set(
      text
        .normalize('NFKC')
        .split(/[\s,，、;；]+/u)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ].slice(0, 8);
}
const long = (t: string) => [...t].length >= 3;

interface Where {
  sql: string[];
  params: unknown[];
  from: string;
  fromParams: unknown[];
}

const ftsMatch = (words: string[]) => words.map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND ');

function filterWhere(q: Query, skip?: keyof Facets): Where {
  const w: Where = {
    sql: [q.trashed ? 's.trashed_at IS NOT NULL' : 's.trashed_at IS NULL'],
    params: [],
    from: '',
    fromParams: [],
  };
  const inList = (col: string, vals: string[]) => {
    if (!vals.length) return;
    w.sql.push(`${col} IN (${vals.map(() => '?').join(',')})`);
    w.params.push(...vals);
  };
  if (skip !== 'kind') inList('s.kind', q.kind);
  if (skip !== 'unit') inList('s.unit', q.unit);
  if (skip !== 'channel') inList('s.channel', q.channel);
  if (skip !== 'fraudType' && q.fraudType.length) {
    w.sql.push(
      `EXISTS (SELECT 1 FROM json_each(s.fraud_types) j WHERE j.value IN (${q.fraudType.map(() => '?').join(',')}))`,
    );
    w.params.push(...q.fraudType);
  }
  if (skip !== 'tags')
    for (const t of q.tags) {
      w.sql.push('EXISTS (SELECT 1 FROM json_each(s.tags) j WHERE j.value = ?)');
      w.params.push(t);
    }
  if (q.from && skip !== 'year') {
    w.sql.push('s.published_at >= ?');
    w.params.push(q.from);
  }
  if (q.to && skip !== 'year') {
    w.sql.push('s.published_at <= ?');
    w.params.push(q.to.length === 7 ? `${q.to}-31` : q.to);
  }
  const words = terms(q.text);
  const ftsWords = words.filter(long);
  if (ftsWords.length) {
    // Joined as f (see FROM in search/facets): one MATCH per query, ranked by bm25.
    w.from =
      ' JOIN (SELECT rowid AS n, bm25(samples_fts, 10, 5, 5, 2, 2, 1) AS rank FROM samples_fts WHERE samples_fts MATCH ?) f ON f.n = s.n';
    w.fromParams = [ftsMatch(ftsWords)];
  }
  for (const t of words.filter((x) => !long(x))) {
    // Exact substring for one or two characters (trigram cannot index them).
    w.sql.push(
      `(instr(s.title, ?1) OR instr(s.slogan, ?1) OR instr(s.tags, ?1) OR instr(s.unit, ?1) OR instr(s.location, ?1) OR instr(s.notes, ?1))`.replaceAll(
        '?1',
        '?',
      ),
    );
    for (let i = 0; i < 6; i++) w.params.push(t);
  }
  return w;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** Wrap every occurrence of any term in <mark>; null when none occurs. */
export function highlight(text: string, words: string[]): string | null {
  if (!text || !words.length) return null;
  const re = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'giu');
  let out = '';
  let last = 0;
  let hit = false;
  for (const m of text.matchAll(re)) {
    hit = true;
    out += escapeHtml(text.slice(last, m.index)) + '<mark>' + escapeHtml(m[0]) + '</mark>';
    last = m.index + m[0].length;
  }
  return hit ? out + escapeHtml(text.slice(last)) : null;
}

/** ORDER BY for a query: relevance (bm25, or title hits first for short words), date or title. */
function orderOf(q: Query): { sql: string; params: unknown[] } {
  const ftsWords = terms(q.text).filter(long);
  // Each order ends with the row number, so pages (LIMIT/OFFSET) never repeat or skip a tie.
  if (q.sort === 'title') return { sql: 's.title COLLATE NOCASE, s.published_at DESC, s.n DESC', params: [] };
  if (q.sort === 'date' || !q.text.trim()) return { sql: 's.published_at DESC, s.n DESC', params: [] };
  if (ftsWords.length) return { sql: 'f.rank, s.published_at DESC, s.n DESC', params: [] };
  return { sql: '(instr(s.title, ?) > 0) DESC, s.published_at DESC, s.n DESC', params: [terms(q.text)[0]] };
}

export function search(lib: Library, input: z.input<typeof SearchQuerySchema>): SearchResult {
  const q = parseOrThrow(SearchQuerySchema, input, '搜索条件');
  const w = filterWhere(q);
  const where = w.sql.join(' AND ');
  const order = orderOf(q);
  const db = lib.db;
  const total = db
    .prepare(`SELECT count(*) FROM samples s${w.from} WHERE ${where}`)
    .pluck()
    .get(...w.fromParams, ...w.params) as number;
  const rows = db
    .prepare(`SELECT s.* FROM samples s${w.from} WHERE ${where} ORDER BY ${order.sql} LIMIT ? OFFSET ?`)
    .all(...w.fromParams, ...w.params, ...order.params, q.limit, q.offset) as SampleRow[];
  const words = terms(q.text);
  const hits = rows.map((r) => {
    const sample = toSample(db, r);
    const highlights: SearchHit['highlights'] = {};
    const pieces: SearchHit['pieces'] = {};
    for (const f of SEARCH_FIELDS) {
      const text = f === 'tags' ? sample.tags.join(' ') : sample[f];
      const h = highlight(text, words);
      if (h) {
        highlights[f] = h;
        pieces[f] = highlightPieces(text, words)!;
      }
    }
    return { sample, highlights, pieces };
  });
  return { total, hits, ...(q.facets ? { facets: facets(lib, q) } : {}) };
}

/** Every id the query finds, in its order (no paging): for "select all" and exporting a query's results. */
export function searchIds(lib: Library, input: z.input<typeof SearchQuerySchema>): string[] {
  const q = parseOrThrow(SearchQuerySchema, input, '搜索条件');
  const w = filterWhere(q);
  const order = orderOf(q);
  return lib.db
    .prepare(`SELECT s.id FROM samples s${w.from} WHERE ${w.sql.join(' AND ')} ORDER BY ${order.sql}`)
    .pluck()
    .all(...w.fromParams, ...w.params, ...order.params) as string[];
}

/** Counts per value of each filter, under every other filter (so choosing one value shows the alternatives). */
function facets(lib: Library, q: Query): Facets {
  const count = (skip: keyof Facets, expr: string, join = ''): Record<string, number> => {
    const w = filterWhere(q, skip);
    const rows = lib.db
      .prepare(
        `SELECT ${expr} AS v, count(*) AS c FROM samples s${w.from} ${join} WHERE ${w.sql.join(' AND ')} GROUP BY v ORDER BY c DESC LIMIT 100`,
      )
      .all(...w.fromParams, ...w.params) as { v: string; c: number }[];
    return Object.fromEntries(rows.filter((r) => r.v !== '' && r.v !== null).map((r) => [r.v, r.c]));
  };
  return {
    kind: count('kind', 's.kind'),
    fraudType: count('fraudType', 'j.value', ', json_each(s.fraud_types) j'),
    unit: count('unit', 's.unit'),
    channel: count('channel', 's.channel'),
    tags: count('tags', 'j.value', ', json_each(s.tags) j'),
    year: count('year', 'substr(s.published_at, 1, 4)'),
  };
}
