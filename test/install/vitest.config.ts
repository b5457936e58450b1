import { defineConfig } from 'vitest/config';

// The first-run test (npm run test:install): a clean clone, `npm ci` and `npm start` as a newcomer
// types them, with Electron's download made to fail. Minutes long (a whole install): its own command.
export default defineConfig({
  test: {
    include: ['test/install/**/*.test.ts'],
    testTimeout: 20 * 60_000,
    hookTimeout: 5 * 60_000,
    fileParallelism: false,
  },
});
