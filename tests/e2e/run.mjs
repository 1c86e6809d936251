// End-to-end tests of the served page in headless Chromium. Run by `./x test`
// after `dist/` and the server binary are built; prints one line per test and
// a final "N passed, M failed" (`node tests/e2e/run.mjs WORD`: only the tests
// whose name contains WORD). Screenshots go to tests/e2e/screenshots/.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DIST, assert, assertEq, browser, screenshot, serve, watch } from './harness.mjs';

/** π(limit − 1) by python3's own sieve: the expected lab result. */
function primesBelowByPython(limit) {
  const program = `
n = ${limit}
s = bytearray([1]) * n
s[0:2] = b"\\0\\0"
for i in range(2, int(n ** 0.5) + 1):
    if s[i]:
        s[i * i::i] = bytes(len(range(i * i, n, i)))
print(sum(s))`;
  return Number(execFileSync('python3', ['-c', program]).toString().trim());
}

async function status(frame) {
  const el = frame.locator('#status');
  await el.waitFor({ timeout: 30_000 });
  return {
    text: (await el.textContent()).trim(),
    build: await el.getAttribute('data-build'),
    workers: Number(await el.getAttribute('data-workers')),
    isolated: await frame.evaluate(() => self.crossOriginIsolated),
    embedded: await el.getAttribute('data-embedded'),
  };
}

function noProblems(watcher, where) {
  const p = watcher.problems();
  assert(p.length === 0, `${where}: ${p.join('; ')}`);
}

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

test('served with headers: threaded build, pool >= 2, lab result correct', async () => {
  const server = await serve(DIST);
  const ctx = await browser();
  try {
    const page = await ctx.newPage();
    const watcher = watch(page);
    await page.goto(`${server.url}/`);
    const s = await status(page);
    assertEq(s.isolated, true, 'crossOriginIsolated');
    assertEq(s.build, 'threads', 'build');
    assert(s.workers >= 2, `pool of ${s.workers} workers, want >= 2`);
    assert(s.text.includes(`parallel: ${s.workers} workers`), `status line: ${s.text}`);

    const limit = Number(await page.locator('#lab-limit').inputValue());
    assertEq(limit, 20_000_000, 'default lab limit');
    await page.click('#lab-run');
    await page.locator('#lab[data-state="done"]').waitFor({ timeout: 120_000 });
    const value = async (id) => page.locator(id).getAttribute('data-value');
    const expected = primesBelowByPython(limit);
    assertEq(Number(await value('#lab-single-count')), expected, 'primes on one worker');
    assertEq(Number(await value('#lab-pool-count')), expected, 'primes on the pool');
    assertEq(Number(await value('#lab-workers')), s.workers, 'workers in the result');
    const speedup = Number(await value('#lab-speedup'));
    const single = Number(await value('#lab-single-ms'));
    const pool = Number(await value('#lab-pool-ms'));
    assert(single > 0 && pool > 0 && Number.isFinite(speedup), `times ${single} / ${pool}`);
    console.log(`    lab: ${s.workers} workers, ${expected} primes below ${limit}, ` +
      `one worker ${single.toFixed(1)} ms, pool ${pool.toFixed(1)} ms, speedup ${speedup.toFixed(2)}x`);
    // The main thread stayed free: the page answers while nothing runs.
    assertEq(await page.evaluate(() => 1 + 1), 2, 'page responsive');
    await screenshot(page, '1-isolated-lab');

    await page.click('#lang-zh-Hans');
    await page.locator('#status', { hasText: '并行' }).waitFor({ timeout: 5_000 });
    assertEq(await page.evaluate(() => document.documentElement.lang), 'zh-Hans', 'html lang');
    await screenshot(page, '1-isolated-zh');
    noProblems(watcher, 'isolated page');
  } finally {
    await ctx.close();
    server.stop();
  }
});

