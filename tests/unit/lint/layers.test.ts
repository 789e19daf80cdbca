// The lint rules that hold the architecture (eslint.config.js) really fire: each snippet breaks
// one rule, linted as if it were a file at that path, and must be reported with that rule. The
// same snippets at a path the rule does not cover must pass, so a rule that fired everywhere (or
// a config that failed to load) would fail here too.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const root = resolve(__dirname, '../../..');
const eslint = new ESLint({ cwd: root });

// The first lint loads the parser, the plugins and the TypeScript resolver: seconds on a busy
// machine. Load them once, with time to spare, so no single test is held to it.
vi.setConfig({ testTimeout: 60_000 });
beforeAll(() => eslint.lintText('export {};\n', { filePath: join(root, 'lib/load/example.ts') }), 120_000);

async function rulesFired(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  expect(result!.messages.filter((m) => m.fatal)).toEqual([]); // a parse error proves nothing
  return result!.messages.filter((m) => m.severity === 2).map((m) => m.ruleId ?? '');
}

const PURE_LAYERS = ['lib/triage/example.ts', 'lib/load/example.ts'];

describe('pure layers (lib/triage, lib/load)', () => {
  const globals = ['browser', 'chrome', 'document', 'window'];
  for (const file of PURE_LAYERS) {
    for (const name of globals) {
      it(`${file}: the "${name}" global is an error`, async () => {
        expect(await rulesFired(`export const here = ${name};\n`, file)).toContain('no-restricted-globals');
      });
    }
    const imports: [string, string][] = [
      ['#imports', "import { browser } from '#imports';"],
      ['wxt/*', "import type { ContentScriptContext } from 'wxt/utils/content-script-context';"],
      ['components/', "import { ResultView } from '../../components/checker/Result';"],
      ['entrypoints/', "import main from '../../entrypoints/background';"],
      ['lib/content/', "import { startBadges } from '../content/start';"],
    ];
    for (const [what, line] of imports) {
      it(`${file}: an import from ${what} is an error`, async () => {
        expect(await rulesFired(`${line}\nexport const used = [${line.match(/import (?:type )?\{? ?(\w+)/)![1]}];\n`, file)).toContain(
          'no-restricted-imports',
        );
      });
    }
  }

  it('the same code elsewhere in lib/ is allowed (the content script may use the page)', async () => {
    expect(await rulesFired('export const here = document;\n', 'lib/content/example.ts')).toEqual([]);
    expect(
      await rulesFired("import { startBadges } from './start';\nexport const used = startBadges;\n", 'lib/content/example.ts'),
    ).toEqual([]);
  });

  it('pure code passes', async () => {
    expect(
      await rulesFired("import { addDays } from './dates';\nexport const next = addDays('2026-01-01', 1);\n", 'lib/load/example.ts'),
    ).toEqual([]);
  });
});

describe('lib/ never imports components/', () => {
  for (const file of ['lib/settings/example.ts', 'lib/checker/example.ts', 'lib/content/example.ts']) {
    it(`${file}: an import from components/ is an error`, async () => {
      const code = "import { NumberField } from '../../components/ui/NumberField';\nexport const used = NumberField;\n";
      expect(await rulesFired(code, file)).toContain('no-restricted-imports');
    });
  }

  it('components/ may import lib/', async () => {
    const code = "import { DEFAULT_SETTINGS } from '../../lib/settings/defaults';\nexport const used = DEFAULT_SETTINGS;\n";
    expect(await rulesFired(code, 'components/options/example.ts')).toEqual([]);
  });
});

describe('import cycles', () => {
  // A cycle needs files on disk: two modules that import each other, linted with this config.
  const dir = mkdtempSync(join(tmpdir(), 'knee-check-lint-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('two modules importing each other are an error; a one-way import is not', async () => {
    writeFileSync(join(dir, 'a.ts'), "import { b } from './b';\nexport const a = () => b();\n");
    writeFileSync(join(dir, 'b.ts'), "import { a } from './a';\nexport const b = () => a();\n");
    writeFileSync(join(dir, 'c.ts'), "import { b } from './b';\nexport const c = () => b();\n");
    const cycles = new ESLint({ cwd: dir, overrideConfigFile: join(root, 'eslint.config.js') });
    const results = await cycles.lintFiles(['a.ts', 'c.ts']);
    const rules = (name: string) =>
      results
        .find((r) => r.filePath.endsWith(name))!
        .messages.filter((m) => m.severity === 2)
        .map((m) => m.ruleId);
    expect(rules('a.ts')).toContain('import-x/no-cycle');
    expect(rules('c.ts')).not.toContain('import-x/no-cycle');
  });
});
