/**
 * A rig provides the module under test (labgrid's idea: the scenario asks for a console, the
 * configuration decides whether it is a serial port, a ser2net TCP port or the simulator).
 */
import type { Duplex } from 'node:stream';
import type { Clock } from '../clock/clock';
import type { AtClient } from '../at/at-client';
import type { Transcript } from '../at/transcript';
import type { SecretMasker } from '../secrets/masker';
import type { VariantProfile } from '../variants/profile';
import type { CleanupReport } from './lifecycle';

export interface ModuleIdentity {
  readonly manufacturer: string;
  readonly model: string;
  /** Firmware revision the module itself reported (ATI / AT+GMR). */
  readonly revision: string;
  /** IMEI (AT+CGSN) when the module answers it. */
  readonly imei?: string;
  /** Quectel's full firmware build (AT+QGMR, e.g. "EC200NCNAAR01A03M16_01.001.01.001") when answered. */
  readonly build?: string;
}

/** What one scenario gets: a module that is reset to a known state, on the scenario's clock. */
export interface ModuleSession {
  readonly clock: Clock;
  readonly at: AtClient;
  readonly transcript: Transcript;
  /**
   * Ends the scenario's use of the module: on hardware the lifecycle strategy closes every MQTT
   * client, puts back the settings the scenario changed (`commands`: what it sent), and restarts
   * a module that stopped answering; the simulator is simply dropped.
   */
  finish(commands?: readonly { command: string; ok: boolean }[]): Promise<CleanupReport | undefined>;
  /** Set once the link to the module has gone away (port unplugged, ser2net or simulator gone). */
  linkLost?(): Error | undefined;
  /**
   * The in-process simulator only: where its AT+QMTOPEN connects without the kernel (the broker
   * fixture's `dialInProcess`), so the scenario's virtual clock sees every byte in flight.
   */
  routeNetwork?(dial: (address: string, port: number) => Duplex | undefined): void;
}

export interface Rig {
  /** "in-process simulator", "/dev/ttyUSB2 @115200", "tcp://rig7:4001". */
  readonly description: string;
  readonly variant: VariantProfile;
  readonly identity: ModuleIdentity;
  /** The labgrid place the module is on, and the exporter (rig host) serving it. */
  readonly place?: { readonly place: string; readonly exporter?: string };
  /** True when scenario time is virtual (built-in simulator). */
  readonly virtualTime: boolean;
  openSession(masker: SecretMasker): Promise<ModuleSession>;
  close(): Promise<void>;
}
