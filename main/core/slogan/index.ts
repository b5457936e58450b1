export * from './vocabulary.js';
export * from './rhyme-groups.js';
export * from './syllables.js';
export * from './check.js';
export { composeSlogans, suggestWarnings, type Candidate } from './compose.js';
export * from './convert.js';
export { stallJingles, stallFirstHalves, type StallCandidate } from './stall.js';
