// End-to-end run of a whole study through the dashboard: the form starts a tiny 3-trial MNIST study on the
// real server with two training workers, the study page follows it to 100 % (final model included), and the
// final model downloads as a valid TF.js model. Run after `nx run-many -t build`; needs the datasets in
// ../shared/datasets.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describeViolations, findSeriousAccessibilityViolations } from './support/accessibility-scan.js';
import { byTestId } from './support/by-test-id.js';
import { datasetsDir, outputDir } from './support/e2e-paths.js';
import { type StudySession, startStudySession } from './support/study-session.js';

/**
 * Three trials (two at a time) and the final model: ~10–30 s each on an idle two-core machine, but over a minute each while
 * other builds share the cores.
 */
const STUDY_TIMEOUT_MS = 8 * 60_000;

describe('a study started from the dashboard', { timeout: STUDY_TIMEOUT_MS + 120_000, skip: !existsSync(path.join(datasetsDir, 'mnist')) && `no MNIST in ${datasetsDir}` }, () => {
  let session: StudySession | undefined;
  let page: Page;
  let studyUrl = '';

  before(async () => {
    session = await startStudySession({
      logName: 'study',
      trainingWorkers: 2,
      defaultTimeoutMs: 20_000,
      // A refused mutation is logged by the browser as a failed request; the form shows it, so it is expected.
      isExpectedConsoleError: (text) => text.includes('status of 400'),
    });
    page = session.page;
  });

  after(async () => {
    await session?.close();
  });

  it('shows the datasets with their sample images in the new-study form', async () => {
    assert.ok(session);
    await page.goto(`${session.server.baseUrl}/studies/new`);

    await page.locator(`${byTestId('field-dataset')} option[value="mnist"]`).waitFor({ state: 'attached' });
    assert.equal(await page.title(), 'New study · Hyperscope');
    await page.locator(byTestId('field-dataset')).selectOption('mnist');
    await page.locator(byTestId('dataset-details')).waitFor();
    const sprite = page.locator(byTestId('dataset-sprite'));
    assert.equal(await sprite.getAttribute('src'), '/datasets/mnist/sprite.png');
    await page.waitForFunction((selector) => ((document.querySelector(selector) as HTMLImageElement | null)?.naturalWidth ?? 0) > 0, byTestId('dataset-sprite'));
  });

  it('puts the server\'s refusal next to the field it names', async () => {
    await page.locator(byTestId('field-trials')).fill('1000000000');
    await page.locator(byTestId('start-study')).click();

    await page.locator(byTestId('error-trials')).waitFor();
    assert.equal(await page.locator(byTestId('field-trials')).getAttribute('aria-invalid'), 'true');
    assert.match(page.url(), /\/studies\/new$/);
  });

  it('starts a 3-trial study with tiny budgets and opens its page', async () => {
    await page.locator(byTestId('field-mode')).selectOption('SIMPLE');
    await page.locator(byTestId('field-pruner')).selectOption('NONE');
    const budgets = { trials: '3', parallelism: '2', epochs: '1', trainSubsetSize: '300', finalModelEpochs: '1', finalModelTrainSubsetSize: '300' };
    for (const [field, value] of Object.entries(budgets)) await page.locator(byTestId(`field-${field}`)).fill(value);
    await page.locator(byTestId('field-name')).fill(`e2e-mnist-${Date.now()}`);
    assert.equal(await page.locator(byTestId('error-trials')).count(), 0, 'editing the field clears the server error');

    await page.locator(byTestId('start-study')).click();

    await page.waitForURL((url) => /^\/studies\/[^/]+$/.test(url.pathname) && url.pathname !== '/studies/new', { timeout: 60_000 });
    studyUrl = page.url();
    await page.locator(byTestId('study-progress')).waitFor();
  });

  it('fills the progress bar to 100 %, through the labelled final-model phase', { timeout: STUDY_TIMEOUT_MS }, async () => {
    // Record every label the bar shows: the final-model phase may last only a few seconds. A string, so the
    // test's TypeScript transform adds no helpers the page lacks.
    await page.evaluate(`(() => {
      const seen = (window.progressLabels = []);
      const record = () => {
        const text = document.querySelector('${byTestId('progress-label')}')?.textContent?.trim() ?? '';
        if (text && seen.at(-1) !== text) seen.push(text);
      };
      record();
      new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true });
    })()`);

    await page.waitForFunction(
      (selector) => document.querySelector(selector)?.getAttribute('aria-valuenow') === '100',
      byTestId('study-progress'),
      { timeout: STUDY_TIMEOUT_MS, polling: 500 },
    );

    const labels = await page.evaluate(() => (window as unknown as { progressLabels: string[] }).progressLabels);
    assert.ok(labels.some((label) => /trials done/.test(label)), `trial progress was shown: ${JSON.stringify(labels)}`);
    assert.ok(labels.includes('Training final model: epoch 1 of 1'), `the final-model phase was shown: ${JSON.stringify(labels)}`);
    assert.equal((await page.locator(byTestId('study-state')).innerText()).trim(), 'COMPLETE');
    // At least the planned two: under CPU starvation the server may take a slow worker for dead and retry its
    // trial as another one, and the slow trial may still complete.
    await page.waitForFunction((selector) => Number(document.querySelector(selector)?.textContent) >= 2, byTestId('count-complete'));
    assert.equal(await page.locator('[data-testid^="trial-"] .best-mark').count(), 1, 'one trial is marked best');
  });

  it('offers the final model as a zip once it exists', async () => {
    assert.ok(session);
    const link = page.locator(`a${byTestId('download-final_model')}`);
    await link.waitFor();
    const href = await link.getAttribute('href');
    assert.ok(href);

    const response = await fetch(new URL(href, session.server.baseUrl));
    const body = Buffer.from(await response.arrayBuffer());
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/zip');
    assert.equal(body.subarray(0, 2).toString('latin1'), 'PK', 'the body is a zip archive');
    // A valid TF.js layers model: a topology, and a weights file holding exactly the float32 weights it lists.
    const files = unzipSync(new Uint8Array(body));
    const model = JSON.parse(strFromU8(files['model.json']!)) as {
      modelTopology: { config?: { layers?: unknown[] } };
      weightsManifest: { paths: string[]; weights: { shape: number[]; dtype: string }[] }[];
    };
    assert.ok((model.modelTopology.config?.layers?.length ?? 0) > 2, 'model.json describes the layers');
    const [group] = model.weightsManifest;
    assert.deepEqual(group?.paths, ['weights.bin']);
    const listedBytes = group!.weights.reduce((sum, weight) => sum + 4 * weight.shape.reduce((a, b) => a * b, 1), 0);
    assert.ok(group!.weights.every((weight) => weight.dtype === 'float32'));
    assert.equal(files['weights.bin']?.byteLength, listedBytes, 'weights.bin holds every listed weight');
    assert.ok(files['metadata.json'], 'the zip carries the study metadata');
    for (const kind of ['trials_csv', 'best_hyperparameters', 'architecture_json']) {
      assert.equal(await page.locator(`a${byTestId(`download-${kind}`)}`).count(), 1, `${kind} is downloadable`);
    }
  });

  it('lists the study with its progress and best score', async () => {
    assert.ok(session);
    await page.goto(`${session.server.baseUrl}/studies`);
    const studyId = studyUrl.split('/').at(-1) ?? '';
    const row = page.locator(byTestId(`study-row-${studyId}`));
    await row.waitFor();
    assert.match(await row.innerText(), /COMPLETE[\s\S]*mnist[\s\S]*3 \/ 3/);
    const violations = await findSeriousAccessibilityViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
  });

  it('has no serious accessibility violations on the study page, fits 375 px, and looks right wide (screenshots)', async () => {
    await page.goto(studyUrl);
    await page.locator(`${byTestId('study-progress')}[aria-valuenow="100"]`).waitFor();
    const violations = await findSeriousAccessibilityViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    for (const width of [375, 1440]) {
      await page.setViewportSize({ width, height: width < 800 ? 812 : 900 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the study page is ${overflow} px wider than a ${width} px viewport`);
      await page.screenshot({ path: path.join(outputDir, `study-${width}.png`), fullPage: true, animations: 'disabled' });
    }
  });

  it('opens the best trial from its gallery card by keyboard: curves, diagnostics, health and architecture render (screenshots)', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(studyUrl);
    const bestCard = page.locator('a.is-best[data-testid^="trial-card-"]');
    await bestCard.waitFor();
    assert.ok((await page.locator('[data-testid^="trial-card-"]').count()) >= 2, 'one card per trial');
    assert.equal(await page.locator('a.is-best[data-testid^="trial-card-"]').count(), 1, 'one card is marked best');
    await bestCard.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => /^\/studies\/[^/]+\/trials\/[^/]+$/.test(url.pathname));
    await page.locator(byTestId('trial-best')).waitFor();
    assert.match(await page.title(), /^Trial \d+ · e2e-mnist-/);

    // Every chart and the graph are drawn on a canvas of non-zero size with something on it.
    const charts = ['chart-loss', 'chart-accuracy', 'chart-gradient-norms', 'chart-activations', 'chart-batch-losses'];
    for (const id of charts) {
      const canvas = page.locator(`canvas${byTestId(id)}`);
      await canvas.waitFor();
      const box = await canvas.boundingBox();
      assert.ok(box && box.width > 0 && box.height > 0, `${id} has a size: ${JSON.stringify(box)}`);
      assert.match((await canvas.getAttribute('aria-label')) ?? '', /\d/, `${id} is described with its numbers`);
    }
    await page.waitForFunction((selector) => {
      const graph = document.querySelector(selector);
      return Array.from(graph?.querySelectorAll('canvas') ?? []).some((canvas) => {
        if (canvas.width === 0 || canvas.height === 0) return false;
        const pixels = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
        return false;
      });
    }, byTestId('architecture-graph'));
    assert.ok(Number(await page.locator(byTestId('architecture-graph')).getAttribute('data-layer-count')) >= 3, 'the graph has the layers');
    assert.ok((await page.locator(`${byTestId('architecture-legend')} li`).count()) >= 3, 'the legend names the layer kinds');

    const metrics = page.locator(`${byTestId('health-metrics')} > li`);
    assert.equal(await metrics.count(), 7, 'composite and six health metrics');
    for (const metric of ['neuronUtilization', 'parameterEfficiency', 'trainingStability', 'gradientHealth', 'convergenceQuality', 'accuracyConsistency']) {
      assert.match(await page.locator(byTestId(`health-${metric}`)).innerText(), /\d\.\d\d[\s\S]{20,}/, `${metric} has a value and an explanation`);
    }
    assert.ok((await page.locator(`${byTestId('hyperparameters')} dt`).count()) > 0, 'the hyperparameters are listed');
    // The trial's own plots, found through its ARTIFACT_CREATED events, shown and downloadable.
    await page.locator('[aria-labelledby="files-title"] a[download$=".png"]').first().waitFor();
    assert.ok((await page.locator('[aria-labelledby="files-title"] img').count()) >= 1, 'the plots are previewed');

    const violations = await findSeriousAccessibilityViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    for (const width of [375, 1440]) {
      await page.setViewportSize({ width, height: width < 800 ? 812 : 900 });
      await page.waitForTimeout(300); // Chart.js and Cytoscape redraw on resize
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the trial page is ${overflow} px wider than a ${width} px viewport`);
      const box = await page.locator(`canvas${byTestId('chart-loss')}`).boundingBox();
      assert.ok(box && box.width > 0 && box.width <= width, `the loss chart fits ${width} px: ${JSON.stringify(box)}`);
      await page.screenshot({ path: path.join(outputDir, `trial-${width}.png`), fullPage: true, animations: 'disabled' });
    }
  });

  it('shows the best model with its architecture, health and downloads', async () => {
    await page.goto(studyUrl);
    await page.locator(byTestId('best-model-link')).click();
    await page.waitForURL((url) => url.pathname.endsWith('/best-model'));
    await page.locator(byTestId('best-model-summary')).waitFor();
    await page.locator(`${byTestId('architecture-graph')} canvas`).first().waitFor();
    assert.equal(await page.locator(`${byTestId('health-metrics')} > li`).count(), 7);
    // By file name: a stored artifact (kind BEST_HYPERPARAMETERS) replaces the generated file once it is written.
    assert.equal(await page.locator('a[download="best_hyperparameters.yaml"]').count(), 1, 'its hyperparameters download');
    const violations = await findSeriousAccessibilityViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
  });

  it('says a trial that does not exist is not found', async () => {
    await page.goto(`${studyUrl}/trials/00000000-0000-4000-8000-000000000000`);
    await page.locator(byTestId('trial-not-found')).waitFor();
    assert.equal(await page.locator('h1').innerText(), 'Trial not found');
  });

  it('logs no errors in the browser', () => {
    assert.deepEqual(session?.browserErrors, []);
  });
});
