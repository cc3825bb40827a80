import { Batcher } from '../../src/lib/batch';

/** A batch function that records each batch and answers when told to. */
function recorder<I, O>(answer: (i: I) => O) {
  const batches: I[][] = [];
  const gates: { release: () => void; fail: (e: Error) => void }[] = [];
  const run = (inputs: I[]) => {
    batches.push(inputs);
    return new Promise<O[]>((resolve, reject) => {
      gates.push({ release: () => resolve(inputs.map(answer)), fail: reject });
    });
  };
  return { batches, gates, run };
}

const turn = () => new Promise((r) => setImmediate(r));

describe('Batcher: the statements of jobs running at once go as one', () => {
  it('sends the requests of one turn together and answers each caller with its own result', async () => {
    const r = recorder((k: string) => `row of ${k}`);
    const b = new Batcher(r.run, { maxBatch: 50, inFlight: 2 });
    const answers = Promise.all(['a', 'b', 'c'].map((k) => b.load(k)));
    await turn();
    expect(r.batches).toEqual([['a', 'b', 'c']]);
    r.gates[0].release();
    await expect(answers).resolves.toEqual(['row of a', 'row of b', 'row of c']);
  });

  it('a lone request goes at once, and requests made while the batches are running leave together when one returns', async () => {
    const r = recorder((k: number) => k * 10);
    const b = new Batcher(r.run, { maxBatch: 50, inFlight: 1 });
    const first = b.load(1);
    await turn();
    expect(r.batches).toEqual([[1]]);
    const later = [2, 3, 4].map((k) => b.load(k));
    await turn();
    await turn();
    expect(r.batches).toEqual([[1]]); // waiting for the batch in flight
    r.gates[0].release();
    await expect(first).resolves.toBe(10);
    await turn();
    await turn();
    expect(r.batches).toEqual([[1], [2, 3, 4]]);
    r.gates[1].release();
    await expect(Promise.all(later)).resolves.toEqual([20, 30, 40]);
  });

  it('never puts more than maxBatch in one statement', async () => {
    const r = recorder((k: number) => k);
    const b = new Batcher(r.run, { maxBatch: 2, inFlight: 3 });
    const all = Promise.all([1, 2, 3, 4, 5].map((k) => b.load(k)));
    await turn();
    expect(r.batches).toEqual([[1, 2], [3, 4], [5]]);
    r.gates.forEach((g) => g.release());
    await expect(all).resolves.toEqual([1, 2, 3, 4, 5]);
  });

  it('a failed statement fails every caller of that batch and no other; the next batch still runs', async () => {
    const r = recorder((k: string) => k.toUpperCase());
    const b = new Batcher(r.run, { maxBatch: 50, inFlight: 1 });
    const failed = [b.load('x'), b.load('y')];
    await turn();
    const next = b.load('z');
    r.gates[0].fail(new Error('connection lost'));
    for (const p of failed) await expect(p).rejects.toThrow('connection lost');
    await turn();
    expect(r.batches).toEqual([['x', 'y'], ['z']]);
    r.gates[1].release();
    await expect(next).resolves.toBe('Z');
  });

  it('a batch function that answers the wrong number of rows fails its callers instead of mixing answers up', async () => {
    const b = new Batcher(async (inputs: number[]) => inputs.slice(1), { maxBatch: 50, inFlight: 1 });
    const both = [b.load(1), b.load(2)];
    for (const p of both) await expect(p).rejects.toThrow('a batch of 2 answered 1');
  });

  it('a batch function that throws before returning a promise fails its callers', async () => {
    const b = new Batcher<number, number>(() => {
      throw new Error('bad input');
    });
    await expect(b.load(1)).rejects.toThrow('bad input');
  });
});
