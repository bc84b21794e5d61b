// allure-cucumberjs's reporter, with each result's status set to the scenario's verdict before it
// is written (src/report/scenario-verdict.ts says why). Loaded by Cucumber as a formatter, in
// the run's process; scripts/sources.js loads the verdict code from where the run loaded its own.
const AllureCucumberReporter = require('allure-cucumberjs/reporter');
const sources = require('./sources');
const { scenarioVerdictListener } = sources.load('src/report/scenario-verdict');
const { ResultsWriter } = sources.load('src/report/results-writer');

class QmtAllureReporter extends AllureCucumberReporter {
  constructor(options) {
    const argv = options.parsedArgvOptions ?? {};
    super({
      ...options,
      parsedArgvOptions: {
        ...argv,
        // allure-cucumberjs takes a writer from its options in place of its default one.
        writer: new ResultsWriter(argv.resultsDir ?? 'allure-results'),
        listeners: [...(argv.listeners ?? []), scenarioVerdictListener],
      },
    });
  }
}

module.exports = QmtAllureReporter;
