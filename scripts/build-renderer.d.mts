import type { BuildOptions } from 'esbuild';

/** The renderer's esbuild options (entry, minify, UTF-8, template folding), as `npm run build:renderer` uses them. */
export const rendererBuildOptions: BuildOptions;
/** Folds the white space of html`` and css`` templates in a source file. */
export function foldTemplates(source: string): string;
