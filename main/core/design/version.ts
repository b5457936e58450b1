/* The design file's identity and version. No imports: the page and the upgrade hook share them. */

export const DESIGN_SCHEMA_ID = 'campaign-studio/design';
/** The version this program writes. Older files are upgraded on open (parse.ts); newer ones refused. */
export const DESIGN_VERSION = 1;
