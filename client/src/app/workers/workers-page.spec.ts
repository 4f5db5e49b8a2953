import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';
import { WorkerChangesDocument, WorkersDocument } from '../graphql/generated/graphql';
import { WorkersPage } from './workers-page';
import { WORKERS_POLL_MS } from './workers.service';

const worker = (id: string, extra: Record<string, unknown> = {}) => ({
  __typename: 'Worker',
  id,
  host: 'lab-1',
  pid: 4242,
  backend: 'wasm',
  device: null,
  alive: true,
  gpu: false,
  runningTrials: 1,
  heartbeatAt: '2026-11-27T09:00:00.000Z',
  startedAt: '2026-11-27T08:00:00.000Z',
  stoppedAt: null,
  ...extra,
});

describe('WorkersPage', () => {
  let fixture: ComponentFixture<WorkersPage>;
  let apollo: ApolloTestingController;
  const element = () => fixture.nativeElement as HTMLElement;

  beforeEach(() => {
    vi.useFakeTimers();
    TestBed.configureTestingModule({ imports: [WorkersPage, ApolloTestingModule] });
    fixture = TestBed.createComponent(WorkersPage);
    apollo = TestBed.inject(ApolloTestingController);
  });

  afterEach(() => {
    fixture.destroy();
    vi.useRealTimers();
  });

  it('lists each worker with its backend, its device where it has one, and state, and reads again on a timer and when one joins', async () => {
    const changes = apollo.expectOne(WorkerChangesDocument);
    await vi.advanceTimersByTimeAsync(0);
    apollo.expectOne(WorkersDocument).flushData({ workers: [worker('w1'), worker('w2', { backend: 'webgpu', device: 'vulkan: NVIDIA H100', gpu: true, runningTrials: 0 })] });
    await vi.advanceTimersByTimeAsync(0);
    fixture.detectChanges();

    const rows = [...element().querySelectorAll('[data-testid^="worker-w"]')];
    expect(rows.map((row) => row.querySelector('[data-testid="worker-backend"]')?.textContent)).toEqual(['wasm', 'webgpu']);
    expect(rows.map((row) => row.querySelector('[data-testid="worker-device"]')?.textContent ?? null)).toEqual([null, 'vulkan: NVIDIA H100']);
    expect(rows.map((row) => row.querySelector('[data-testid="worker-gpu"]') !== null)).toEqual([false, true]);
    expect(rows.map((row) => row.querySelector('[data-testid="worker-state"]')?.textContent)).toEqual(['training', 'idle']);

    await vi.advanceTimersByTimeAsync(WORKERS_POLL_MS);
    apollo.expectOne(WorkersDocument).flushData({ workers: [worker('w1', { alive: false })] });
    await vi.advanceTimersByTimeAsync(0);
    fixture.detectChanges();
    expect(element().querySelector('[data-testid="worker-state"]')?.textContent).toBe('no heartbeat');

    changes.flushData({ workers: { __typename: 'WorkerChange', event: { __typename: 'StudyEvent', sequence: 9, type: 'WORKER_LEFT' }, worker: null } });
    await vi.advanceTimersByTimeAsync(0);
    apollo.expectOne(WorkersDocument).flushData({ workers: [] });
    await vi.advanceTimersByTimeAsync(0);
    fixture.detectChanges();
    expect(element().querySelector('[data-testid="no-workers"]')).not.toBeNull();
  });
});
