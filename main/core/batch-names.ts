/* Batch production's words the page needs too. No imports: zod stays out of the page's bundle. */

/** The token for the data-row number in a name pattern (zero-padded: 001…120, so files sort). */
export const ROW_NUMBER_TOKEN = '序号';
