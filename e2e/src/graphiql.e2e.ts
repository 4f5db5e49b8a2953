// GraphiQL at /graphql in a real chromium against the built server: it loads with nothing from outside the server
// (no CDN, nothing the page's CSP blocks), runs queries over HTTP and subscriptions over graphql-ws, and sends the
// API token from its headers editor. Run after `nx run-many -t build`.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { ChromiumBrowser, launchChromium } from './support/chromium-browser.js';
import { outputDir, repositoryRoot } from './support/e2e-paths.js';
import { HyperscopeServerProcess } from './support/hyperscope-server-process.js';

const TOKEN = 'graphiql-e2e-token';

/** GraphiQL 3's editors are CodeMirror 5 instances: read and write them through the instance on their element. */
function editorValue(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (element) => (element as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue());
}

/** GraphiQL parses the editor's document after a debounce and picks the transport (HTTP or graphql-ws) from it. */
const GRAPHIQL_PARSE_SETTLE_MS = 1_000;

async function run(page: Page, query: string): Promise<void> {
  await page.$eval('.graphiql-query-editor .CodeMirror', (element, text) => (element as unknown as { CodeMirror: { setValue(value: string): void } }).CodeMirror.setValue(text), query);
  // Clicked at once, a subscription replacing a query went out over HTTP as the query it replaced had.
  await page.waitForTimeout(GRAPHIQL_PARSE_SETTLE_MS);
  await page.locator('.graphiql-execute-button').click();
}

async function waitForResponse(page: Page, pattern: RegExp): Promise<string> {
  await page.waitForFunction(
    (source) => new RegExp(source).test((document.querySelector('.graphiql-response .CodeMirror') as unknown as { CodeMirror: { getValue(): string } } | null)?.CodeMirror.getValue() ?? ''),
    pattern.source,
  );
  return editorValue(page, '.graphiql-response .CodeMirror');
}

describe('GraphiQL against the real server', { timeout: 180_000 }, () => {
  let server: HyperscopeServerProcess | undefined;
  let browser: ChromiumBrowser | undefined;
  let page: Page;
  const browserErrors: string[] = [];
  const offServer: string[] = [];

  before(async () => {
    await mkdir(outputDir, { recursive: true });
    server = await HyperscopeServerProcess.start({
      repositoryRoot,
      logFile: path.join(outputDir, 'graphiql-server.log'),
      env: { HYPERSCOPE_HEARTBEAT_SECONDS: '1', HYPERSCOPE_API_TOKEN: TOKEN },
    });
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => browserErrors.push(`uncaught: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') browserErrors.push(`console: ${message.text()}`);
    });
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(server!.baseUrl) && !url.startsWith(server!.baseUrl.replace('http', 'ws')) && !url.startsWith('data:')) offServer.push(url);
    });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens with the headers editor showing where the token goes, loading nothing from elsewhere', async () => {
    await page.goto(`${server!.baseUrl}/graphql`);
    await page.locator('.graphiql-query-editor .CodeMirror').waitFor();
    const headers = await page.$$eval('.graphiql-editor-tool .CodeMirror', (elements) =>
      elements.map((element) => (element as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue()));
    assert.ok(headers.some((value) => value.includes('"authorization": "Bearer <HYPERSCOPE_API_TOKEN>"')), `editors: ${JSON.stringify(headers)}`);
    assert.deepEqual(offServer, []);
  });

  it('runs a query over HTTP', async () => {
    await run(page, '{ serverInfo { version } }');
    const response = JSON.parse(await waitForResponse(page, /"version"/));
    assert.equal(typeof response.data.serverInfo.version, 'string');
  });

  it('streams a subscription over graphql-ws', async () => {
    await run(page, 'subscription { heartbeat { sequence } }');
    const first = JSON.parse(await waitForResponse(page, /"sequence"/)).data.heartbeat.sequence as number;
    await page.waitForFunction(
      (after) => {
        const text = (document.querySelector('.graphiql-response .CodeMirror') as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue();
        return Number(/"sequence": (\d+)/.exec(text)?.[1]) > after;
      },
      first,
    );
    // The execute button stops a running subscription.
    await page.locator('.graphiql-execute-button').click();
  });

  it('sends the token from the headers editor', async () => {
    const mutation = 'mutation { deleteStudy(id: "00000000-0000-4000-8000-000000000000") }';
    await run(page, mutation);
    assert.match(await waitForResponse(page, /"code"/), /UNAUTHENTICATED/);
    await page.$$eval(
      '.graphiql-editor-tool .CodeMirror',
      (elements, token) => {
        for (const element of elements) {
          const editor = (element as unknown as { CodeMirror: { getValue(): string; setValue(value: string): void } }).CodeMirror;
          if (editor.getValue().includes('authorization')) editor.setValue(JSON.stringify({ authorization: `Bearer ${token}` }));
        }
      },
      TOKEN,
    );
    await run(page, `${mutation} `);
    assert.match(await waitForResponse(page, /NOT_FOUND|"data"/), /NOT_FOUND/);
  });

  it('logged no browser errors (a CSP violation would be one)', () => {
    assert.deepEqual(browserErrors, []);
    assert.deepEqual(offServer, []);
  });
});
