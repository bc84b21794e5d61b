/**
 * The simulated module's MQTT side (spec chapters 2, 3.3.2–3.3.9 and 4): six client sessions
 * (client_idx 0~5) on real TCP/TLS sockets, and the command handlers the core dispatches to (the
 * MQTT entries of ../command-registry.ts).
 * Decisions on the spec's ambiguities are listed in ./README.md.
 */
import { withMqttHandlerFaults } from '../faults/handler-faults';
import type { MqttEnvironment, MqttSide } from '../types';
import { mqttHandlers } from '../command-registry';
import { withUrcFaults } from '../faults/urc-faults';
import { CLIENT_COUNT } from './args';
import { handleInbound } from './inbound';
import { ClientSession } from './session';

export function createMqttSide(environment: MqttEnvironment): MqttSide {
  // Every URC of the MQTT side passes the fault filter (../faults/urc-faults.ts) on its way out.
  const env: MqttEnvironment = { ...environment, out: withUrcFaults(environment) };
  const sessions = Array.from({ length: CLIENT_COUNT }, (_, idx) => {
    const session = new ClientSession(idx, env);
    session.onPacket((packet) => handleInbound(session, packet));
    return session;
  });
  return {
    hasConnection: (clientIdx) => sessions[clientIdx]?.hasConnection() ?? false,
    hasSentConnect: (clientIdx) => sessions[clientIdx]?.hasSentConnect() ?? false,
    handlers: withMqttHandlerFaults(mqttHandlers(sessions)),
    reset: () => sessions.forEach((s) => s.reset()),
  };
}
