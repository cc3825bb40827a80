import { prepareDatabase } from './database';

/**
 * Creates the test database if it is missing and applies every migration with the same command
 * users run (npm run db:migrate). Tests isolate themselves by team id and queue prefix.
 */
export default async function globalSetup(): Promise<void> {
  await prepareDatabase(process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/followup_test');
}
