import { QUEUE } from './job';
import { JOBS, jobNamed } from './registry';

describe('the job registry', () => {
  it('names every job once, each on a known queue, with a payload schema', () => {
    expect(new Set(JOBS.map((j) => j.name)).size).toBe(JOBS.length);
    for (const job of JOBS) {
      expect(Object.values(QUEUE)).toContain(job.queue);
      expect(job.payload.safeParse({}).success).toBe(false);
    }
  });

  it('knows only its own jobs', () => {
    expect(jobNamed('render-inquiry-letter')?.name).toBe('render-inquiry-letter');
    expect(jobNamed('toString')).toBeUndefined();
    expect(jobNamed('drop-database')).toBeUndefined();
  });

  it('checks a payload before it is written', () => {
    const job = jobNamed('render-print-run')!;
    expect(job.payload.safeParse({ printRunId: 'not-a-uuid' }).success).toBe(false);
    expect(job.payload.safeParse({ printRunId: '3f1c1d2e-0b7a-4a56-9c3e-2b1d5f6a7e8c' }).success).toBe(true);
  });
});
