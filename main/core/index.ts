import { z } from 'zod';

// Validation messages in Chinese, for every schema in the app.
z.config(z.locales.zhCN());

export * from './units.js';
export * from './colour.js';
export * from './errors.js';
export * from './design/format.js';
export * from './design/elements.js';
export * from './design/background.js';
export * from './design/assets.js';
export * from './design/design.js';
export * from './preflight.js';
