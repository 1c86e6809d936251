// The page's weight and start-up, measured in headless Chromium (issue 7's
// benchmarks): the gzipped size of each wasm build, checked against the
// 1.5 MB limit (the one assertion here: `./x dist` checks it too), and the
// time from navigation to the editor holding its program with Run enabled,
// printed as figures (never a timed assertion), for the threaded build on
// the isolated page, the plain build on a page without isolation, and the
// plain build embedded in another site's page. Each is measured on a fresh
// profile (cold: nothing cached) and again on a reload (warm). And what was
// taken out of the wasm for its size (dist/sources.json: stdlib sources,
// presets, the Unicode names of `\N{...}`) still works in both builds.

import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST, assert, browser, serve, watch } from './harness.mjs';

const WASM_GZIP_LIMIT = 1_500_000;
const RUNS = 3;

/** Bytes of a file of dist/, raw and gzipped (level 9, as `./x dist` counts). */
function sizes(file) {
  const data = readFileSync(path.join(DIST, file));
  return { raw: statSync(path.join(DIST, file)).size, gzip: gzipSync(data, { level: 9 }).length };
}

/**
 * Runs in every document before its own scripts: notes the first animation
 * frame at which the editor holds a program and Run is enabled, as
 * milliseconds since the epoch (time origin plus clock), so that an embed's
 * moment compares with its parent's navigation.
 */
function noteWhenInteractive() {
  const check = () => {
    const run = document.querySelector('#run');
    const editor = document.querySelector('#editor');
    if (run && !run.disabled && editor && !editor.disabled && !editor.readOnly && editor.value.length > 0) {
      window.interactiveAt = performance.timeOrigin + performance.now();
    } else {
      requestAnimationFrame(check);
    }
  };
  requestAnimationFrame(check);
}

/** The moment `noteWhenInteractive` noted in `frame`, once it has. */
function whenInteractive(frame) {
  return frame.waitForFunction(() => window.interactiveAt ?? false, null, { timeout: 30_000 })
    .then((handle) => handle.jsonValue());
}

