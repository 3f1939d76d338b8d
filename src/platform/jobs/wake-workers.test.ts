// Which of a queue's workers fetch now: a new job wakes idle workers (one per job), never every
// worker; a finished job of a keyed queue wakes the busy ones (the finisher among them), since its
// key frees only once pg-boss has marked it completed, after the handler returned.
import { describe, expect, it } from 'vitest';
import { wakeAfterKeyedCompletion, wakeWorkers } from './job-queue.ts';

function workers(...kinds: Array<'idle' | 'busy' | 'stopping'>) {
  const woken: number[] = [];
  const list = kinds.map((kind, i) => ({
    state: kind === 'stopping' ? 'stopping' : 'active',
    busy: kind === 'busy',
    notify: () => woken.push(i),
  }));
  return { list, woken };
}

describe('wakeWorkers (new jobs)', () => {
  it('wakes as many idle workers as there are new jobs, not the busy ones', () => {
    const one = workers('busy', 'idle', 'idle', 'idle');
    wakeWorkers(one.list);
    expect(one.woken).toEqual([1]);
    const two = workers('busy', 'idle', 'idle', 'idle');
    wakeWorkers(two.list, 2);
    expect(two.woken).toEqual([1, 2]);
  });

  it('with none idle, marks every busy worker to fetch again when done; never a stopping one', () => {
    const { list, woken } = workers('busy', 'stopping', 'busy');
    wakeWorkers(list);
    expect(woken).toEqual([0, 2]);
  });
});

describe('wakeAfterKeyedCompletion', () => {
  it('wakes the busy workers (the one finishing included), not the idle ones that would fetch too early', () => {
    const { list, woken } = workers('idle', 'busy', 'idle', 'busy', 'stopping');
    wakeAfterKeyedCompletion(list);
    expect(woken).toEqual([1, 3]);
  });
});
