/**
 * Defaults that more than one place needs (the options' help in src/cli/main.ts, the run
 * configuration's schema, the simulated rig), each written once. The timing margin's default
 * lives with its syntax in src/qmt/timing-margin.ts, the simulator's latency in
 * src/sim/network-latency.ts.
 */

/** Serial baud rate of Quectel's AT port out of the box. */
export const DEFAULT_BAUD = 115200;

/** Where the broker fixture listens and the module dials: loopback, unless the user says otherwise. */
export const DEFAULT_BROKER_ADDRESS = '127.0.0.1';

/** The model the built-in simulator is when no variant is given; detection from ATI then finds the same one. */
export const DEFAULT_SIMULATED_VARIANT = 'EC200N-CN';

/** Where `qmt run` writes Allure results. */
export const DEFAULT_RESULTS_DIR = 'reports/allure-results';

/** Where `qmt run` and `qmt report` write the HTML report and the compliance summary. */
export const DEFAULT_REPORT_DIR = 'reports';
