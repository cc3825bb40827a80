// Tests run against real PostgreSQL and Redis. Defaults match the local services; CI sets its own.
process.env.TZ = process.env.TZ ?? 'UTC';
process.env.TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/followup_test';
process.env.TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
