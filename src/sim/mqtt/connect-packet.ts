/**
 * The CONNECT packet AT+QMTCONN sends (spec 3.3.4), built from the client's AT+QMTCFG settings
 * (spec 3.3.1: version, keepalive, session, will) and the command's client id / credentials.
 */
import type { IConnectPacket } from 'mqtt-packet';
import type { ClientConfig, FaultSet } from '../types';
import { cloudCredentials } from './cloud-auth';

export interface ConnectRequest {
  clientId: string;
  username?: string;
  password?: string;
}

export function buildConnectPacket(
  config: ClientConfig,
  request: ConnectRequest,
  faults: FaultSet,
  calendarNowMs: number,
): IConnectPacket {
  // spec 3.3.1 "version": 3 = MQTT 3.1 ('MQIsdp', level 3), 4 = MQTT 3.1.1 ('MQTT', level 4).
  const v311 = config.vsn === 4;
  // spec 3.3.1 note 5 / example 5.1: with cloud device info configured, user name and password may be omitted.
  const credentials =
    request.username === undefined
      ? (cloudCredentials(config, request.clientId, calendarNowMs, faults) ?? request)
      : request;
  const packet: IConnectPacket = {
    cmd: 'connect',
    protocolId: v311 ? 'MQTT' : 'MQIsdp',
    protocolVersion: v311 ? 4 : 3,
    clientId: credentials.clientId,
    // spec 3.3.1 "session": clean_session 1 = clean, 0 = the server keeps the session.
    clean: config.cleanSession === 1,
    // spec 3.3.1 "keepalive": seconds, 0 = no keep-alive.
    keepalive: config.keepAlive,
  };
  if (credentials.username !== undefined) packet.username = credentials.username;
  if (credentials.password !== undefined) {
    packet.password = Buffer.from(credentials.password, 'utf8');
  }
  // spec 3.3.1 "will"/"willex": only when will_fg = 1 (note 1).
  if (config.will.flag === 1) {
    packet.will = {
      topic: config.will.topic,
      payload: config.will.message,
      qos: config.will.qos as 0 | 1 | 2,
      retain: config.will.retain === 1,
    };
  }
  return packet;
}
