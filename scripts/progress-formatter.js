// `qmt run`'s console (src/cli/progress/progress-formatter.ts); Cucumber imports formatters by path.
module.exports = require('./sources').load('src/cli/progress/progress-formatter').default;
