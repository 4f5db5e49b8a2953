// End-to-end check of the built app: the real server (embedded PostgreSQL, GraphQL over HTTP and
// graphql-ws) serving the built dashboard to a real chromium. Run after `nx run-many -t build`.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { describeViolations, findSeriousAccessibilityViolations } from './support/accessibility-scan.js';
import { byTestId } from './support/by-test-id.js';
import { ChromiumBrowser, launchChromium } from './support/chromium-browser.js';
import { outputDir, repositoryRoot } from './support/e2e-paths.js';
import { HyperscopeServerProcess } from './support/hyperscope-server-process.js';

describe('dashboard against the real server', { timeout: 180_000 }, () => {
  let server: HyperscopeServerProcess | undefined;
  let browser: ChromiumBrowser | undefined;
  let page: Page;
  const browserErrors: string[] = [];

  before(async () => {
    await mkdir(outputDir, { recursive: true });
    server = await HyperscopeServerProcess.start({
      repositoryRoot,
      logFile: path.join(outputDir, 'server.log'),
      // A one-second heartbeat keeps the run short; the default is slower.
      env: { HYPERSCOPE_HEARTBEAT_SECONDS: '1' },
    });
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => browserErrors.push(`uncaught: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') browserErrors.push(`console: ${message.text()}`);
    });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows what the server reports about itself', async () => {
    assert.ok(server);
    const response = await fetch(`${server.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ serverInfo { version databaseKind trainingBackend } }' }),
    });
    const { data } = (await response.json()) as {
      data: { serverInfo: { version: string; databaseKind: string; trainingBackend: string } };
    };

    await page.goto(server.baseUrl);

    await page.locator(byTestId('server-version')).waitFor();
    assert.equal(await page.locator(byTestId('server-version')).innerText(), data.serverInfo.version);
    assert.equal(data.serverInfo.databaseKind, 'EMBEDDED');
    assert.equal(await page.locator(byTestId('server-database')).innerText(), 'Embedded PostgreSQL');
    assert.equal(await page.locator(byTestId('server-backend')).innerText(), data.serverInfo.trainingBackend);
    assert.equal(await page.title(), 'Dashboard · Hyperscope');
  });

  it('receives live heartbeats with an increasing sequence', async () => {
    await page.locator(`${byTestId('connection-status')}[data-status="live"]`).waitFor();
    const readSequence = async () => Number(await page.locator(byTestId('heartbeat-sequence')).innerText());

    await page.waitForFunction(
      (selector) => /^\d+$/.test(document.querySelector(selector)?.textContent?.trim() ?? ''),
      byTestId('heartbeat-sequence'),
    );
    const first = await readSequence();
    await page.waitForFunction(
      ({ selector, after }) => Number(document.querySelector(selector)?.textContent) > after,
      { selector: byTestId('heartbeat-sequence'), after: first },
    );
    const second = await readSequence();

    assert.ok(second > first, `sequence went from ${first} to ${second}`);
    assert.equal((await page.locator(byTestId('connection-status')).innerText()).trim(), 'Live');
    assert.match(await page.locator(`${byTestId('heartbeat-at')} time`).getAttribute('datetime') ?? '', /^\d{4}-\d\d-\d\dT/);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no serious or critical accessibility violations (${colorScheme} theme)`, async () => {
      await page.emulateMedia({ colorScheme });
      const violations = await findSeriousAccessibilityViolations(page);
      assert.equal(violations.length, 0, describeViolations(violations));
    });
  }

  it('fits a 375 px phone without sideways scrolling, and looks right wide (screenshots)', async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    for (const width of [375, 1440]) {
      await page.setViewportSize({ width, height: width < 800 ? 812 : 900 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page is ${overflow} px wider than a ${width} px viewport`);
      await page.screenshot({ path: path.join(outputDir, `dashboard-${width}.png`), fullPage: true, animations: 'disabled' });
    }
  });

  it('logs no errors in the browser', () => {
    assert.deepEqual(browserErrors, []);
  });

  it('shows "reconnecting" when the server goes away, and the server stops gracefully on SIGTERM', async () => {
    assert.ok(server);
    const stopped = await server.stop();

    assert.deepEqual(stopped, { code: 0, signal: null, forced: false });
    await page.locator(`${byTestId('connection-status')}[data-status="reconnecting"]`).waitFor({ timeout: 15_000 });
  });
});
