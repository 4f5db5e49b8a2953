import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ChromiumBrowser, launchChromium } from './chromium-browser.js';
import { datasetsDir, outputDir, repositoryRoot } from './e2e-paths.js';
import { HyperscopeServerProcess } from './hyperscope-server-process.js';

export interface StudySessionOptions {
  /** The server's log is e2e/output/`logName`-server.log. */
  logName: string;
  trainingWorkers: number;
  /** Playwright's default timeout for each page action and wait. */
  defaultTimeoutMs: number;
  /** Console errors the spec provokes on purpose, e.g. a refused request the page reports to the user. */
  isExpectedConsoleError?: (text: string) => boolean;
}

/** What the specs that run studies work with: the server that trains them and a browser page on it. */
export interface StudySession {
  server: HyperscopeServerProcess;
  page: Page;
  /** Uncaught errors, HTTP 5xx responses and console errors seen in the browser; a spec ends by expecting none. */
  browserErrors: string[];
  /** Closes the browser, stops the server and deletes its results directory. */
  close(): Promise<void>;
}

/** Starts the real server with training workers and a throwaway results directory, and a chromium page that records its errors. */
export async function startStudySession(options: StudySessionOptions): Promise<StudySession> {
  await mkdir(outputDir, { recursive: true });
  const resultsDir = await mkdtemp(path.join(tmpdir(), 'hyperscope-e2e-results-'));
  let server: HyperscopeServerProcess | undefined;
  let browser: ChromiumBrowser | undefined;
  const close = async () => {
    await browser?.close();
    await server?.stop();
    await rm(resultsDir, { recursive: true, force: true });
  };
  try {
    server = await HyperscopeServerProcess.start({
      repositoryRoot,
      logFile: path.join(outputDir, `${options.logName}-server.log`),
      env: { HYPERSCOPE_DATASETS_DIR: datasetsDir, HYPERSCOPE_WORKERS: String(options.trainingWorkers), HYPERSCOPE_RESULTS_DIR: resultsDir },
    });
    browser = await launchChromium();
    const page = await browser.context.newPage();
    page.setDefaultTimeout(options.defaultTimeoutMs);
    const browserErrors: string[] = [];
    page.on('pageerror', (error) => browserErrors.push(`uncaught: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 500) browserErrors.push(`HTTP ${response.status()} from ${response.request().method()} ${response.url()}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error' && !options.isExpectedConsoleError?.(message.text())) browserErrors.push(`console: ${message.text()}`);
    });
    return { server, page, browserErrors, close };
  } catch (error) {
    // A half-started session still holds a server process and a temporary directory.
    await close();
    throw error;
  }
}