test('served without headers: the service worker isolates after one reload; ?isolate=0 turns it off', async () => {
  const server = await serve(DIST, { isolation: false });
  const ctx = await browser();
  try {
    const page = await ctx.newPage();
    const watcher = watch(page);
    let navigations = 0;
    page.on('framenavigated', (f) => { if (f === page.mainFrame()) navigations += 1; });
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => document.querySelector('#status'), null, { timeout: 30_000 });
    const s = await status(page);
    assertEq(navigations, 2, 'navigations (load, then one reload)');
    assertEq(s.isolated, true, 'crossOriginIsolated after the reload');
    assertEq(s.build, 'threads', 'build');
    assert(s.workers >= 2, `pool of ${s.workers}`);
    const headers = await page.evaluate(async () => {
      const r = await fetch('./index.html');
      return r.headers.get('cross-origin-embedder-policy');
    });
    assertEq(headers, 'require-corp', 'COEP added by the service worker');
    await screenshot(page, '2-service-worker');
    noProblems(watcher, 'service-worker page');

    await page.goto(`${server.url}/?isolate=0`);
    const off = await status(page);
    assertEq(off.isolated, false, 'crossOriginIsolated with ?isolate=0');
    assertEq(off.build, 'plain', 'build with ?isolate=0');
    assert(off.text.startsWith('single-threaded'), `status: ${off.text}`);
    const regs = await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length);
    assertEq(regs, 0, 'service workers registered after ?isolate=0');
    await screenshot(page, '2-isolate-off');
    noProblems(watcher, '?isolate=0 page');
  } finally {
    await ctx.close();
    server.stop();
  }
});

test('embedded in a non-isolated page on another port: plain build, single-threaded', async () => {
  const app = await serve(DIST);
  const parentDir = mkdtempSync(path.join(tmpdir(), 'interleave-parent-'));
  writeFileSync(path.join(parentDir, 'index.html'), `<!doctype html>
<html><head><meta charset="utf-8"><title>A course page</title>
<link rel="icon" href="data:,"></head>
<body><h1>Lesson 3: the GIL</h1>
<iframe id="embed" src="${app.url}/" width="1200" height="760" style="border:1px solid #ccc"></iframe>
</body></html>`);
  const parent = await serve(parentDir, { isolation: false });
  const ctx = await browser();
  try {
    const page = await ctx.newPage();
    const watcher = watch(page);
    await page.goto(`${parent.url}/`);
    assertEq(await page.evaluate(() => self.crossOriginIsolated), false, 'parent isolated');
    const frame = page.frameLocator('#embed');
    await frame.locator('#status').waitFor({ timeout: 30_000 });
    const inner = page.frames().find((f) => f.url().startsWith(app.url));
    assert(inner, 'the embedded frame');
    const s = await status(inner);
    assertEq(s.isolated, false, 'crossOriginIsolated in the iframe');
    assertEq(s.build, 'plain', 'build in the iframe');
    assertEq(s.embedded, 'true', 'embedded');
    assertEq(s.text, 'single-threaded — this page is not cross-origin isolated (embedded page or host without headers)', 'status line');
    await inner.locator('#lab-unavailable').waitFor();
    assertEq(await inner.locator('#lab-open-standalone').getAttribute('href'), `${app.url}/`, 'standalone link');
    await screenshot(page, '3-embedded');
    noProblems(watcher, 'embedding page');
  } finally {
    await ctx.close();
    parent.stop();
    app.stop();
  }
});

/** How many pixels of the canvas have exactly this colour. */
async function pixelsOf(page, selector, [r, g, b]) {
  return page.evaluate(({ selector, r, g, b }) => {
    const c = document.querySelector(selector);
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] === r && data[i + 1] === g && data[i + 2] === b) n += 1;
    }
    return n;
  }, { selector, r, g, b });
}

/** The output python3 gives for a program (the expected console text). */
function python3Output(program) {
  return execFileSync('python3', ['-c', program]).toString();
}

