import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The packaging run packs the app first, the end-to-end run needs Chromium, the install run
    // installs a clean clone (minutes): their own commands.
    exclude: ['**/node_modules/**', 'test/packaging/**', 'test/e2e/**', 'test/install/**'],
    // The team tests' PostgreSQL cluster starts only when a team test is in the run.
    globalSetup: ['test/global-setup.ts', 'test/team/pg-global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Renders are CPU-bound; two workers match the two cores we are measured on.
    maxWorkers: 2,
  },
});
