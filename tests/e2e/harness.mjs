// End-to-end harness: our own server binary, Debian's Chromium driven by
// playwright-core (never a downloaded browser), and a page watcher that
// records every console error, uncaught exception and failed request.

import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(ROOT, 'dist');
export const SCREENSHOTS = path.join(ROOT, 'tests/e2e/screenshots');
const SERVER = path.join(ROOT, 'target/release/interleave');

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Starts `interleave serve dir` on a free port; resolves to {url, stop}. */
export function serve(dir, { isolation = true } = {}) {
  const args = ['serve', dir, '--port', '0'];
  if (!isolation) args.push('--no-isolation');
  const child = spawn(SERVER, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 10_000);
    const onData = (chunk) => {
      out += chunk;
      const m = out.match(/on (http:\/\/[^/\s]+)\//);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], stop: () => child.kill('SIGINT') });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

/** A fresh Chromium with an empty profile (so no service worker survives). */
export async function browser() {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'interleave-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
  });
  return context;
}

/**
 * Watches a page for problems: console errors, uncaught exceptions, failed
 * requests and HTTP errors. `problems()` lists those since the last
 * top-level navigation (a deliberate reload aborts requests of the page it
 * leaves; those are not failures of the page the user ends up on).
 */
export function watch(page) {
  let problems = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) problems = [];
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return { problems: () => [...problems] };
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}

export function assertEq(actual, expected, what) {
  if (actual !== expected) {
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}
