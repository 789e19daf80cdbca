#!/usr/bin/env node
// `npm run release`: the two store zips (Chrome and Firefox MV3) and the sources zip that AMO
// reviewers rebuild from, then proof that rebuilding from that sources zip alone gives the same
// files, byte for byte. Fails when package.json's version has no CHANGELOG.md entry or the
// manifests carry another version.
//   --fresh-install   rebuild the sources with `npm ci` in the unpacked folder (as a reviewer
//                     would; needs the npm registry) instead of this checkout's node_modules.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const out = join(root, process.env.KNEE_CHECK_OUT_DIR ?? '.output');
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const fresh = process.argv.includes('--fresh-install');
const problems = [];

function run(cmd, args, cwd = root, env = {}) {
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`✗ ${cmd} ${args.join(' ')} failed (exit ${r.status})`);
    process.exit(1);
  }
}

function unzip(zip, dir) {
  const r = spawnSync('unzip', ['-q', '-o', zip, '-d', dir], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`could not unzip ${zip}`);
}

function filesUnder(dir) {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

// 1. A CHANGELOG entry for this version.
const changelog = existsSync(join(root, 'CHANGELOG.md')) ? readFileSync(join(root, 'CHANGELOG.md'), 'utf8') : '';
if (!new RegExp(`^## ${version.replaceAll('.', '\\.')}\\b`, 'm').test(changelog)) {
  problems.push(`CHANGELOG.md has no "## ${version}" entry`);
}

// 2. The zips (wxt takes the manifest version from package.json).
run('npx', ['wxt', 'zip']);
run('npx', ['wxt', 'zip', '-b', 'firefox', '--mv3']);
const zips = {
  chrome: join(out, `${name}-${version}-chrome.zip`),
  firefox: join(out, `${name}-${version}-firefox.zip`),
  sources: join(out, `${name}-${version}-sources.zip`),
};
for (const [kind, path] of Object.entries(zips)) if (!existsSync(path)) problems.push(`no ${kind} zip at ${relative(root, path)}`);

const work = mkdtempSync(join(tmpdir(), 'knee-check-release-'));
try {
  // 3. Each store zip's manifest carries package.json's version.
  for (const kind of ['chrome', 'firefox']) {
    if (!existsSync(zips[kind])) continue;
    const dir = join(work, kind);
    unzip(zips[kind], dir);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    if (manifest.version !== version) problems.push(`${kind} manifest version ${manifest.version}, package.json ${version}`);
  }

  // 4. Rebuild the Firefox package from the sources zip alone and compare every file.
  if (existsSync(zips.sources) && existsSync(zips.firefox)) {
    const src = join(work, 'sources');
    unzip(zips.sources, src);
    for (const leak of ['node_modules', '.output', 'tests'])
      if (existsSync(join(src, leak))) problems.push(`the sources zip holds ${leak}/`);
    if (fresh) run('npm', ['ci', '--no-audit', '--no-fund'], src);
    else symlinkSync(join(root, 'node_modules'), join(src, 'node_modules'), 'dir');
    run('npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], src, { KNEE_CHECK_OUT_DIR: '.output' });
    const rebuilt = join(src, '.output', 'firefox-mv3');
    const shipped = join(work, 'firefox');
    const a = filesUnder(shipped);
    const b = filesUnder(rebuilt);
    const missing = a.filter((f) => !b.includes(f));
    const extra = b.filter((f) => !a.includes(f));
    const differ = a.filter((f) => b.includes(f) && !readFileSync(join(shipped, f)).equals(readFileSync(join(rebuilt, f))));
    if (missing.length || extra.length || differ.length) {
      problems.push(
        `rebuilding from the sources zip differs: missing ${missing.join(', ') || 'none'}; extra ${extra.join(', ') || 'none'}; different ${differ.join(', ') || 'none'}`,
      );
    } else {
      console.log(`✓ Rebuilt from the sources zip: ${a.length} files, byte-identical to the Firefox zip.`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (problems.length) {
  console.error(`\n✗ Release ${version} is not ready:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(`\n✓ Release ${version}:`);
for (const path of Object.values(zips)) console.log(`  ${relative(root, path)} (${(statSync(path).size / 1024).toFixed(1)} KB)`);
