import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/yaml-document.ts'],
    // Loopback servers, git repositories and child processes: generous, but no test asserts on time.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores on CI: two workers keep end-to-end runs from starving each other.
    maxWorkers: 2,
  },
});
