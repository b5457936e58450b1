import { defineConfig } from 'vitest/config';

// The packaging run (npm run test:pack): packs the app once (global-setup.ts, ~10–60 s) and checks
// the package. Kept out of `npm test`: it is slow and writes release/.
export default defineConfig({
  test: {
    include: ['test/packaging/**/*.test.ts'],
    globalSetup: ['test/packaging/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
