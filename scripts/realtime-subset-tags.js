// The real-time subset of `npm test` (scripts/realtime-run.js --subset, bench figure e): the deadline and
// retransmission scenarios at their smallest settings.
exports.SUBSET_TAGS =
  '(@spec:2:retransmission or @spec:2:timeout-notice or @spec:3.3.1:max-response-time or @spec:3.3.2:max-response-time or ' +
  '@spec:3.3.3:max-response-time or @spec:3.3.4:max-response-time or @spec:3.3.5:max-response-time or ' +
  '@spec:3.3.6:max-response-time or @spec:3.3.7:max-response-time or @spec:3.3.8:max-response-time) and not @slow';

/** Simulated modules the subset runs on at once (one qmt run worker each). */
exports.SUBSET_MODULES = 4;
