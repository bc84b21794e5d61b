// allure-cucumberjs installs its runtime (labels, attachments from hooks and steps) on import.
import 'allure-cucumberjs';
