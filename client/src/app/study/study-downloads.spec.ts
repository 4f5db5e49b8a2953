import { ComponentFixture, TestBed } from '@angular/core/testing';
import { StudyDownloads } from './study-downloads';

const download = (kind: string, fileName: string) => ({ kind, fileName, url: `/downloads/${kind}/${fileName}`, contentType: 'application/octet-stream', sizeBytes: 1 });

describe('StudyDownloads', () => {
  let fixture: ComponentFixture<StudyDownloads>;
  const labels = () => [...(fixture.nativeElement as HTMLElement).querySelectorAll('li')].map((li) => li.textContent?.trim());

  beforeEach(() => {
    fixture = TestBed.createComponent(StudyDownloads);
  });

  it('lists the expected files first (pending ones greyed), then the study’s other artifacts, without per-trial plots', async () => {
    fixture.componentRef.setInput('downloads', [
      download('trials_csv', 'trials.csv'),
      download('FINAL_MODEL', 'final_model.zip'),
      download('TRIAL_PLOT', 'training_history.png'),
      download('FINAL_MODEL_PLOT', 'final_history.png'),
    ]);
    await fixture.whenStable();

    expect(labels()).toEqual([
      'Trials (CSV)',
      expect.stringMatching(/^Best hyperparameters \(YAML\)\s+\(not available yet\)$/),
      expect.stringMatching(/^Best architecture \(JSON\)\s+\(not available yet\)$/),
      'Final model (zip)',
      'final_history.png',
    ]);
  });
});
