import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/cleanup.ts'],
    // Generous: the suite must pass on a loaded 2-core machine. Nothing asserts a duration.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
})
