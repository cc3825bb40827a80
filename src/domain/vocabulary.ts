/**
 * The domain's words, owned here: the values each kind of record can take. The database schema
 * (prisma/schema.prisma) stores the same values; the Slack side takes its types from this file,
 * never from Prisma's generated code.
 */
export const LOCALES = ['nb', 'nn', 'en'] as const;
export type LocaleCode = (typeof LOCALES)[number];

export const CADENCES = ['WEEKLY', 'BIWEEKLY', 'MONTHLY', 'NONE'] as const;
export type Cadence = (typeof CADENCES)[number];

export const GOAL_KINDS = ['PROFESSIONAL', 'PERSONAL'] as const;
export type GoalKind = (typeof GOAL_KINDS)[number];

export const GOAL_STATUSES = ['ACTIVE', 'ACHIEVED', 'ADJUSTED', 'DROPPED'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export const DEVELOPMENT_KINDS = ['COURSE', 'PROGRAMME', 'COACHING', 'MENTORING'] as const;
export type DevelopmentKind = (typeof DEVELOPMENT_KINDS)[number];

export const DEVELOPMENT_STATUSES = ['PLANNED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'] as const;
export type DevelopmentStatus = (typeof DEVELOPMENT_STATUSES)[number];

export const ASSESSMENTS = ['ON_TRACK', 'AT_RISK', 'OFF_TRACK', 'ACHIEVED'] as const;
export type Assessment = (typeof ASSESSMENTS)[number];

export const BARRIER_KINDS = ['PERSONAL', 'ORGANISATIONAL', 'RESOURCE'] as const;
export type BarrierKind = (typeof BARRIER_KINDS)[number];

export const BARRIER_STATUSES = ['OPEN', 'IN_PROGRESS', 'RESOLVED'] as const;
export type BarrierStatus = (typeof BARRIER_STATUSES)[number];

/** Slack user ids (U…, W… on Enterprise Grid). One pattern for every reader. */
export const SLACK_USER_ID = /^[UW][A-Z0-9]+$/;
/** Slack channel ids: public, private, DM. */
export const SLACK_CHANNEL_ID = /^[CGD][A-Z0-9]+$/;
/** The app's record ids (cuid-like) as they travel in buttons and private_metadata. */
export const RECORD_ID = /^[a-z0-9]{10,40}$/;
