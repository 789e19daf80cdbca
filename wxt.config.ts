import { defineConfig } from 'wxt';
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { isKnowledgeBaseFile, withoutReaderNotes } from './lib/triage/reader-notes';

/** Built extensions leave the knowledge base's reader-only notes out (lib/triage/reader-notes.ts). */
const stripReaderNotes = (): Plugin => ({
  name: 'knee-check:strip-reader-notes',
  enforce: 'pre',
  transform: (code, id) => (isKnowledgeBaseFile(id) ? { code: JSON.stringify(withoutReaderNotes(JSON.parse(code))), map: null } : null),
});

export default defineConfig({
  // Explicit imports everywhere (from '#imports'), so every file says what it uses.
  imports: false,
  // Separate output folders let parallel builds (e.g. the demo build) coexist.
  outDir: process.env.KNEE_CHECK_OUT_DIR ?? '.output',
  // The sources zip AMO reviewers rebuild from (npm run release): what the build reads, and no
  // tests, fixtures, docs or scripts. README.md says how to build it.
  zip: {
    excludeSources: ['tests/**', 'docs/**', 'scripts/**', 'test-results/**', 'playwright.config.ts', 'vitest.config.ts'],
  },
  vite: (env) => ({
    plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false }), ...(env.command === 'build' ? [stripReaderNotes()] : [])],
    // Built content scripts get a stub for WXT's ContentScriptContext, which they do not use
    // (lib/content/wxt-context.ts says why). `wxt dev` keeps WXT's own for its reloads.
    resolve:
      env.command === 'build'
        ? { alias: { 'wxt/utils/content-script-context': resolve(import.meta.dirname, 'lib/content/wxt-context.ts') } }
        : {},
  }),
  manifest: ({ browser }) => ({
    name: 'Knee Check',
    description: 'Why does my knee hurt after running? A private checker with a plan, and knee-load badges on your running log.',
    // scripting: register the content script for the sites the runner adds (lib/permissions).
    // alarms: the opt-in next-morning check-in reminder (lib/background/reminder).
    permissions: ['storage', 'scripting', 'alarms'],
    // notifications: only when the runner asks for the reminder, from that click.
    optional_permissions: ['notifications'],
    // Nothing beyond the supported sites at install: a site the runner adds is asked for, one
    // origin at a time, from a click in options (Firefox keeps this only in MV3 builds: --mv3).
    optional_host_permissions: ['https://*/*'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'knee-check@kneecheck.app',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
