import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ConnectionStatus, Heartbeat } from '../server-status/heartbeat-state';

const STATUS_LABELS: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
};

/** Presents the live connection: a status pill and the last heartbeat received. */
@Component({
  selector: 'hs-heartbeat-indicator',
  imports: [DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './heartbeat-indicator.html',
  styleUrls: ['./card.css', './heartbeat-indicator.css'],
  host: { role: 'region', 'aria-labelledby': 'heartbeat-title' },
})
export class HeartbeatIndicator {
  readonly status = input.required<ConnectionStatus>();
  readonly last = input.required<Heartbeat | null>();

  protected readonly statusLabel = computed(() => STATUS_LABELS[this.status()]);
}
