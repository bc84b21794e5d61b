/**
 * What the host knows about single commands beyond the spec data: where a result URC's deadline
 * starts, and which commands belong to other documents.
 */
import type { WireClock } from './wire-clock';

/**
 * spec figure 1: the requests each result URC answers, whose first send starts the module's T1;
 * the last stage the module reached wins. QoS 2 (figure 1, 2.h) has two requests under T1: once
 * PUBREC has come, PUBLISH is done and the PUBREL's own T1 and retries decide the result, so a
 * limit counted from the PUBLISH would hold the module to the network's round trip as well.
 */
export const TIMER_PACKETS: Record<string, readonly Parameters<WireClock>[0][]> = {
  '+QMTCONN': ['connect'],
  '+QMTSUB': ['subscribe'],
  '+QMTUNS': ['unsubscribe'],
  '+QMTPUBEX': ['pubrel', 'publish'],
};

/**
 * Commands of other Quectel documents (FILE, SSL, 3GPP 27.007) that scenarios need on the way:
 * when they fail, the scenario could not be run, which says nothing about this note: a precondition, never a verdict.
 */
export const OTHER_DOCUMENT_COMMANDS = new Set(['+QFUPL', '+QSSLCFG', '+CFUN', '+CGSN', 'E0', 'E1']);