/** Milliseconds from the navigation of `page` to interactive in `frame()`. */
async function interactiveAfter(page, frame, navigate) {
  await navigate();
  const at = await whenInteractive(frame());
  const origin = await page.evaluate(() => performance.timeOrigin);
  return at - origin;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (xs) => xs.map((x) => x.toFixed(0)).join(', ');

/**
 * Cold and warm times over RUNS fresh browsers. `open(page)` navigates and
 * returns the frame the app runs in; `check(frame)` asserts which build ran.
 */
async function measure(label, url, open, check) {
  const cold = [];
  const warm = [];
  for (let i = 0; i < RUNS; i += 1) {
    const ctx = await browser();
    try {
      await ctx.addInitScript(noteWhenInteractive);
      const page = await ctx.newPage();
      const watcher = watch(page);
      let frame = page.mainFrame();
      cold.push(await interactiveAfter(page, () => frame, async () => { frame = await open(page); }));
      await check(frame);
      warm.push(await interactiveAfter(page, () => frame, async () => {
        await page.reload();
        frame = await open(page, true);
      }));
      const problems = watcher.problems();
      assert(problems.length === 0, `${label}: ${problems.join('; ')}`);
    } finally {
      await ctx.close();
    }
  }
  console.log(`    ${label}: interactive after ${median(cold).toFixed(0)} ms cold (${ms(cold)}),`
    + ` ${median(warm).toFixed(0)} ms warm (${ms(warm)})  [${url}]`);
}

async function buildOf(frame) {
  const status = frame.locator('#status');
  await status.waitFor({ timeout: 30_000 });
  return status.getAttribute('data-build');
}

// Uses the stdlib's Python sources and the name table, both from sources.json.
const FETCHED_PROGRAM = `import threading, queue, collections
q = queue.Queue()
t = threading.Thread(target=lambda: q.put("\\N{SNOWMAN} \\N{HANGUL SYLLABLE GAG} \\N{CJK UNIFIED IDEOGRAPH-4E00}"))
t.start(); t.join()
print(q.get(), collections.Counter("abca").most_common(1))
`;

export default function (test) {
  test('size: each wasm build is at most 1.5 MB gzipped; the sources are fetched beside it', async () => {
    const over = [];
    for (const file of ['pkg/interleave_bg.wasm', 'pkg-threads/interleave_bg.wasm', 'sources.json']) {
      const s = sizes(file);
      console.log(`    ${file.padEnd(32)} ${String(s.raw).padStart(9)} bytes, ${String(s.gzip).padStart(9)} gzip`);
      if (file.endsWith('.wasm') && s.gzip > WASM_GZIP_LIMIT) over.push(`${file}: ${s.gzip}`);
    }
    assert(over.length === 0, `over ${WASM_GZIP_LIMIT} bytes gzipped: ${over.join(', ')}`);
  });

  test('size: the fetched sources work in both builds (stdlib modules, \\N{...} names, presets)', async () => {
    const want = execFileSync('python3', ['-c', FETCHED_PROGRAM]).toString();
    const isolated = await serve(DIST);
    const open = await serve(DIST, { isolation: false });
    const ctx = await browser();
    try {
      for (const [url, build] of [[`${isolated.url}/`, 'threads'], [`${open.url}/?isolate=0`, 'plain']]) {
        const page = await ctx.newPage();
        const watcher = watch(page);
        await page.goto(url);
        assert(await buildOf(page) === build, `${url}: not the ${build} build`);
        assert((await page.locator('#editor').inputValue()).includes('threading'), 'the default preset');
        await page.fill('#editor', FETCHED_PROGRAM);
        await page.click('#run');
        await page.locator('#run-state[data-state="done"]').waitFor({ timeout: 60_000 });
        const got = await page.locator('#output').textContent();
        assert(got === want, `${build}: printed ${JSON.stringify(got)}, python3 ${JSON.stringify(want)}`);
        const problems = watcher.problems();
        assert(problems.length === 0, `${build}: ${problems.join('; ')}`);
        await page.close();
      }
    } finally {
      await ctx.close();
      open.stop();
      isolated.stop();
    }
  });

  test('size: time to interactive (editor and Run) of both builds, printed', async () => {
    const isolated = await serve(DIST);
    const open = await serve(DIST, { isolation: false });
    const parentDir = mkdtempSync(path.join(tmpdir(), 'interleave-parent-'));
    writeFileSync(path.join(parentDir, 'index.html'), `<!doctype html>
<html><head><meta charset="utf-8"><title>A course page</title>
<link rel="icon" href="data:,"></head>
<body><iframe id="embed" src="${open.url}/" width="1200" height="760"></iframe></body></html>`);
    const parent = await serve(parentDir, { isolation: false });
    try {
      const top = async (page, url, reloaded) => {
        if (!reloaded) await page.goto(url);
        return page.mainFrame();
      };
      const expect = (want) => async (frame) => {
        const build = await buildOf(frame);
        assert(build === want, `build ${build}, want ${want}`);
      };
      const threadsUrl = `${isolated.url}/`;
      await measure('threads build, isolated page', threadsUrl,
        (page, reloaded) => top(page, threadsUrl, reloaded), expect('threads'));
      // ?isolate=0: no service worker, so the plain build without a reload.
      const plainUrl = `${open.url}/?isolate=0`;
      await measure('plain build, page without isolation', plainUrl,
        (page, reloaded) => top(page, plainUrl, reloaded), expect('plain'));
      const parentUrl = `${parent.url}/`;
      await measure('plain build, embedded in a non-isolated page', parentUrl, async (page, reloaded) => {
        if (!reloaded) await page.goto(parentUrl);
        await page.locator('#embed').waitFor();
        let frame;
        while (!(frame = page.frames().find((f) => f.url().startsWith(open.url)))) {
          await page.waitForTimeout(5);
        }
        return frame;
      }, expect('plain'));
    } finally {
      parent.stop();
      open.stop();
      isolated.stop();
    }
  });
}
