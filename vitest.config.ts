// Two projects run the same suite: once on SQLite, once on PostgreSQL (a fresh database per test file).
import { defineConfig } from 'vitest/config';

const shared = {
  include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
  testTimeout: 60_000,
  hookTimeout: 120_000,
};

export default defineConfig({
  test: {
    reporters: ['default', './src/testing/summary-reporter.ts'],
    projects: [
      { test: { ...shared, name: 'sqlite', env: { SOCIALBENCH_TEST_DB: 'sqlite' } } },
      { test: { ...shared, name: 'postgres', env: { SOCIALBENCH_TEST_DB: 'postgres' } } },
    ],
  },
});
