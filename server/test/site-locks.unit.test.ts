import { describe, expect, it } from 'vitest';
import { SiteLocks } from '../src/pipeline/site-locks.js';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('SiteLocks', () => {
  it('runs work for one site one at a time, in order, and keeps going after a failure', async () => {
    const locks = new SiteLocks();
    const events: string[] = [];
    const step = (name: string, fail = false) =>
      locks.run('a', async () => {
        events.push(`${name} start`);
        await tick(5);
        events.push(`${name} end`);
        if (fail) throw new Error(name);
        return name;
      });
    const results = await Promise.allSettled([step('one'), step('two', true), step('three')]);
    expect(events).toEqual(['one start', 'one end', 'two start', 'two end', 'three start', 'three end']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('lets different sites run at the same time', async () => {
    const locks = new SiteLocks();
    let running = 0;
    let most = 0;
    const work = () => async () => {
      running++;
      most = Math.max(most, running);
      await tick(10);
      running--;
    };
    await Promise.all([locks.run('a', work()), locks.run('b', work()), locks.run('c', work())]);
    expect(most).toBe(3);
  });
});
