import type { SampleMetaPatch, StudioDesign } from '../../core/index.js';
import type { AssetStore } from '../assets.js';
import type { LibraryHost } from '../library-host.js';
import { designFileBytes } from '../design-file.js';
import { storePublished } from '../publish.js';
import type { JobSpec } from './job-service.js';

/** Share of the progress bar the render takes; storing the sample is the rest. */
const RENDER_SHARE = 0.8;

/**
 * Publishing from the editor: the PDF, PNG and thumbnail rendered on the pool, then the sample
 * stored with the design, its images embedded (the library keeps self-contained designs).
 */
export function publishJob(
  design: StudioDesign,
  meta: SampleMetaPatch,
  assets: AssetStore,
  library: LibraryHost,
  allowPlaceholder = false,
): JobSpec<'publish'> {
  return {
    kind: 'publish',
    initial: {},
    lane: 'library',
    failure: '发布时出现意外错误，请重试；设计本身没有受影响',
    async run(ctx) {
      // The design's file (its photos embedded: tens of MB) is made here while the pool renders.
      const saved = assets.embed(design).then((d) => ({ design: d, file: designFileBytes(d) }));
      saved.catch(() => undefined); // a render failure is the one reported
      const files = await ctx.task({ kind: 'publish', design, dir: ctx.dir(), assetDir: assets.dir, allowPlaceholder });
      ctx.progress(RENDER_SHARE);
      const lib = await library.get();
      const { design: embedded, file } = await saved;
      const sample = await storePublished(lib, embedded, meta, files, file);
      return { sampleId: sample.id };
    },
  };
}
