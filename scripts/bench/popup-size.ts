// `npm run bench popup`: the toolbar popup's size (and the options page's, reported). A release build into .output-bench-popup (its
// own folder, so it never races another bench's build), then popup.html and every file it loads:
// the scripts and stylesheets it names and, followed transitively, every chunk those import.
// Each file is gzipped (level 9). Two totals:
// - on open: the page, what it names and their static imports: everything that must load before
//   the first screen shows. Held to the 45 KB budget (hard: exits 1 above it);
// - everything: plus the chunks loaded later by dynamic import (the engine and the result screen
//   after the first paint, the training prefill on the training screen). Reported against the
//   same 45 KB, so the whole cost stays visible.
// The options page is measured the same way and reported (no budget: it opens in a tab).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, posix, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT_DIR = '.output-bench-popup';
const EXTENSION = join(ROOT, OUT_DIR, 'chrome-mv3');
const BUDGET_GZ = 45 * 1024;

function build(): void {
  const child = spawnSync('npx', ['wxt', 'build'], {
    cwd: ROOT,
    env: { ...process.env, KNEE_CHECK_OUT_DIR: OUT_DIR },
    encoding: 'utf8',
  });
  if (child.status !== 0) {
    process.stderr.write(child.stdout + child.stderr);
    throw new Error('wxt build failed');
  }
}

/** Extension-root path ("chunks/x.js") of a reference made from `from` ("popup.html", "chunks/y.js"). */
function resolveRef(from: string, ref: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) return null; // another scheme: not shipped (and would fail the audit)
  const path = ref.startsWith('/') ? ref.slice(1) : posix.join(posix.dirname(from), ref);
  return posix.normalize(path);
}

/** Files the HTML page loads: <script src>, <link href> (stylesheets and module preloads). */
function htmlRefs(html: string): string[] {
  const refs: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["']/gi)) refs.push(m[1]!);
  for (const m of html.matchAll(/<link\b[^>]*\bhref=["']([^"']+)["'][^>]*>/gi)) {
    if (/rel=["']?(stylesheet|modulepreload)/i.test(m[0])) refs.push(m[1]!);
  }
  return refs;
}

/** Modules a (minified) chunk imports: `import"./a.js"`, `from"./b.js"`, `import("./c.js")`. */
function jsRefs(code: string): { ref: string; dynamic: boolean }[] {
  const out: { ref: string; dynamic: boolean }[] = [];
  // Minifiers quote with ", ' or ` (rolldown prefers backticks).
  for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*(["'`])([^"'`]+\.(?:m?js|css))\1/g)) out.push({ ref: m[2]!, dynamic: false });
  for (const m of code.matchAll(/\bimport\(\s*(["'`])([^"'`]+\.(?:m?js|css))\1\s*\)/g)) out.push({ ref: m[2]!, dynamic: true });
  return out;
}

interface Row {
  file: string;
  bytes: number;
  gz: number;
  how: string;
  /** Loaded before the first screen (not only behind a dynamic import). */
  onOpen: boolean;
}

function measure(page: string): Row[] {
  const rows: Row[] = [];
  const seen = new Set<string>();
  // Breadth-first, static edges before dynamic ones, so a file reachable both ways counts as on open.
  const queue: { file: string; how: string; onOpen: boolean }[] = [{ file: page, how: 'page', onOpen: true }];
  while (queue.length) {
    queue.sort((a, b) => Number(b.onOpen) - Number(a.onOpen));
    const { file, how, onOpen } = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const full = join(EXTENSION, file);
    if (!existsSync(full)) throw new Error(`${file} (${how}) is not in the build`);
    const data = readFileSync(full);
    rows.push({ file, bytes: data.length, gz: gzipSync(data, { level: 9 }).length, how, onOpen });
    const text = data.toString('utf8');
    if (file.endsWith('.html')) {
      for (const ref of htmlRefs(text)) {
        const path = resolveRef(file, ref);
        if (path) queue.push({ file: path, how: `named by ${file}`, onOpen });
      }
    } else if (/\.m?js$/.test(file)) {
      for (const { ref, dynamic } of jsRefs(text)) {
        const path = resolveRef(file, ref);
        if (path) queue.push({ file: path, how: `${dynamic ? 'dynamic import' : 'import'} from ${file}`, onOpen: onOpen && !dynamic });
      }
    }
  }
  return rows;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

const sum = (list: Row[], key: 'gz' | 'bytes') => list.reduce((n, r) => n + r[key], 0);

function printRows(page: string, rows: Row[]): void {
  console.log(`${page} (${relative(ROOT, EXTENSION)}/${page} and everything it loads), gzip -9 per file:`);
  const width = Math.max(...rows.map((r) => r.file.length));
  for (const r of rows) {
    console.log(
      `  ${r.onOpen ? 'open ' : 'later'}  ${r.file.padEnd(width)}  ${kb(r.bytes).padStart(9)} raw  ${kb(r.gz).padStart(8)} gz   (${r.how})`,
    );
  }
}

build();
const options = measure('options.html');
printRows('options.html', options);
const optionsOpen = options.filter((r) => r.onOpen);
console.log(
  `options page on open: ${kb(sum(optionsOpen, 'gz'))} gz (${kb(sum(optionsOpen, 'bytes'))} raw) in ${optionsOpen.length} files; with every chunk it can load: ${kb(sum(options, 'gz'))} gz (reported, no budget)\n`,
);

const rows = measure('popup.html');
const open = rows.filter((r) => r.onOpen);
printRows('popup.html', rows);
const pct = (n: number) => `${((n / BUDGET_GZ) * 100).toFixed(0)} %`;
const openGz = sum(open, 'gz');
const allGz = sum(rows, 'gz');
const ok = openGz <= BUDGET_GZ;
console.log(
  `popup on open: ${kb(openGz)} gz (${kb(sum(open, 'bytes'))} raw) in ${open.length} files; budget ${kb(BUDGET_GZ)} gz: ${ok ? 'within' : 'OVER'} (${pct(openGz)})`,
);
console.log(
  `popup with every chunk it can load: ${kb(allGz)} gz (${kb(sum(rows, 'bytes'))} raw) in ${rows.length} files; ${allGz <= BUDGET_GZ ? 'within' : 'over'} ${kb(BUDGET_GZ)} (${pct(allGz)})`,
);
process.exit(ok ? 0 : 1);
