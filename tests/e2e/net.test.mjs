// End-to-end tests of the simulated network on the page: the crawler
// presets (one page after another, then a pool of 12 threads) in the
// page's engine, the I/O their threads spend drawn in the timeline with
// the requests in its hover, a lane per host with the requests in
// flight, the requests per host in the statistics,
// and the network latency setting (it changes the virtual time, and a
// share link carries it). The crawlers fetch from example hosts, which
// python3 cannot reach here: their figures are checked against each
// other, not against python3.

import path from 'node:path';
import { DIST, SCREENSHOTS, assert, assertEq, browser, screenshot, serve, watch } from './harness.mjs';

/** The I/O colour of the timeline (src/ui/timeline/draw.rs, IO). */
const IO = [0x84, 0x5e, 0xf7];

async function openPage(ctx, url) {
  const page = await ctx.newPage();
  const watcher = watch(page);
  await page.goto(url);
  await page.locator('#run').waitFor({ timeout: 30_000 });
  return { page, watcher };
}

async function pick(page, id) {
  await page.click(`button.preset[data-preset="${id}"]`);
  await page.locator(`#preset-about[data-preset="${id}"]`).waitFor();
}

/** Runs the program in the editor; resolves to its virtual time in ms (from the run state line). */
async function run(page) {
  await page.click('#run');
  await page.locator('#run-state[data-state="done"]').waitFor({ timeout: 120_000 });
  await page.locator('#timeline canvas[data-rows]').waitFor({ timeout: 10_000 });
  const state = await page.locator('#run-state').textContent();
  assert(/ 0 · /.test(state), `exit status 0: ${state}`);
  return Number(state.match(/([\d.]+) ms/)[1]);
}

async function setField(page, selector, value) {
  await page.fill(selector, value);
  await page.locator(selector).dispatchEvent('change');
}

/** Pixels of one colour on the timeline canvas, and where the first is (CSS px). */
async function colourPixels(page, [r, g, b]) {
  return page.evaluate(({ r, g, b }) => {
    const c = document.querySelector('#timeline canvas');
    const ratio = c.width / c.clientWidth;
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    let first = null;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] === r && data[i + 1] === g && data[i + 2] === b) {
        n += 1;
        if (first === null) {
          const p = i / 4;
          first = { x: (p % c.width) / ratio, y: Math.floor(p / c.width) / ratio };
        }
      }
    }
    return { n, first };
  }, { r, g, b });
}

/** The statistics panel's row for a host: [requests, most at once]. */
async function hostRow(page, host) {
  const row = page.locator(`#stats-hosts tr[data-host="${host}"]`);
  return [Number(await row.locator('td.requests').textContent()),
    Number(await row.locator('td.in-flight').textContent())];
}

