/**
 * Fault targets taken from the spec's own item list (spec/quectel-mqtt-at.json `items`), so a
 * fault that breaks "every AT+QMTCFG query" names exactly the query items the note has, and a
 * sub-option added to the note is targeted without anyone copying a list by hand.
 */
import spec from '../../../spec/quectel-mqtt-at.json';

const ITEM_IDS: readonly string[] = spec.items.map((item) => item.id);

/** The spec item ids matching `pattern`, in the note's order; an empty match is a catalog error. */
export function specItems(pattern: RegExp): string[] {
  const ids = ITEM_IDS.filter((id) => pattern.test(id));
  if (ids.length === 0) throw new Error(`no spec item matches ${pattern}`);
  return ids;
}

/** Every AT+QMTCFG query item (spec 3.3.1: `AT+QMTCFG="<name>",<client_idx>`). */
export const QMTCFG_QUERIES = specItems(/^3\.3\.1:[^:]+:query$/);
/** Every AT+QMTCFG set and parameter-range item (spec 3.3.1 "Parameters"). */
export const QMTCFG_SETS_AND_RANGES = specItems(/^3\.3\.1:(?:[^:]+:set|.+:range)$/);
/** Every sub-option the note allows to set only "if the MQTT connection has not been created". */
export const QMTCFG_NOT_WHILE_CONNECTED = specItems(/^3\.3\.1:[^:]+:not-while-connected$/);
/** The test forms of spec 3.3.1–3.3.8 (3.3.9 AT+QMTRECV=? answers a bare OK by the note). */
export const TEST_FORMS_WITH_RANGES = specItems(/^3\.3\.[1-8]:test$/);
