export type { Harness } from './harness';
export type { RecordedCall } from './fakeSlack';
