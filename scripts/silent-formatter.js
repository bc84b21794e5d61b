// A Cucumber formatter that prints nothing: fault-score and bench runs only need the outcome.
const { Formatter } = require('@cucumber/cucumber');

class SilentFormatter extends Formatter {}

module.exports = SilentFormatter;
