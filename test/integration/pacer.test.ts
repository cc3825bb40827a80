import crypto from 'node:crypto';
import { Redis } from 'ioredis';
import { RedisPacer, type PacingLimits } from '../../src/jobs/pacer';

/**
 * The posting budget shared by worker processes: two RedisPacer instances on two Redis
 * connections stand for two worker processes of one install.
 */
const url = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const LIMITS: PacingLimits = { postsPerMinute: 600, burst: 3, perChannelPerSecond: 1, channelBurst: 2, holdMs: 0 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** When the slot is, in this process's time (independent of how long the calls themselves take). */
async function slotOf(pacer: RedisPacer, ticket: string, ws: string, channel: string): Promise<number> {
  const wait = await pacer.reserve(ticket, ws, channel);
  return Date.now() + wait;
}

describe('RedisPacer (shared posting budget per workspace)', () => {
  let a: Redis;
  let b: Redis;
  let prefix: string;

  beforeEach(() => {
    a = new Redis(url, { maxRetriesPerRequest: null });
    b = new Redis(url, { maxRetriesPerRequest: null });
    prefix = `pacetest${crypto.randomBytes(4).toString('hex')}`;
  });

  afterEach(async () => {
    const keys = await a.keys(`${prefix}:*`);
    if (keys.length > 0) await a.del(...keys);
    await a.quit();
    await b.quit();
  });

  it('keeps fractional intervals (525 posts a minute) exact over many slots', async () => {
    const one = new RedisPacer(a, prefix, { ...LIMITS, postsPerMinute: 525, burst: 1 });
    const at: number[] = [];
    for (let i = 0; i < 106; i++) at.push(await slotOf(one, `f${i}`, 'T1', `D${i}`));
    // 105 intervals of 60000/525 ms = 12 s after the first.
    expect(at[105] - at[0]).toBeGreaterThan(11_900);
    expect(at[105] - at[0]).toBeLessThan(12_100);
  });

  it('two processes share one workspace budget: a burst, then one slot per interval, in the order asked', async () => {
    const one = new RedisPacer(a, prefix, LIMITS);
    const two = new RedisPacer(b, prefix, LIMITS);
    const at: number[] = [];
    for (let i = 0; i < 10; i++) at.push(await slotOf(i % 2 === 0 ? one : two, `t${i}`, 'T1', `D${i}`));
    // 600/min = one post per 100 ms; a burst of 3 goes at once.
    for (let i = 1; i < 3; i++) expect(at[i] - at[0]).toBeLessThan(60);
    for (let i = 3; i < 10; i++) {
      expect(at[i] - at[0]).toBeGreaterThan((i - 2) * 100 - 60);
      expect(at[i] - at[0]).toBeLessThan((i - 2) * 100 + 60);
      expect(at[i]).toBeGreaterThan(at[i - 1]);
    }
  });

  it('a ticket keeps its slot: asking again returns the same time, and 0 once it has come', async () => {
    const one = new RedisPacer(a, prefix, LIMITS);
    const two = new RedisPacer(b, prefix, LIMITS);
    for (let i = 0; i < 3; i++) await one.reserve(`burst${i}`, 'T1', `D${i}`);
    const first = await slotOf(one, 'late', 'T1', 'DX');
    expect(first - Date.now()).toBeGreaterThan(30);
    const again = await slotOf(two, 'late', 'T1', 'DX');
    expect(Math.abs(again - first)).toBeLessThan(40);
    // Another post asked meanwhile comes after it, not before.
    expect(await slotOf(one, 'later', 'T1', 'DY')).toBeGreaterThan(first + 50);
    await sleep(first - Date.now() + 5);
    expect(await two.reserve('late', 'T1', 'DX')).toBe(0);
    // The ticket is used up: asking again queues anew.
    expect(await two.reserve('late', 'T1', 'DX')).toBeGreaterThan(0);
  });

  it('about one post per second in one channel, even with budget to spare', async () => {
    const one = new RedisPacer(a, prefix, { ...LIMITS, postsPerMinute: 60_000, burst: 100 });
    const waits = [];
    for (let i = 0; i < 4; i++) waits.push(await one.reserve(`c${i}`, 'T1', 'C42'));
    expect(waits.slice(0, 2)).toEqual([0, 0]);
    expect(waits[2]).toBeGreaterThan(950);
    expect(waits[2]).toBeLessThanOrEqual(1000);
    expect(waits[3]).toBeGreaterThan(1950);
    // Another channel of the same workspace is not held back.
    expect(await one.reserve('other', 'T1', 'C43')).toBe(0);
  });

  it('Retry-After pauses that workspace only, and moves the slots it had handed out', async () => {
    const one = new RedisPacer(a, prefix, LIMITS);
    const two = new RedisPacer(b, prefix, LIMITS);
    for (let i = 0; i < 3; i++) await one.reserve(`burst${i}`, 'TA', `D${i}`);
    const before = await slotOf(one, 'queued', 'TA', 'DQ');
    const penalized = Date.now();
    await two.penalize('TA', 2000);
    // Several 429s at once (one per process in flight) count once.
    await one.penalize('TA', 2000);
    const after = await slotOf(two, 'queued', 'TA', 'DQ');
    expect(after - before).toBeGreaterThan(1900);
    expect(after - before).toBeLessThan(2150);
    const fresh = await slotOf(one, 'fresh', 'TA', 'DF');
    expect(fresh - penalized).toBeGreaterThan(1950);
    expect(fresh - penalized).toBeLessThan(2500);
    // Another workspace posts at once.
    expect(await two.reserve('b1', 'TB', 'D1')).toBe(0);
  });

  it("one workspace's burst does not delay another's, and earlier asks get earlier slots", async () => {
    const one = new RedisPacer(a, prefix, LIMITS);
    const two = new RedisPacer(b, prefix, LIMITS);
    const big: number[] = [];
    for (let i = 0; i < 200; i++) big.push(await slotOf(one, `a${i}`, 'TBIG', `D${i}`));
    expect(big[199] - big[0]).toBeGreaterThan(19_000);
    for (let i = 1; i < 200; i++) expect(big[i]).toBeGreaterThanOrEqual(big[i - 1] - 30);
    expect(await two.reserve('small1', 'TSMALL', 'D1')).toBe(0);
    expect(await two.reserve('small2', 'TSMALL', 'D2')).toBe(0);
  });

  it('holds short waits in the worker, and leaves no ticket behind', async () => {
    const one = new RedisPacer(a, prefix, { ...LIMITS, holdMs: 250 });
    for (let i = 0; i < 3; i++) await one.reserve(`burst${i}`, 'T1', `D${i}`);
    const started = Date.now();
    expect(await one.reserve('short', 'T1', 'DS')).toBe(0);
    expect(Date.now() - started).toBeGreaterThan(50);
    expect(await a.exists(`${prefix}:pace:{T1}:ticket:short`)).toBe(0);
    // A long wait gets a ticket (another process fills the next slots without waiting).
    const filler = new RedisPacer(b, prefix, LIMITS);
    for (let i = 0; i < 5; i++) await filler.reserve(`more${i}`, 'T1', `DM${i}`);
    expect(await one.reserve('long', 'T1', 'DL')).toBeGreaterThan(250);
    expect(await a.exists(`${prefix}:pace:{T1}:ticket:long`)).toBe(1);
  });

  it('posts that come back late leave at the budget pace, not in a burst', async () => {
    const one = new RedisPacer(a, prefix, LIMITS);
    // Ten posts reserved at once: slots 0, 0, 0, 100 … 700 ms.
    const waits = [];
    for (let i = 0; i < 10; i++) waits.push(await one.reserve(`late${i}`, 'T1', `D${i}`));
    // The workers were busy: every one of them comes back 1.5 s later, all at once.
    await sleep(1500);
    const again = [];
    for (let i = 3; i < 10; i++) again.push(await one.reserve(`late${i}`, 'T1', `D${i}`));
    // The first few go (the burst the output allows), the rest are spread at 100 ms.
    const going = again.filter((w) => w === 0).length;
    expect(going).toBeGreaterThanOrEqual(1);
    expect(going).toBeLessThanOrEqual(3);
    const held = again.filter((w) => w > 0);
    for (let i = 1; i < held.length; i++) expect(held[i] - held[i - 1]).toBeGreaterThan(80);
  });
});
