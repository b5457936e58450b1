import type { Sample } from '../../../main/core/index.js';
import type { SearchHit, SearchResult } from '../../../main/core/library-search.js';

/** One page of a query's results, from offset, at most limit hits. */
export type PageFetcher = (offset: number, limit: number) => Promise<SearchResult>;

/**
 * The results of one query, fetched a page at a time as the grid scrolls to them — never all
 * 10,000 in one call. The grid says which indexes it shows (`want`); pages are fetched nearest
 * first, at most two at once, and a page the grid has scrolled away from before its turn is never
 * fetched. A new query gets a new instance; `dispose` makes late answers of the old one harmless.
 */
export class ResultPages {
  /** Results of the query; -1 until the first page arrives. */
  total = -1;
  /** The last failure, in Chinese (the grid shows it). */
  error = '';
  private readonly pages = new Map<number, SearchHit[]>();
  private readonly inFlight = new Set<number>();
  private wanted: number[] = [];
  private disposed = false;

  constructor(
    private readonly fetchPage: PageFetcher,
    private readonly onChange: () => void,
    readonly pageSize = 120,
    private readonly maxInFlight = 2,
  ) {}

  /** The hit at an index, if its page has arrived. */
  get(index: number): SearchHit | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  get loadedPages(): number {
    return this.pages.size;
  }

  /**
   * The grid shows indexes from..to (inclusive): fetch their pages, the one at `from` first (or,
   * scrolling up, the one at `to` first).
   */
  want(from: number, to: number, upwards = false): void {
    if (this.disposed) return;
    const last = this.total >= 0 ? Math.max(0, Math.ceil(this.total / this.pageSize) - 1) : Number.POSITIVE_INFINITY;
    const first = Math.max(0, Math.floor(Math.max(0, from) / this.pageSize));
    const end = Math.min(last, Math.floor(Math.max(from, to) / this.pageSize));
    const pages: number[] = [];
    for (let p = first; p <= end; p++) if (!this.pages.has(p) && !this.inFlight.has(p)) pages.push(p);
    this.wanted = upwards ? pages.reverse() : pages;
    this.pump();
  }

  /** Every id from..to if all their pages are here (else null: ask the main side for the ids). */
  idsBetween(from: number, to: number): string[] | null {
    const ids: string[] = [];
    for (let i = Math.min(from, to); i <= Math.max(from, to); i++) {
      const h = this.get(i);
      if (!h) return null;
      ids.push(h.sample.id);
    }
    return ids;
  }

  /** The index of a loaded sample, or -1. */
  indexOf(id: string): number {
    for (const [p, hits] of this.pages) {
      const i = hits.findIndex((h) => h.sample.id === id);
      if (i >= 0) return p * this.pageSize + i;
    }
    return -1;
  }

  /** An edited sample: its cards show the new metadata (its place in the order stays until the next query). */
  replace(sample: Sample): void {
    for (const hits of this.pages.values()) {
      const i = hits.findIndex((h) => h.sample.id === sample.id);
      if (i >= 0) hits[i] = { sample, highlights: {} };
    }
    this.onChange();
  }

  dispose(): void {
    this.disposed = true;
    this.wanted = [];
  }

  private pump(): void {
    while (this.inFlight.size < this.maxInFlight && this.wanted.length) {
      const page = this.wanted.shift()!;
      this.inFlight.add(page);
      this.fetchPage(page * this.pageSize, this.pageSize).then(
        (r) => {
          this.inFlight.delete(page);
          if (this.disposed) return;
          this.total = r.total;
          this.error = '';
          this.pages.set(page, r.hits);
          this.onChange();
          this.pump();
        },
        (e: unknown) => {
          this.inFlight.delete(page);
          if (this.disposed) return;
          this.error = e instanceof Error ? e.message : '读取样本失败，请重试';
          this.onChange();
        },
      );
    }
  }
}
