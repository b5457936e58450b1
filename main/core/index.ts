import { z } from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';

// Validation messages in Chinese, for every schema in the app. The one locale is imported alone,
// so a bundle does not carry zod's forty others.
z.config(zhCN());

export * from './limits.js';
export * from './units.js';
export * from './colour.js';
export * from './errors.js';
export * from './design/format.js';
export * from './design/elements.js';
export * from './design/shape-presets.js';
export * from './design/shape-path.js';
export * from './design/text-style.js';
export * from './design/gradient.js';
export * from './design/bundled-fonts.js';
export * from './design/background.js';
export * from './design/assets.js';
export * from './design/design.js';
export * from './design/parse.js';
export * from './design/edit.js';
export * from './design/names.js';
export * from './design/format-catalogue.js';
export * from './preflight.js';
export * from './library.js';
export * from './profile.js';
export * from './design/binding.js';
export * from './design/apply-profile.js';
export * from './design/placeholders.js';
export * from './illustrations.js';
export * from './kit.js';
