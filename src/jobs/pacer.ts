import type { SendPacer } from '../domain/ports';
import type { RedisClient } from './redis';

/** Slack's posting limits as the app paces them (keep a little under what Slack allows). */
export interface PacingLimits {
  /** chat.postMessage per workspace per minute (Slack does not publish it; ~525 is an observed figure). */
  postsPerMinute: number;
  /** Posts a workspace may send at once before the per-minute pace applies. */
  burst: number;
  /** Posts per second in one channel (Slack: about 1). */
  perChannelPerSecond: number;
  /** Posts one channel may take at once. */
  channelBurst: number;
  /** A wait up to this long is slept in the worker instead of going back to the delayed set. */
  holdMs: number;
}

export const DEFAULT_PACING: PacingLimits = { postsPerMinute: 525, burst: 10, perChannelPerSecond: 1, channelBurst: 2, holdMs: 250 };

/** A slot this close is taken as now (jobs come back from the delayed set a few ms early or late). */
const SLOT_TOLERANCE_MS = 5;

/*
 * GCRA (generic cell rate algorithm) per workspace and per channel, in one atomic script on
 * Redis's own clock, so that every worker process shares the same budget.
 *   KEYS: 1 ticket, 2 workspace TAT, 3 workspace shift, 4 workspace blocked-until, 5 channel TAT,
 *         6 workspace output TAT (posts leaving now)
 *   ARGV: 1 workspace interval, 2 workspace tolerance, 3 channel interval, 4 channel tolerance, 5 hold ms, 6 slot tolerance
 * TAT = theoretical arrival time of the next post; a post may go at TAT − tolerance (the burst).
 * The shift is the sum of Retry-After pauses: a ticket issued before a pause moves by it.
 * A ticket is "slot:shift:checked" (checked: the output check was passed for that slot).
 * Returns the wait in ms (0: post now); any wait leaves a ticket, asked for again when it has come.
 */
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local wsInterval = tonumber(ARGV[1])
local wsTol = tonumber(ARGV[2])
local tol = tonumber(ARGV[6])
local shift = tonumber(redis.call('GET', KEYS[3]) or '0')
-- The output check: posts actually leaving, at the budget's pace and burst, whenever they were
-- planned. A job that comes back late from the delayed set (workers busy) would otherwise post in a
-- burst with the ones on time. Returns the time this post may leave.
local function leave(at)
  local rt = tonumber(redis.call('GET', KEYS[6]) or '0')
  local s = math.max(at, rt - wsTol)
  rt = math.max(rt, s) + wsInterval
  redis.call('SET', KEYS[6], string.format('%.3f', rt), 'PX', math.ceil(rt - now + 60000))
  return s
end
local function hold(slot, checked)
  redis.call('SET', KEYS[1], string.format('%.3f', slot) .. ':' .. shift .. ':' .. checked, 'PX', math.ceil(slot - now + 3600000))
  return math.ceil(slot - now)
end
local ticket = redis.call('GET', KEYS[1])
if ticket then
  local a = string.find(ticket, ':')
  local b = string.find(ticket, ':', a + 1)
  local slot = tonumber(string.sub(ticket, 1, a - 1)) + shift - tonumber(string.sub(ticket, a + 1, b - 1))
  if slot > now + tol then return math.ceil(slot - now) end
  if string.sub(ticket, b + 1) == '1' then
    redis.call('DEL', KEYS[1])
    return 0
  end
  local out = leave(now)
  if out <= now + tol then
    redis.call('DEL', KEYS[1])
    return 0
  end
  return hold(out, 1)
