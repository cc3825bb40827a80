export type { Harness } from './harness';
export type { RecordedCall } from '../../src/local/slackApi';
