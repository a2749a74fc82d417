import { JOB, JOB_QUEUE, QUEUE, isJobName } from './queues';

describe('job catalogue', () => {
  it('routes every job to a known queue', () => {
    for (const job of Object.values(JOB)) expect(Object.values(QUEUE)).toContain(JOB_QUEUE[job]);
  });
  it('recognises only catalogued job names', () => {
    expect(isJobName('render-inquiry-letter')).toBe(true);
    expect(isJobName('toString')).toBe(false);
    expect(isJobName('drop-database')).toBe(false);
  });
});
