import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { LayerStackThumbnail } from '../architecture/layer-stack-thumbnail';
import { keyParamsOf } from './key-params';
import type { StudyTrial } from './study-detail.service';
import { lastValAccuracy, scoreColour, TrialColouring, trialScores } from './trial-colour';

/**
 * A study's trials as cards linking to their pages: architecture thumbnail, accuracy, health, key parameters
 * and state, coloured by performance or by health (toggle), the best trial marked.
 */
@Component({
  selector: 'hs-trial-gallery',
  imports: [DecimalPipe, RouterLink, LayerStackThumbnail],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (trials().length === 0) {
      <p class="empty-note">No trial has started yet.</p>
    } @else {
      <fieldset class="colouring">
        <legend>Colour cards by</legend>
        <label><input type="radio" name="trial-colouring" value="performance" [checked]="colouring() === 'performance'" (change)="colouring.set('performance')" data-testid="colour-by-performance" /> Accuracy</label>
        <label><input type="radio" name="trial-colouring" value="health" [checked]="colouring() === 'health'" (change)="colouring.set('health')" data-testid="colour-by-health" /> Health</label>
        <span class="scale" aria-hidden="true"><span>low</span><span class="scale__bar"></span><span>high</span></span>
      </fieldset>
      <ul class="gallery" data-testid="trial-gallery">
        @for (card of cards(); track card.id) {
          <li>
            <a
              class="card"
              [class.is-best]="card.best"
              [routerLink]="['/studies', studyId(), 'trials', card.id]"
              [style.--score-colour]="card.colour"
              [attr.data-testid]="'trial-card-' + card.number"
              [attr.data-score]="card.score"
            >
              <span class="card__head">
                <span class="card__title">Trial {{ card.number }}</span>
                @if (card.best) {
                  <span class="best-badge">Best</span>
                }
                <span class="state-badge" [attr.data-state]="card.state">{{ card.state }}</span>
              </span>
              <span class="card__body">
                @if (card.architecture) {
                  <hs-layer-stack-thumbnail class="card__thumb" [layers]="card.architecture" />
                }
                <span class="card__facts">
                  <span><span class="muted">Accuracy</span> {{ card.accuracy === null ? '—' : (card.accuracy * 100 | number: '1.1-1') + ' %' }}</span>
                  <span><span class="muted">Health</span> {{ card.health === null ? '—' : (card.health | number: '1.2-2') }}</span>
                  @if (card.layers) {
                    <span><span class="muted">Layers</span> {{ card.layers }}</span>
                  }
                </span>
              </span>
              <span class="card__params">{{ card.params }}</span>
            </a>
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .colouring {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--space-2) var(--space-4);
      margin: 0 0 var(--space-3);
      padding: 0;
      border: 0;
    }
    .colouring legend {
      float: left;
      padding: 0;
      margin-right: var(--space-2);
      color: var(--color-text-muted);
    }
    .colouring label {
      display: inline-flex;
      align-items: center;
      gap: var(--space-1);
      cursor: pointer;
    }
    .scale {
      display: inline-flex;
      align-items: center;
      gap: var(--space-1);
      color: var(--color-text-muted);
      font-size: 0.8125rem;
    }
    .scale__bar {
      width: 4rem;
      height: 0.5rem;
      border-radius: var(--radius-pill);
      background: linear-gradient(90deg, hsl(0 70% 42%), hsl(60 70% 42%), hsl(120 70% 42%));
    }
    .gallery {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr));
      gap: var(--space-3);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .card {
      display: flex;
      flex-direction: column;
      gap: var(--space-2);
      height: 100%;
      padding: var(--space-3);
      border: 1px solid var(--color-border);
      border-top: 6px solid var(--score-colour);
      border-radius: var(--radius-md);
      background: var(--color-surface);
      color: var(--color-text);
      text-decoration: none;
      box-shadow: var(--shadow-sm);
    }
    .card:hover {
      box-shadow: var(--shadow-md);
    }
    .card:focus-visible {
      outline-offset: 3px;
      border-radius: var(--radius-md);
    }
    .card.is-best {
      border-color: var(--color-success);
      border-top-color: var(--score-colour);
      box-shadow: 0 0 0 2px var(--color-success);
    }
    .card__head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--space-2);
    }
    .card__title {
      font-weight: 700;
      margin-right: auto;
    }
    .card__body {
      display: flex;
      gap: var(--space-3);
      align-items: flex-start;
    }
    .card__thumb {
      flex: none;
      max-height: 7rem;
      overflow: hidden;
    }
    .card__facts {
      display: grid;
      gap: var(--space-1);
      font-variant-numeric: tabular-nums;
      font-weight: 600;
    }
    .muted {
      display: inline-block;
      min-width: 4.75rem;
      color: var(--color-text-muted);
      font-weight: 400;
      font-size: 0.875rem;
    }
    .card__params {
      color: var(--color-text-muted);
      font-family: var(--font-mono);
      font-size: 0.75rem;
      overflow-wrap: anywhere;
    }
  `,
})
export class TrialGallery {
  readonly studyId = input.required<string>();
  readonly trials = input.required<readonly StudyTrial[]>();
  readonly bestTrialNumber = input<number | null>(null);

  protected readonly colouring = signal<TrialColouring>('performance');

  protected readonly cards = computed(() => {
    const scores = trialScores(this.trials(), this.colouring());
    return this.trials().map((trial) => {
      const score = scores.get(trial.id) ?? null;
      const layers = trial.architecture?.layers ?? null;
      return {
        id: trial.id,
        number: trial.number,
        state: trial.state,
        best: trial.number === this.bestTrialNumber(),
        accuracy: lastValAccuracy(trial),
        health: trial.health?.composite ?? null,
        params: keyParamsOf(trial.params),
        architecture: layers,
        layers: layers?.length ?? 0,
        score: score === null ? null : score.toFixed(3),
        colour: scoreColour(score),
      };
    });
  });
}
