import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { HeartbeatService } from '../server-status/heartbeat.service';
import { ServerInfoService } from '../server-status/server-info.service';
import { HeartbeatIndicator } from './heartbeat-indicator';
import { ServerInfoCard } from './server-info-card';

/** Home page: what the server is and whether the live connection to it works. */
@Component({
  selector: 'hs-dashboard',
  imports: [ServerInfoCard, HeartbeatIndicator],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './dashboard.html',
  styleUrl: './dashboard.css',
})
export class Dashboard {
  protected readonly serverInfo = inject(ServerInfoService);
  protected readonly heartbeat = inject(HeartbeatService);
}
