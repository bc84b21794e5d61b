// allure-cucumberjs's reporter, with each result's status set to the scenario's verdict before it
// is written (src/report/scenario-verdict.ts says why). Loaded by Cucumber as a formatter, in
// the run's process, where scripts/register-ts.js already lets it require the TypeScript source.
const AllureCucumberReporter = require('allure-cucumberjs/reporter');
const { scenarioVerdictListener } = require('../src/report/scenario-verdict');

class QmtAllureReporter extends AllureCucumberReporter {
  constructor(options) {
    const argv = options.parsedArgvOptions ?? {};
    super({
      ...options,
      parsedArgvOptions: { ...argv, listeners: [...(argv.listeners ?? []), scenarioVerdictListener] },
    });
  }
}

module.exports = QmtAllureReporter;