test('run area: the race runs in the engine, prints what python3 prints, draws lanes; Stop ends an endless loop', async () => {
  const server = await serve(DIST);
  const ctx = await browser();
  try {
    const page = await ctx.newPage();
    const watcher = watch(page);
    await page.goto(`${server.url}/`);
    await status(page);
    const program = await page.locator('#editor').inputValue();
    await page.selectOption('#runtime', 'cpython-3.12');
    const started = Date.now();
    await page.click('#run');
    await page.locator('#run-state[data-state="done"]').waitFor({ timeout: 60_000 });
    const seconds = (Date.now() - started) / 1000;
    // Under 3.12 the plain n += 1 loop never loses an update, as in python3 3.11.
    assertEq(await page.locator('#output').textContent(), python3Output(program), 'console output');
    assert((await page.locator('#run-state').textContent()).includes(' 0 '), 'exit status 0');
    assertEq(await page.locator('#timeline canvas').getAttribute('data-lanes'), '3', 'lanes (main + 2 threads)');
    const green = await pixelsOf(page, '#timeline canvas', [0x2f, 0x9e, 0x44]);
    assert(green > 1000, `running segments drawn: ${green} pixels`);
    console.log(`    race under cpython-3.12 in the page: ${seconds.toFixed(2)} s, ${green} running pixels`);
    await screenshot(page, '4-run-race');

    // 3.9 loses updates: the console shows a smaller count.
    await page.selectOption('#runtime', 'cpython-3.9');
    await page.click('#run');
    await page.locator('#run-state[data-state="done"]').waitFor({ timeout: 60_000 });
    const count = Number((await page.locator('#output').textContent()).split('=')[1]);
    assert(count < 2_000_000, `3.9 lost no update: ${count}`);
    const orange = await pixelsOf(page, '#timeline canvas', [0xf0, 0x8c, 0x00]);
    assert(orange > 100, `GIL waits drawn: ${orange} pixels`);
    await screenshot(page, '4-run-race-39');

    await page.fill('#editor', 'n = 0\nwhile True:\n    n += 1\n');
    await page.click('#run');
    await page.locator('#run-state[data-state="running"]').waitFor({ timeout: 10_000 });
    await page.waitForTimeout(300);
    assertEq(await page.evaluate(() => 1 + 1), 2, 'page responsive while running');
    const stopAt = Date.now();
    await page.click('#stop');
    await page.locator('#run-state[data-state="stopped"]').waitFor({ timeout: 1_000 });
    console.log(`    Stop took ${Date.now() - stopAt} ms`);
    noProblems(watcher, 'run area');
  } finally {
    await ctx.close();
    server.stop();
  }
});

// More tests live in tests/e2e/*.test.mjs, one file per area of the page;
// each exports a default function(test, helpers) that registers its tests.
// `node tests/e2e/run.mjs compare page` runs only those files' tests
// (`run` names the tests of this file); any other word runs only the tests
// whose name contains it (`node tests/e2e/run.mjs explore`).
const here = path.dirname(new URL(import.meta.url).pathname);
const files = readdirSync(here).filter((f) => f.endsWith('.test.mjs')).sort();
const areas = new Set(['run', ...files.map((f) => f.replace(/\.test\.mjs$/, ''))]);
const args = process.argv.slice(2);
const onlyAreas = args.filter((a) => areas.has(a));
const words = args.filter((a) => !areas.has(a));
if (onlyAreas.length && !onlyAreas.includes('run')) tests.length = 0;
for (const file of files) {
  if (onlyAreas.length && !onlyAreas.includes(file.replace(/\.test\.mjs$/, ''))) continue;
  const area = await import(`./${file}`);
  area.default(test, { status, noProblems, pixelsOf, python3Output });
}

let passed = 0;
let failed = 0;
for (const { name, fn } of tests.filter((t) => words.every((w) => t.name.includes(w)))) {
  const start = Date.now();
  try {
    await fn();
    passed += 1;
    console.log(`ok   ${name} (${((Date.now() - start) / 1000).toFixed(1)} s)`);
  } catch (e) {
    failed += 1;
    console.log(`FAIL ${name}\n     ${e.stack ?? e}`);
  }
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
