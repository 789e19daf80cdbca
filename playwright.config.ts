import { defineConfig } from '@playwright/test';

// Real Debian Chromium with the built extension (see tests/e2e/fixtures.ts). One worker: the
// machine has two cores and each test owns a whole browser profile.
export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: { trace: 'off' },
});
