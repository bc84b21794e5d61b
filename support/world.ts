/**
 * One World per scenario: the module session, the broker fixture and the host conversation.
 * Steps stay thin and call into it; domain work lives in src/.
 */
import { setWorldConstructor, World, type IWorldOptions } from '@cucumber/cucumber';
import type { BrokerFixture } from '../src/broker/fixture';
import { resolvePlaceholders } from '../src/qmt/placeholders';
import type { QmtHost } from '../src/qmt/host';
import type { ModuleSession } from '../src/rig/types';
import { DisabledMasker, maskingDisabled, SecretMasker } from '../src/secrets/masker';
import { runState } from './run-state';

export class QmtWorld extends World {
  readonly masker = maskingDisabled() ? new DisabledMasker() : new SecretMasker();
  session!: ModuleSession;
  broker!: BrokerFixture;
  host!: QmtHost;
  /** Set by Before when the rig lost its module earlier in the run: the first step fails with it (broken, not skipped). */
  rigLost: Error | undefined;
  /** Extra placeholder values a scenario defines (e.g. a refused port). */
  readonly values: Record<string, string> = {};

  constructor(options: IWorldOptions) {
    super(options);
  }

  get run() {
    return runState();
  }

  get clock() {
    return this.session.clock;
  }

  /** Replaces {host}, {port}, {password} … with this scenario's values. */
  resolve(text: string): string {
    return resolvePlaceholders(text, {
      host: this.run.config.brokerHost,
      port: String(this.broker.port),
      'tls-port': this.broker.tlsPort !== undefined ? String(this.broker.tlsPort) : '(no TLS listener)',
      ...this.run.runSecrets,
      ...Object.fromEntries(Object.entries(this.run.rig.variant.defaults).map(([k, v]) => [`default:${k}`, String(v)])),
      ...this.values,
    });
  }
}

setWorldConstructor(QmtWorld);
