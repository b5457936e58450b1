/** What the filter panel sets; the screen turns it into the search query. */
export interface LibraryFilters {
  kind: string[];
  fraudType: string[];
  unit: string[];
  channel: string[];
  tags: string[];
  /** YYYY or '' */
  year: string;
  /** 1–12 or '' (only with a year) */
  month: string;
}
export const NO_FILTERS: LibraryFilters = {
  kind: [],
  fraudType: [],
  unit: [],
  channel: [],
  tags: [],
  year: '',
  month: '',
};
export const filterCount = (f: LibraryFilters): number =>
  f.kind.length + f.fraudType.length + f.unit.length + f.channel.length + f.tags.length + (f.year ? 1 : 0);

/** The date range of the year/month choice, as the query takes it. */
export function dateRange(f: LibraryFilters): { from?: string; to?: string } {
  if (!f.year) return {};
  if (!f.month) return { from: `${f.year}-01`, to: `${f.year}-12` };
  const m = f.month.padStart(2, '0');
  return { from: `${f.year}-${m}`, to: `${f.year}-${m}` };
}
