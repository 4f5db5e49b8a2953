import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { StudyListService } from '../studies/study-list.service';
import { StudyTable } from '../studies/study-table';
import { HeartbeatService } from '../server-status/heartbeat.service';
import { ServerInfoService } from '../server-status/server-info.service';
import { HeartbeatIndicator } from './heartbeat-indicator';
import { ServerInfoCard } from './server-info-card';

/** Home page: what the server is, whether the live connection to it works, and the studies. */
@Component({
  selector: 'hs-dashboard',
  imports: [ServerInfoCard, HeartbeatIndicator, StudyTable, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './dashboard.html',
  styleUrl: './dashboard.css',
})
export class Dashboard {
  protected readonly serverInfo = inject(ServerInfoService);
  protected readonly heartbeat = inject(HeartbeatService);
  protected readonly studies = inject(StudyListService);
}
