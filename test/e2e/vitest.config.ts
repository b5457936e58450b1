import { defineConfig } from 'vitest/config';

// The end-to-end run (npm run test:e2e): real Chromium against browser mode. Needs `npm run build`
// (the compiled server and renderer/dist) and /usr/bin/chromium.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    env: { STUDIO_E2E: '1' },
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // The page answering in time on two busy cores: expect.poll's default (1 s) failed a library
    // test when the first search of a fresh server took longer; what is polled is still checked.
    expect: { poll: { timeout: 15_000 } },
  },
});
