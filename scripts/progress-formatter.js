// `qmt run`'s console (src/cli/progress/progress-formatter.ts); Cucumber imports formatters by path.
require('./register-ts');
module.exports = require('../src/cli/progress/progress-formatter').default;
