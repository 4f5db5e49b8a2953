// The new-study form against the real server: the search space follows the dataset's model family, one
// hyperparameter set Fixed and one Off reach the study's configuration, the workers page shows the worker
// that trains it with its backend, and the studies list deletes it. Run after `nx run-many -t build`;
// needs MNIST and IMDB in ../shared/datasets.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { describeViolations, findSeriousAccessibilityViolations } from './support/accessibility-scan.js';
import { byTestId } from './support/by-test-id.js';
import { datasetsDir, outputDir } from './support/e2e-paths.js';
import { type StudySession, startStudySession } from './support/study-session.js';

const missing = ['mnist', 'imdb'].filter((id) => !existsSync(path.join(datasetsDir, id)));

/** No sideways scrolling at 375 px, then a full-page screenshot at each width. */
async function checkWidths(page: Page, name: string): Promise<void> {
  for (const width of [375, 1440]) {
    await page.setViewportSize({ width, height: width < 800 ? 812 : 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    // Names the elements that stick out, so a failure says where to look. A string: no helpers from the transform.
    const culprits = overflow > 0 ? await page.evaluate(`[...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5).slice(-5).map((e) => e.tagName.toLowerCase() + '.' + [...e.classList].join('.')).join(', ')`) : '';
    assert.ok(overflow <= 0, `${name} is ${overflow} px wider than a ${width} px viewport: ${String(culprits)}`);
    await page.screenshot({ path: path.join(outputDir, `${name}-${width}.png`), fullPage: true, animations: 'disabled' });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

describe('the new-study form with its search space, and the workers page', { timeout: 10 * 60_000, skip: missing.length > 0 && `no ${missing.join(', ')} in ${datasetsDir}` }, () => {
  let session: StudySession | undefined;
  let page: Page;
  let studyId = '';

  before(async () => {
    session = await startStudySession({ logName: 'new-study', trainingWorkers: 1, defaultTimeoutMs: 30_000 });
    page = session.page;
  });

  after(async () => {
    await session?.close();
  });

  it('loads the search space of the chosen dataset: a CNN for MNIST, an LSTM for IMDB, with explanations', async () => {
    assert.ok(session);
    await page.goto(`${session.server.baseUrl}/studies/new`);
    const dataset = page.locator(byTestId('field-dataset'));
    await page.locator(`${byTestId('field-dataset')} option[value="imdb"]`).waitFor({ state: 'attached' });
    const editor = page.locator(byTestId('search-space-editor'));

    await dataset.selectOption('imdb');
    await page.locator(`${byTestId('search-space-editor')}[data-family="LSTM"]`).waitFor();
    await page.locator(byTestId('hp-lstmUnits')).waitFor();
    await page.locator(byTestId('dataset-texts')).waitFor();
    assert.equal(await page.locator(byTestId('hp-convBlocks')).count(), 0);

    await dataset.selectOption('mnist');
    await page.locator(`${byTestId('search-space-editor')}[data-family="CNN"]`).waitFor();
    await page.locator(byTestId('hp-convBlocks')).waitFor();
    assert.equal(await page.locator(byTestId('hp-lstmUnits')).count(), 0);
    assert.match(await page.locator(byTestId('hp-filtersBlock2-condition')).innerText(), /^only when convBlocks is 2, 3 or 4$/);

    // "Why it matters" opens from the keyboard.
    const why = page.locator(`${byTestId('hp-learningRate')} summary`);
    await why.focus();
    await page.keyboard.press('Enter');
    assert.ok((await page.locator(byTestId('hp-learningRate-description')).innerText()).length > 40);
    assert.equal(await editor.locator('[data-mode="RANGE"]').count(), await editor.locator('li.hyperparameter').count(), 'everything is searched by default');
  });

  it('fixes one hyperparameter and turns one off, checking the value against the API\'s bounds', async () => {
    await page.locator(byTestId('hp-convBlocks-FIXED')).check();
    const value = page.locator(byTestId('hp-convBlocks-value'));
    await value.fill('9');
    await page.locator(byTestId('hp-convBlocks-error')).waitFor();
    assert.equal(await value.getAttribute('aria-invalid'), 'true');
    await value.fill('1');
    await page.locator(byTestId('hp-convBlocks-error')).waitFor({ state: 'detached' });

    // By keyboard: the mode radios are one tab stop; arrows move between Search, Fixed and Off.
    await page.locator(byTestId('hp-batchNormalization-RANGE')).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    assert.ok(await page.locator(byTestId('hp-batchNormalization-OFF')).isChecked());
    // The row re-renders on the next change detection, after the radio's change event.
    await page.locator(byTestId('hp-batchNormalization')).filter({ hasText: /Architecture default: yes/ }).waitFor();
  });

  it('has no serious accessibility violations on the form, fits 375 px, and looks right wide (screenshots)', async () => {
    await page.locator(byTestId('field-mode')).selectOption('HEALTH_AWARE');
    await page.locator(byTestId('health-weights')).waitFor();
    const violations = await findSeriousAccessibilityViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    await checkWidths(page, 'new-study');
    await page.locator(byTestId('field-mode')).selectOption('SIMPLE');
  });

  it('starts a tiny study whose search-space summary shows the Fixed and Off choices', async () => {
    await page.locator(byTestId('field-pruner')).selectOption('NONE');
    const budgets = { trials: '1', parallelism: '1', epochs: '1', trainSubsetSize: '300', finalModelEpochs: '1', finalModelTrainSubsetSize: '300', seed: '7' };
    for (const [field, value] of Object.entries(budgets)) await page.locator(byTestId(`field-${field}`)).fill(value);
    await page.locator(byTestId('field-name')).fill(`e2e-search-space-${Date.now()}`);
    await page.locator(byTestId('start-study')).click();

    await page.waitForURL((url) => /^\/studies\/[^/]+$/.test(url.pathname) && url.pathname !== '/studies/new', { timeout: 60_000 });
    studyId = new URL(page.url()).pathname.split('/').at(-1)!;
    const summary = page.locator(byTestId('search-space'));
    await page.locator('#search-space-title').waitFor();
    await page.locator('section[aria-labelledby="search-space-title"] details > summary').click();
    const row = (name: string) => summary.locator('tr', { has: page.locator(`code:text-is("${name}")`) });
    assert.match(await row('convBlocks').innerText(), /Fixed\s+1/);
    assert.match(await row('batchNormalization').innerText(), /Off\s+architecture default/);
    assert.match(await row('learningRate').innerText(), /Searched/);
  });

  it('lists the worker with its TF.js backend on the workers page, linked from the navigation', async () => {
    await page.locator(byTestId('nav-workers')).click();
    await page.waitForURL(/\/workers$/);
    assert.equal(await page.title(), 'Workers · Hyperscope');
    const backend = page.locator(byTestId('worker-backend')).first();
    await backend.waitFor();
    assert.match(await backend.innerText(), /^(tensorflow-gpu|tensorflow|webgpu|wasm|cpu)$/);

    const violations = await findSeriousAccessibilityViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    await checkWidths(page, 'workers');
  });

  it('deletes the study from the list after confirmation, once it has stopped', async () => {
    assert.ok(session);
    await page.goto(`${session.server.baseUrl}/studies/${studyId}`);
    const cancel = page.locator(byTestId('cancel-study'));
    if (await cancel.isVisible()) await cancel.click();
    await page.waitForFunction(
      (selector) => /CANCELLED|COMPLETE|FAILED/.test(document.querySelector(selector)?.textContent ?? ''),
      byTestId('study-state'),
      { timeout: 5 * 60_000, polling: 500 },
    );

    await page.goto(`${session.server.baseUrl}/studies`);
    const row = page.locator(byTestId(`study-row-${studyId}`));
    await row.waitFor();
    await page.locator(byTestId(`delete-study-${studyId}`)).click();
    await page.locator(byTestId('delete-dialog')).waitFor();
    await page.locator(byTestId('delete-cancel')).click();
    assert.ok(await row.isVisible(), '"Keep it" keeps the study');

    await page.locator(byTestId(`delete-study-${studyId}`)).click();
    await page.locator(byTestId('delete-confirm')).click();
    await row.waitFor({ state: 'detached' });
  });

  it('logs no errors in the browser', () => {
    assert.deepEqual(session?.browserErrors, []);
  });
});
