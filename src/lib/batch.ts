/**
 * Statements that many jobs of one process make at the same moment (a fan-out: the claim before
 * each post, the SENT mark after it), sent to PostgreSQL as one statement and one commit.
 *
 * A request goes out on the next turn of the event loop, together with every request made in the
 * same turn. While `inFlight` batches are running, new requests wait and leave together as soon as
 * one returns: batches form by themselves under load, and a lone request costs no extra wait.
 * The batch function answers each input in order (one statement: all of them commit, or none, and
 * an error reaches every caller of that batch).
 */
export interface BatchOptions {
  /** Inputs in one statement at most. */
  maxBatch: number;
  /** Batches running at once. */
  inFlight: number;
}

interface Pending<I, O> {
  input: I;
  resolve(value: O): void;
  reject(err: unknown): void;
}

export class Batcher<I, O> {
  private queue: Pending<I, O>[] = [];
  private running = 0;
  private scheduled = false;

  constructor(
    private readonly run: (inputs: I[]) => Promise<O[]>,
    private readonly options: BatchOptions = { maxBatch: 50, inFlight: 1 },
  ) {}

  load(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.running >= this.options.inFlight || this.queue.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    while (this.running < this.options.inFlight && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxBatch);
      this.running += 1;
      let outputs: Promise<O[]>;
      try {
        outputs = this.run(batch.map((p) => p.input));
      } catch (err) {
        outputs = Promise.reject(err);
      }
      outputs
        .then(
          (out) => {
            if (out.length !== batch.length) throw new Error(`a batch of ${batch.length} answered ${out.length}`);
            batch.forEach((p, i) => p.resolve(out[i]));
          },
          (err: unknown) => batch.forEach((p) => p.reject(err)),
        )
        .catch((err: unknown) => batch.forEach((p) => p.reject(err)))
        .finally(() => {
          this.running -= 1;
          this.schedule();
        });
    }
  }
}
