// End-to-end test of the files panel (src/ui/files_panel.rs): a program
// that writes files on the simulated disk shows each one with its path,
// its size and its contents, the same files python3 leaves when it runs
// the program in an empty directory (text as written, other bytes as
// Python's repr); a run that writes nothing shows no panel.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DIST, assertEq, browser, screenshot, serve, watch } from './harness.mjs';

const PROGRAM = `import csv, os, threading
os.makedirs("out", exist_ok=True)
lock = threading.Lock()
rows = []

def work(n):
    with lock:
        rows.append([n, n * n])

threads = [threading.Thread(target=work, args=(n,)) for n in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
with open("out/squares.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\\n")
    w.writerow(["n", "square"])
    w.writerows(sorted(rows))
with open("raw.bin", "wb") as f:
    f.write(bytes([0, 1, 2, 255]))
print(sorted(os.listdir(".")))
`;

/**
 * What python3 leaves: [{path, size, shown}] sorted by path, `shown` the
 * text, or the repr of bytes that are not UTF-8 (as the panel shows them).
 */
function python3Files(program) {
  const root = mkdtempSync(path.join(tmpdir(), 'interleave-files-'));
  const cwd = path.join(root, 'cwd');
  mkdirSync(cwd);
  writeFileSync(path.join(root, 'main.py'), program);
  execFileSync('python3', [path.join(root, 'main.py')], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const lister = `
import json, os
out = []
for d, _, names in os.walk("."):
    for n in names:
        p = os.path.join(d, n)
        data = open(p, "rb").read()
        try:
            shown = data.decode("utf-8")
        except UnicodeDecodeError:
            shown = repr(data)
        out.append({"path": os.path.relpath(p, "."), "size": len(data), "shown": shown})
print(json.dumps(sorted(out, key=lambda f: f["path"])))
`;
  return JSON.parse(execFileSync('python3', ['-c', lister], { cwd }).toString());
}

export default function (test, { noProblems }) {
  test('files: the files a run leaves are listed with sizes and contents, as python3 leaves them', async () => {
    const server = await serve(DIST);
    const ctx = await browser();
    try {
      const page = await ctx.newPage();
      const watcher = watch(page);
      await page.goto(`${server.url}/?lang=en`);
      await page.locator('#run').waitFor({ timeout: 30_000 });
      await page.fill('#editor', PROGRAM);
      await page.click('#run');
      await page.locator('#run-state[data-state="done"]').waitFor({ timeout: 60_000 });
      assertEq(await page.locator('#output').textContent(), "['out', 'raw.bin']\n", 'stdout');
      const want = python3Files(PROGRAM);
      const files = page.locator('#files details.file');
      await files.first().waitFor({ timeout: 10_000 });
      assertEq(await files.count(), want.length, 'how many files');
      for (let i = 0; i < want.length; i++) {
        const f = files.nth(i);
        assertEq(await f.locator('.file-path').textContent(), want[i].path, `file ${i} path`);
        const summary = await f.locator('summary').textContent();
        assertEq(summary.includes(`${want[i].size} bytes`), true, `${want[i].path} size in "${summary}"`);
        assertEq(await f.locator('.file-contents').textContent(), want[i].shown, `${want[i].path} contents`);
      }
      await screenshot(page, 'files-panel');

      // A run that writes nothing: no panel.
      await page.fill('#editor', 'print(1)\n');
      await page.click('#run');
      // The state line still says "done" from the first run: wait for the new output.
      await page.waitForFunction(() => document.querySelector('#output')?.textContent === '1\n', null, { timeout: 60_000 });
      await page.locator('#run-state[data-state="done"]').waitFor({ timeout: 60_000 });
      await page.waitForFunction(() => !document.querySelector('#files'), null, { timeout: 10_000 });
      noProblems(watcher, 'files');
    } finally {
      await ctx.close();
      server.stop();
    }
  });
}
