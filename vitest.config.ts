import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The packaging run packs the app first: its own command, npm run test:pack.
    exclude: ['**/node_modules/**', 'test/packaging/**'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Renders are CPU-bound; two workers match the two cores we are measured on.
    maxWorkers: 2,
  },
});
