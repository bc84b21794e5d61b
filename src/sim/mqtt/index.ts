/**
 * The simulated module's MQTT side (QMTOPEN … QMTRECV and one session per client_idx).
 * Placeholder until the MQTT side lands: no MQTT commands, no connections.
 */
import type { MqttEnvironment, MqttSide } from '../types';

export function createMqttSide(_env: MqttEnvironment): MqttSide {
  return {
    hasConnection: () => false,
    handlers: {},
    reset: () => {},
  };
}
