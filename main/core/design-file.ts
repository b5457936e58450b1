/*
 * The design file type. No imports: the page, the desktop shell and the packager share it.
 * A dedicated extension, so the installer can associate it without taking over every .json on
 * the user's PC; .json files (saved before, or by hand) still open.
 */

/** What the studio saves: JSON inside, `campaign-studio/design` schema. */
export const DESIGN_EXT = '.csdesign';
/** What the studio opens. */
export const DESIGN_EXTS: readonly string[] = [DESIGN_EXT, '.json'];

export const isDesignFileName = (name: string): boolean => DESIGN_EXTS.some((e) => name.toLowerCase().endsWith(e));
