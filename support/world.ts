/**
 * One World per scenario: the module session, the broker fixture and the host conversation.
 * Steps stay thin and call into it; domain work lives in src/.
 */
import { setWorldConstructor, World, type IWorldOptions } from '@cucumber/cucumber';
import type { BrokerFixture } from '../src/broker/fixture';
import { resolvePlaceholders } from '../src/qmt/placeholders';
import type { QmtHost, ReadingAlternative } from '../src/qmt/host';
import type { ReadingObserver } from '../src/qmt/readings-observer';
import { UNSTATED_DEFAULTS } from '../src/variants/readings';
import type { ModuleSession } from '../src/rig/types';
import { DisabledMasker, maskingDisabled, SecretMasker } from '../src/secrets/masker';
import { runState } from './run-state';

export class QmtWorld extends World {
  readonly masker = maskingDisabled() ? new DisabledMasker() : new SecretMasker();
  session!: ModuleSession;
  broker!: BrokerFixture;
  host!: QmtHost;
  /** What this scenario observed of the module's readings of the note (and checks in strict mode). */
  readings!: ReadingObserver;
  /** This scenario's `@reading:<id>=<value>` tags: the reading its later steps are written for. */
  readingTags: Record<string, string> = {};
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
      // Unstated defaults (A8) stay patterns: the answer matcher accepts any allowed value and records it.
      ...Object.fromEntries(Object.keys(UNSTATED_DEFAULTS).map((k) => [`default:${k}`, `{default:${k}}`])),
      ...this.values,
    });
  }

  /**
   * After a step observed a reading: a scenario written for another value of it (its
   * `@reading:<id>=<value>` tag) does not apply to this module and is skipped with the reason.
   */
  readingOutcome(id: string, observed: string): 'skipped' | undefined {
    const wanted = this.readingTags[id];
    if (wanted === undefined || wanted === observed) return undefined;
    this.attach(`not applicable: the module reads ${id} as "${observed}", this scenario checks "${wanted}"`, 'text/plain');
    return 'skipped';
  }
}

/** A Gherkin table of `| <reading value> | <answer> |` rows; `\n` in a cell separates lines. */
export function alternativesOf(rows: readonly (readonly string[])[], resolve: (text: string) => string, finalImplied: boolean): ReadingAlternative[] {
  return rows.map(([value, answer]) => {
    const text = resolve(answer ?? '').trim();
    // "no +QMTSTAT within 2 seconds": the reading whose answer is the absence of that URC.
    if (!finalImplied) {
      if (/^no /.test(text)) return { value: value as string, lines: [] };
      // "+QMTSTAT: 0,4 within 6 seconds": that URC, held to that limit from the command line.
      const within = /^(.*?) within (\d+(?:\.\d+)?) seconds?$/.exec(text);
      return within ? { value: value as string, lines: [within[1] as string], withinMs: Number(within[2]) * 1000 } : { value: value as string, lines: [text] };
    }
    const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
    if (!/^(OK|ERROR|\+CME ERROR: .*)$/.test(lines.at(-1) ?? '')) lines.push('OK');
    return { value: value as string, lines };
  });
}

setWorldConstructor(QmtWorld);
