// Preloaded into the app by startup-outage.test.ts: SIGUSR2 makes a promise rejection nobody
// handles, to check that it reaches the structured log (and does not kill the process).
process.on('SIGUSR2', () => {
  Promise.reject(new Error('a rejection nobody handled (test)'));
});
