import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { StudioError, type KitFailure } from '../../core/index.js';

/*
 * What every kit run shares: its steps counted for progress, a failing step named and set aside
 * while the others go on, and the files it made (each written atomically by its own writer, so a
 * failed or interrupted step leaves no half file).
 */

export interface KitFile {
  /** Path inside the output folder, with / (as in the zip). */
  path: string;
  title: string;
  /** Print files go to the shop; the order goes with them; images and texts are for the officer. */
  role: 'print' | 'order' | 'image' | 'text' | 'zip';
}

export interface KitProgress {
  done: number;
  total: number;
  /** What is being made now, in Chinese. */
  step: string;
}

export class KitRun {
  readonly failures: KitFailure[] = [];
  readonly files: KitFile[] = [];
  private done = 0;

  constructor(
    readonly outDir: string,
    private total: number,
    private readonly onProgress?: (p: KitProgress) => void,
    private readonly signal?: AbortSignal,
  ) {
    mkdirSync(outDir, { recursive: true });
  }

  get cancelled(): boolean {
    return this.signal?.aborted ?? false;
  }

  /** Absolute path of a file of the run, its folder made. */
  path(rel: string): string {
    const p = join(this.outDir, rel);
    mkdirSync(dirname(p), { recursive: true });
    return p;
  }

  /** One step: its failure is recorded under `item` and the run goes on; undefined then. */
  async step<T>(item: string, work: () => Promise<T>): Promise<T | undefined> {
    if (this.cancelled) return undefined;
    this.onProgress?.({ done: this.done, total: this.total, step: item });
    try {
      return await work();
    } catch (err) {
      if (!(err instanceof StudioError)) throw err;
      this.failures.push({ item, reason: [err.message, ...err.details].join('；') });
      return undefined;
    } finally {
      this.done++;
      this.onProgress?.({ done: this.done, total: this.total, step: item });
    }
  }

  /** A step that was never tried (its input failed earlier): counted, and named as failed. */
  skip(item: string, reason: string): void {
    this.failures.push({ item, reason });
    this.done++;
    this.onProgress?.({ done: this.done, total: this.total, step: item });
  }

  add(path: string, title: string, role: KitFile['role']): void {
    this.files.push({ path, title, role });
  }
}

/** "03-鱼摊": a numbered name (two digits at least) that sorts in the list's order. */
export function numbered(index: number, total: number, name: string): string {
  return `${String(index + 1).padStart(Math.max(2, String(total).length), '0')}-${name}`;
}