end
local chInterval = tonumber(ARGV[3])
local wsTat = tonumber(redis.call('GET', KEYS[2]) or '0')
local chTat = tonumber(redis.call('GET', KEYS[5]) or '0')
local blocked = tonumber(redis.call('GET', KEYS[4]) or '0')
-- The workspace budget is charged at the workspace's own slot, so a post held back by its busy
-- channel does not hold back the rest of the workspace.
local wsSlot = math.max(now, blocked, wsTat - wsTol)
local slot = math.max(wsSlot, chTat - tonumber(ARGV[4]))
wsTat = math.max(wsTat, wsSlot) + wsInterval
chTat = math.max(chTat, slot) + chInterval
redis.call('SET', KEYS[2], string.format('%.3f', wsTat), 'PX', math.ceil(wsTat - now + 60000))
redis.call('SET', KEYS[5], string.format('%.3f', chTat), 'PX', math.ceil(chTat - now + 60000))
if slot > now + tonumber(ARGV[5]) then return hold(slot, 0) end
local out = leave(slot)
if out <= now + tol then return 0 end
return hold(out, 1)
`;

/*
 * Retry-After for a workspace: nothing is posted there before now + ms; the schedule already handed
 * out (TAT and tickets) moves by the part of the pause that is new (several 429s at once count once).
 *   KEYS: 1 workspace TAT, 2 workspace shift, 3 workspace blocked-until; ARGV: 1 ms
 */
const PENALIZE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local blocked = tonumber(redis.call('GET', KEYS[3]) or '0')
local untilMs = now + tonumber(ARGV[1])
local from = math.max(blocked, now)
if untilMs <= from then return 0 end
local added = untilMs - from
redis.call('SET', KEYS[3], untilMs, 'PX', untilMs - now + 60000)
redis.call('INCRBY', KEYS[2], added)
redis.call('PEXPIRE', KEYS[2], 86400000)
local wsTat = tonumber(redis.call('GET', KEYS[1]) or '0')
if wsTat > now then
  redis.call('SET', KEYS[1], string.format('%.3f', wsTat + added), 'PX', math.ceil(wsTat + added - now + 60000))
end
return added
`;

type PacerRedis = RedisClient & {
  followupPaceReserve2(k1: string, k2: string, k3: string, k4: string, k5: string, k6: string, ...args: (string | number)[]): Promise<number>;
  followupPacePenalize(k1: string, k2: string, k3: string, ms: number): Promise<number>;
};

/**
 * The shared posting budget of every worker process (src/domain/ports SendPacer) on Redis.
 * BullMQ's own limiter (Worker `limiter`, `queue.rateLimit`) is per queue: it cannot give each
 * workspace its own budget (groups are BullMQ Pro), nor one budget to two queues (reminders and
 * celebrations post to the same workspace), nor pause one workspace only — hence this script.
 */
export class RedisPacer implements SendPacer {
  private readonly redis: PacerRedis;
  private readonly args: number[];

  constructor(
    redis: RedisClient,
    private readonly prefix: string,
    private readonly limits: PacingLimits = DEFAULT_PACING,
  ) {
    if (!(limits.postsPerMinute > 0 && limits.perChannelPerSecond > 0)) throw new Error('pacing limits must be positive');
    const r = redis as PacerRedis;
    if (typeof r.followupPaceReserve2 !== 'function') {
      r.defineCommand('followupPaceReserve2', { numberOfKeys: 6, lua: RESERVE });
      r.defineCommand('followupPacePenalize', { numberOfKeys: 3, lua: PENALIZE });
    }
    this.redis = r;
    const wsInterval = 60_000 / limits.postsPerMinute;
    const chInterval = 1000 / limits.perChannelPerSecond;
    this.args = [wsInterval, Math.max(0, limits.burst - 1) * wsInterval, chInterval, Math.max(0, limits.channelBurst - 1) * chInterval, limits.holdMs, SLOT_TOLERANCE_MS];
  }

  /*
   * Every key one script call touches carries the workspace's hash tag `{workspaceId}`: on a Redis
   * Cluster they are all in one slot (a script may touch no other), and the workspaces spread over
   * the cluster's slots. The prefix has no braces of its own (config strips them), or it would be the tag.
   */
  private ws(workspaceId: string): [string, string, string] {
    const base = `${this.prefix}:pace:{${workspaceId}}`;
    return [`${base}:tat`, `${base}:shift`, `${base}:blocked`];
  }

  async reserve(ticket: string, workspaceId: string, channel: string): Promise<number> {
    const [tat, shift, blocked] = this.ws(workspaceId);
    const base = `${this.prefix}:pace:{${workspaceId}}`;
    const ask = async () => Number(await this.redis.followupPaceReserve2(`${base}:ticket:${ticket}`, tat, shift, blocked, `${base}:ch:${channel}`, `${base}:out`, ...this.args));
    let wait = await ask();
    // A short wait is slept here (cheaper than a round trip through the delayed set), then the ticket is redeemed.
    for (let i = 0; i < 3 && wait > 0 && wait <= this.limits.holdMs; i++) {
      await new Promise((resolve) => setTimeout(resolve, wait));
      wait = await ask();
    }
    return wait;
  }

  async penalize(workspaceId: string, retryAfterMs: number): Promise<void> {
    const [tat, shift, blocked] = this.ws(workspaceId);
    await this.redis.followupPacePenalize(tat, shift, blocked, Math.max(0, Math.round(retryAfterMs)));
  }

  /** The limits this pacer applies (for logs and benchmarks). */
  get pacing(): PacingLimits {
    return this.limits;
  }
}