export default function (test, { noProblems }) {
  test('network: the crawler presets, sequential vs 12 threads, I/O in the timeline, requests per host', async () => {
    const server = await serve(DIST);
    const ctx = await browser();
    try {
      const { page, watcher } = await openPage(ctx, `${server.url}/?preset=crawler-sequential`);
      assertEq(await page.locator('#net-latency').inputValue(), '500', 'default latency');
      const sequential = await run(page);
      assert((await page.locator('#output').textContent()).startsWith('pages: 10 all over 20 KB: True\n'),
        'sequential crawler output');
      assertEq(JSON.stringify(await hostRow(page, 'blog.example.com')), '[10,1]', 'sequential: 10 requests, 1 at a time');
      const seqIo = await colourPixels(page, IO);
      assert(seqIo.n > 1000, `sequential I/O drawn: ${seqIo.n} pixels`);
      // The I/O's hover lists the request the thread waited for.
      await page.locator('#timeline canvas').scrollIntoViewIfNeeded();
      const box = await page.locator('#timeline canvas').boundingBox();
      await page.mouse.move(box.x + seqIo.first.x + 2, box.y + seqIo.first.y + 2);
      const tip = page.locator('#timeline-tip');
      await tip.waitFor({ timeout: 5_000 });
      const tipText = await tip.textContent();
      assert(/GET blog\.example\.com\/page\/\d+ → 200, [\d.]+ KB/.test(tipText), `I/O hover: ${tipText}`);
      await screenshot(page, 'net-sequential');

      await pick(page, 'crawler-threads');
      const threads = await run(page);
      assertEq(JSON.stringify(await hostRow(page, 'blog.example.com')), '[10,10]', 'threads: 10 requests, 10 at once');
      const thrIo = await colourPixels(page, IO);
      assert(thrIo.n > 1000, `threads' I/O drawn: ${thrIo.n} pixels`);
      const lanes = (await page.locator('#timeline canvas').getAttribute('data-rows')).split('|').length;
      assert(lanes >= 11, `a lane per worker thread: ${lanes}`);
      console.log(`    crawler: sequential ${sequential} ms, 12 threads ${threads} ms, ` +
        `${(sequential / threads).toFixed(1)}x; I/O pixels ${seqIo.n} / ${thrIo.n}`);
      assert(sequential / threads > 5, `sequential / threads = ${sequential} / ${threads}`);
      // The host's own lane: the ten requests in flight together.
      const hostLane = (await page.locator('#timeline canvas').getAttribute('data-rows')).split('|')
        .map((r) => { const p = r.split(':'); const h = Number(p.pop()); const y = Number(p.pop()); return { label: p.join(':'), y, h }; })
        .find((r) => r.label === 'blog.example.com');
      assert(hostLane, 'a lane for blog.example.com');
      // Scroll the host's lane (below a dozen thread lanes) into view.
      await page.evaluate((y) => {
        const c = document.querySelector('#timeline canvas');
        window.scrollTo(0, c.getBoundingClientRect().top + window.scrollY + y - 200);
      }, hostLane.y);
      const cbox = await page.locator('#timeline canvas').boundingBox();
      let hostTip = '';
      for (const frac of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2]) {
        await page.mouse.move(cbox.x + 150 + (cbox.width - 162) * frac, cbox.y + hostLane.y + hostLane.h - 3);
        if (await page.locator('#timeline-tip').count()) {
          hostTip = await page.locator('#timeline-tip').innerText();
          if (hostTip.includes('10 requests in flight')) break;
        }
      }
      assert(/blog\.example\.com · 10 requests in flight/.test(hostTip), `host lane hover: ${hostTip}`);
      assert(/GET blog\.example\.com\/page\/\d+ → 200/.test(hostTip), `host lane lists requests: ${hostTip}`);
      await screenshot(page, 'net-threads');
      await page.locator('#timeline').screenshot({ path: path.join(SCREENSHOTS, 'net-threads-timeline.png') });
      noProblems(watcher, 'crawlers');
    } finally {
      await ctx.close();
      server.stop();
    }
  });

  test('network: the latency setting changes the virtual time and survives a share link (and zh-CN labels it)', async () => {
    const server = await serve(DIST);
    const ctx = await browser();
    try {
      const { page, watcher } = await openPage(ctx, `${server.url}/?preset=crawler-sequential`);
      const slow = await run(page);
      await setField(page, '#net-latency', '50');
      await setField(page, '#host-latency', 'cdn.example.com=5');
      const fast = await run(page);
      console.log(`    sequential crawler: ${slow} ms at 500 ms latency, ${fast} ms at 50 ms`);
      assert(fast < slow / 4, `latency 50 ms: ${fast} ms vs ${slow} ms at 500`);
      // A host of its own: the page's host keeps the base latency.
      await setField(page, '#host-latency', 'blog.example.com=5');
      const faster = await run(page);
      assert(faster < fast / 2, `blog.example.com at 5 ms: ${faster} ms vs ${fast} ms`);
      await setField(page, '#host-latency', 'cdn.example.com=5');

      await page.click('#share-button');
      const link = await page.locator('#share-link').inputValue();
      const { page: other, watcher: w2 } = await openPage(ctx, link);
      assertEq(await other.locator('#net-latency').inputValue(), '50', 'latency from the link');
      assertEq(await other.locator('#host-latency').inputValue(), 'cdn.example.com=5', 'per-host latency from the link');
      assertEq(await run(other), fast, 'the same virtual time from the link');

      await other.click('#lang-zh-Hans');
      await other.locator('label', { hasText: '网络延迟（毫秒）' }).waitFor({ timeout: 5_000 });
      await screenshot(other, 'net-latency-zh');
      noProblems(w2, 'reopened link');
      noProblems(watcher, 'latency');
    } finally {
      await ctx.close();
      server.stop();
    }
  });
}
