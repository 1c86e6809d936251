// End-to-end test of "Open in Perfetto" (src/ui/perfetto.rs, www/perfetto.*):
// the isolated page hands the last run's trace to our non-isolated helper
// page, and the helper hands it to the Perfetto UI with Perfetto's
// documented protocol (PING until PONG, then {perfetto: {buffer, title}}).
//
// ui.perfetto.dev cannot be reached from the test machine, so its address
// is answered by a stand-in page that speaks that protocol and keeps what
// it was sent; the test checks it received the same trace the page's own
// download gives, byte for byte.

import { readFileSync } from 'node:fs';
import { DIST, assert, assertEq, browser, screenshot, serve, watch } from './harness.mjs';

const PROGRAM = `import threading
lock = threading.Lock()
total = 0

def work(n):
    global total
    for _ in range(n):
        with lock:
            total += 1

threads = [threading.Thread(target=work, args=(200,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(total)
`;

/** Speaks the Perfetto UI's postMessage protocol and keeps what it got. */
const PERFETTO_STAND_IN = `<!doctype html><title>stand-in</title><script>
window.got = null;
addEventListener('message', (e) => {
  if (e.data === 'PING') { e.source.postMessage('PONG', e.origin); return; }
  const p = e.data && e.data.perfetto;
  if (!p) return;
  const text = new TextDecoder().decode(p.buffer);
  window.got = { from: e.origin, title: p.title, fileName: p.fileName, text };
});
</script>`;

export default function (test, { noProblems }) {
  test('perfetto: the trace goes from the isolated page through our helper to the Perfetto UI', async () => {
    const server = await serve(DIST);
    const ctx = await browser();
    try {
      await ctx.route('https://ui.perfetto.dev/**', (route) =>
        route.fulfill({ status: 200, contentType: 'text/html', body: PERFETTO_STAND_IN }),
      );
      const page = await ctx.newPage();
      const watcher = watch(page);
      await page.goto(`${server.url}/?lang=en`);
      await page.locator('#run').waitFor({ timeout: 30_000 });
      assertEq(await page.evaluate(() => self.crossOriginIsolated), true, 'the page is isolated');
      await page.fill('#editor', PROGRAM);
      await page.click('#run');
      await page.locator('#run-state[data-state="done"]').waitFor({ timeout: 60_000 });
      assertEq(await page.locator('#output').textContent(), '400\n', 'stdout');

      // The page's own download, to compare with what Perfetto gets.
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-trace')]);
      const downloaded = readFileSync(await download.path(), 'utf8');
      const events = JSON.parse(downloaded).traceEvents.length;

      const [helper] = await Promise.all([ctx.waitForEvent('page'), page.click('#open-perfetto')]);
      const helperWatch = watch(helper);
      await helper.waitForLoadState();
      assert(new URL(helper.url()).pathname.endsWith('/perfetto.html'), `helper at ${helper.url()}`);
      await helper.locator('#trace-info:not([hidden])').waitFor({ timeout: 10_000 });
      assertEq(await helper.evaluate(() => self.crossOriginIsolated), false, 'the helper is not isolated');
      const info = await helper.locator('#trace-info').textContent();
      assert(info.includes(`${events} events`), `helper says "${info}", the download has ${events} events`);
      await screenshot(helper, 'perfetto-helper');

      const [perfetto] = await Promise.all([ctx.waitForEvent('page'), helper.click('#open')]);
      await perfetto.waitForFunction(() => window.got, null, { timeout: 10_000 });
      const got = await perfetto.evaluate(() => window.got);
      assertEq(got.from, server.url, 'sent by our helper page');
      assertEq(got.fileName, 'interleave-trace.json', 'file name');
      assert(got.title.startsWith('Interleave: '), `title ${got.title}`);
      assertEq(got.text, downloaded, 'the trace Perfetto got is the downloaded one');
      await helper.waitForFunction(() => document.querySelector('#status').textContent.startsWith('Sent'));

      // A helper opened for a trace the page no longer keeps says so.
      const stale = await ctx.newPage();
      await stale.goto(`${server.url}/perfetto.html#id=nosuch&lang=zh`);
      await stale.waitForFunction(() => document.querySelector('#status').textContent.includes('不再保留'), null, { timeout: 10_000 });
      noProblems(watcher, 'perfetto page');
      noProblems(helperWatch, 'perfetto helper');
    } finally {
      await ctx.close();
      server.stop();
    }
  });
}
