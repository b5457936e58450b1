import { describe, expect, it } from 'vitest';
import { LatestWins } from '../../renderer/src/data/preview-scheduler.js';

/* The live preview's scheduling (#18 §2): latest wins, no window, nothing queued behind. */

/** A send whose answers the test releases one by one. */
function harness() {
  const sent: number[] = [];
  const answers: ((v: string) => void)[] = [];
  const failures: ((e: unknown) => void)[] = [];
  const shown: [string, number][] = [];
  const errors: unknown[] = [];
  const s = new LatestWins<number, string>(
    (n) => {
      sent.push(n);
      return new Promise<string>((ok, fail) => {
        answers.push(ok);
        failures.push(fail);
      });
    },
    (out, n) => shown.push([out, n]),
    (e) => errors.push(e),
  );
  const answer = async (i: number, v: string) => {
    answers[i]!(v);
    await new Promise((r) => setTimeout(r));
  };
  return { s, sent, shown, errors, answer, failures };
}

describe('latest-wins preview scheduling', () => {
  it('sends the first edit at once, in the same task', () => {
    const { s, sent } = harness();
    s.request(1);
    expect(sent).toEqual([1]);
    expect(s.busy).toBe(true);
  });

  it('while one is out, edits collapse into the newest, sent the moment the answer is back', async () => {
    const { s, sent, shown, answer } = harness();
    s.request(1);
    s.request(2);
    s.request(3);
    s.request(4);
    expect(sent).toEqual([1]);
    await answer(0, 'svg1');
    expect(sent).toEqual([1, 4]);
    expect(shown).toEqual([['svg1', 1]]);
    await answer(1, 'svg4');
    expect(shown).toEqual([
      ['svg1', 1],
      ['svg4', 4],
    ]);
    expect(s.busy).toBe(false);
    expect(s.sent).toBe(2);
  });

  it('the next request leaves before the answer is drawn (drawing overlaps the next layout)', async () => {
    const order: string[] = [];
    let release!: () => void;
    const s = new LatestWins<number, number>(
      (n) => {
        order.push(`send ${n}`);
        return n === 1 ? new Promise<number>((ok) => (release = () => ok(1))) : new Promise<number>(() => undefined);
      },
      (out) => order.push(`show ${out}`),
      () => undefined,
    );
    s.request(1);
    s.request(2);
    release();
    await new Promise((r) => setTimeout(r));
    expect(order).toEqual(['send 1', 'send 2', 'show 1']);
  });

  it('a failed request reports its error and the newest edit still goes out', async () => {
    const { s, sent, errors, failures, shown } = harness();
    s.request(1);
    s.request(2);
    failures[0]!(new Error('断开'));
    await new Promise((r) => setTimeout(r));
    expect(errors).toHaveLength(1);
    expect(sent).toEqual([1, 2]);
    expect(shown).toEqual([]);
  });

  it('clear forgets the edit waiting to go out (the editor closed)', async () => {
    const { s, sent, answer } = harness();
    s.request(1);
    s.request(2);
    s.clear();
    await answer(0, 'svg1');
    expect(sent).toEqual([1]);
    expect(s.busy).toBe(false);
  });

  it('with answers back at once, every edit is sent and shown in order: no fixed window delays any', async () => {
    const shown: number[] = [];
    const s = new LatestWins<number, number>(
      async (n) => n,
      (n) => shown.push(n),
      () => undefined,
    );
    for (let i = 1; i <= 5; i++) {
      s.request(i);
      await new Promise((r) => setTimeout(r));
    }
    expect(shown).toEqual([1, 2, 3, 4, 5]);
  });
});
