import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BrowserContext, chromium } from 'playwright-core';

/** Flags that let Debian's chromium run headless as root in a container, without phoning home. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ChromiumBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** System chromium (never a downloaded one) with a fresh profile that is deleted on close. */
export async function launchChromium(): Promise<ChromiumBrowser> {
  const executablePath = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'hyperscope-e2e-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1440, height: 900 },
    });
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw new Error(
      `could not start chromium at ${executablePath} (install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH): ${(error as Error).message}`,
      { cause: error },
    );
  }
  return {
    context,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}
