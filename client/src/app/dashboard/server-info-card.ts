import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { DatabaseKind } from '../graphql/generated/graphql';
import { ServerInfoState } from '../server-status/server-info-state';

const DATABASE_KIND_LABELS: Record<DatabaseKind, string> = {
  EMBEDDED: 'Embedded PostgreSQL',
  EXTERNAL: 'External PostgreSQL',
};

/** Presents the server's identity, or a skeleton while loading, or why it cannot be reached. */
@Component({
  selector: 'hs-server-info-card',
  imports: [DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './server-info-card.html',
  styleUrls: ['./card.css', './server-info-card.css'],
  host: { role: 'region', 'aria-labelledby': 'server-info-title' },
})
export class ServerInfoCard {
  readonly state = input.required<ServerInfoState>();
  readonly retry = output<void>();

  protected readonly databaseKindLabels = DATABASE_KIND_LABELS;
  protected readonly skeletonRows = [0, 1, 2, 3];
}
