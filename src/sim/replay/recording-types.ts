/** The shape of a recorded run (./recording.ts loads it; ./timeline.ts and ./broker-answers.ts fill and read it). */
import type { LoggedPacket, LoggedPayload } from './packet-log';

/**
 * What the module sent after a trigger (a host step, or a packet from the broker), `afterMs` after
 * it: bytes on the serial side, or an MQTT packet to the broker (./packet-log.ts).
 */
export type RecordedOutput =
  | { readonly afterMs: number; readonly bytes: Buffer; readonly packet?: undefined }
  | { readonly afterMs: number; readonly packet: LoggedPacket; readonly bytes?: undefined };

/** A packet the broker sent the recorded module, and what the module did on receiving it. */
export interface BrokerTrigger {
  readonly connection: number;
  readonly cmd: string;
  readonly messageId?: number;
  /** A CONNACK's return code. */
  readonly returnCode?: number;
  /** What else the module's answer depends on (./broker-answers.ts): CONNACK's session present, SUBACK's grants, PUBLISH's topic, QoS and payload. */
  readonly said?: {
    readonly sessionPresent?: boolean;
    readonly granted?: readonly number[];
    readonly topic?: string;
    readonly qos?: number;
    readonly payload?: LoggedPayload;
  };
  /** Clock time (ms) on the scenario's clock, as the fixture logged it. */
  readonly at: number;
  readonly outputs: RecordedOutput[];
}

export interface HostStep {
  /** 'line': a command line (text without its CR); 'data': raw bytes typed after a prompt. */
  readonly kind: 'line' | 'data';
  readonly text: string;
  readonly bytes: Buffer;
  /** 1-based line of the transcript file where this step starts (for "diverged at line N"). */
  readonly line: number;
  /** Clock time (ms) of the step, on the transcript's time line. */
  readonly at: number;
  readonly outputs: RecordedOutput[];
  /** AT+QMTOPEN that opened the fixture's connection number `opens` (./timeline.ts). */
  opens?: number;
}

export interface Track {
  /** Scenario name (Allure result) or the file name. */
  readonly name: string;
  /** The file holding the transcript. */
  readonly file: string;
  readonly steps: HostStep[];
  /** The broker's packets the module saw, in order, with what the module did after each. */
  readonly triggers: BrokerTrigger[];
}

/** What the recording says about the module's identity (Allure environment.properties). */
export interface RecordedIdentity {
  model?: string;
  firmware?: string;
}

export interface Recording {
  readonly source: string;
  readonly tracks: Track[];
  readonly identity: RecordedIdentity;
}
