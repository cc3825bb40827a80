/**
 * `npm run screenshots`: the main journey in a real browser against a local workspace (like the
 * browser test), photographed into docs/screenshots/. Same transform, database setup and env as
 * jest.config.js; only its own files (test/screenshots/*.shots.ts), so `npm test` never writes PNGs.
 */
const base = require('./jest.config.js');

module.exports = { ...base, roots: ['<rootDir>/test/screenshots'], testMatch: ['**/*.shots.ts'], testTimeout: 240000, maxWorkers: 1 };
