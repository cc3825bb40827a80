/**
 * Benchmarks run with jest as a TypeScript runner (same transform as the tests), one file at a
 * time: `npx jest -c bench/jest.config.js bench/home`. They print figures; they assert nothing
 * about time.
 */
const base = require('../jest.config.js');
module.exports = {
  ...base,
  rootDir: '..',
  roots: ['<rootDir>/bench'],
  testMatch: ['**/*.bench.ts'],
  testTimeout: 600000,
  maxWorkers: 1,
};
