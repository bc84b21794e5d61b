/**
 * What a packet from the broker told the module, as far as the module's answer depends on it:
 * CONNACK's return code and session present flag (+QMTCONN's <ret_code>, spec 3.3.4), SUBACK's
 * granted QoS (+QMTSUB's <value>, spec 3.3.6), PUBLISH's topic, QoS and payload (+QMTRECV,
 * spec 4.2). Two recorded scenarios that send the same commands differ only in these, so the
 * live broker's packet says which of them the replay is in.
 */
import type { Packet } from 'mqtt-packet';
import type { LoggedPacket } from './packet-log';
import type { BrokerTrigger } from './recording-types';

export function brokerSaid(logged: LoggedPacket): BrokerTrigger['said'] {
  if (logged.cmd === 'connack') return { sessionPresent: logged.sessionPresent };
  if (logged.cmd === 'suback') return { granted: logged.granted };
  if (logged.cmd === 'publish' && logged.packet?.cmd === 'publish')
    return { topic: logged.packet.topic, qos: logged.packet.qos, payload: logged.payload };
  return undefined;
}

/** Whether the live broker's packet says what the recorded one said (what the log holds of it). */
export function saysTheSame(recorded: BrokerTrigger, live: Packet): boolean {
  const said = recorded.said;
  if (live.cmd === 'connack')
    return (
      (recorded.returnCode === undefined || recorded.returnCode === (live.returnCode ?? 0)) &&
      (said?.sessionPresent === undefined || said.sessionPresent === live.sessionPresent)
    );
  if (live.cmd === 'suback')
    return said?.granted === undefined || said.granted.join(',') === live.granted.map(Number).join(',');
  if (live.cmd === 'publish') {
    if (said?.topic !== undefined && said.topic !== live.topic) return false;
    if (said?.qos !== undefined && said.qos !== live.qos) return false;
    const payload = said?.payload;
    if (!payload) return true;
    const bytes = typeof live.payload === 'string' ? Buffer.from(live.payload) : live.payload;
    // A cut payload: its length and the start the log shows.
    return payload.complete
      ? payload.bytes.equals(bytes)
      : bytes.length === payload.length && bytes.subarray(0, payload.bytes.length).equals(payload.bytes);
  }
  return true;
}
