/**
 * What a scenario learned about the module's readings of the note. Default mode (no profile
 * declared): every answer the note allows passes and is recorded. Strict mode (`--profile`): the
 * declared reading is the only one that passes, and a deviation names itself:
 * "reading A10 declared after-open, observed after-connect".
 */
import { READINGS, UNSTATED_DEFAULTS, isReadingId, isUnstatedDefault } from '../variants/readings';
import type { VariantProfile } from '../variants/profile';
import { nonConformance, profileDeviation } from './verdict';

export interface Observation {
  /** Reading id ("A10", "stat-malformed") or "default:<name>" for an unstated default (A8). */
  readonly id: string;
  readonly value: string;
  /** How it was seen, for the report: the command and the answer. */
  readonly evidence: string;
}

export type DeclaredReadings = Pick<VariantProfile, 'name' | 'readings' | 'defaults'>;

export class ReadingObserver {
  private readonly seen = new Map<string, Observation>();

  /** `declared` undefined = default mode. */
  /** `onObserve` reports each new observation while its step runs (Allure takes labels only then). */
  constructor(
    readonly declared?: DeclaredReadings,
    private readonly onObserve: (observation: Observation) => void = () => undefined,
  ) {}

  get strict(): boolean {
    return this.declared !== undefined;
  }

  /** The declared value of a reading or default, in strict mode. */
  declaredValue(id: string): string | undefined {
    if (!this.declared) return undefined;
    if (id.startsWith('default:')) {
      const name = id.slice('default:'.length);
      return isUnstatedDefault(name) ? String(this.declared.defaults[name]) : undefined;
    }
    return isReadingId(id) ? this.declared.readings[id] : undefined;
  }

  /** Values the note allows for this reading or unstated default. */
  allowed(id: string): readonly string[] {
    if (id.startsWith('default:')) {
      const name = id.slice('default:'.length);
      if (!isUnstatedDefault(name)) throw new Error(`harness: ${id} is not an unstated default of the note (A8)`);
      return UNSTATED_DEFAULTS[name].values.map(String);
    }
    if (!isReadingId(id)) throw new Error(`harness: unknown reading ${id} (see src/variants/readings.ts)`);
    return READINGS[id].values;
  }

  /**
   * Records what the module showed. A value the note does not allow is non-conformance; in strict
   * mode a value other than the declared one is a profile deviation.
   */
  observe(id: string, value: string, evidence: string): void {
    const allowed = this.allowed(id);
    if (!allowed.includes(value)) {
      throw nonConformance(
        `${describe(id)}: observed ${value}, which the note does not allow (allowed: ${summarise(allowed)}); ${evidence}`,
      );
    }
    const before = this.seen.get(id);
    if (before && before.value !== value) {
      throw nonConformance(
        `${describe(id)}: the module showed ${before.value} (${before.evidence}) and then ${value} (${evidence}) in one scenario`,
      );
    }
    if (!before) {
      this.seen.set(id, { id, value, evidence });
      this.onObserve({ id, value, evidence });
    }
    const declared = this.declaredValue(id);
    if (declared !== undefined && declared !== value) {
      throw profileDeviation(
        `${describe(id)} declared ${declared}, observed ${value} (profile ${this.declared?.name}); ${evidence}`,
      );
    }
  }

  /**
   * The value to take when several of a reading's answers print the same bytes: the declared one
   * (strict mode), else the one this scenario already showed, else undefined (the caller's first).
   */
  preferredValue(id: string): string | undefined {
    return this.declaredValue(id) ?? this.seen.get(id)?.value;
  }

  /**
   * Records the reading an answer showed. `matchedValues`: the values of every row the answer
   * matched. An answer that several values print alike (ssl-query with SSL on, A17 with
   * <edit_mode> 1) says nothing about the reading unless one of them is already preferred (declared
   * or shown): it is then taken, otherwise nothing is recorded.
   */
  observeAnswer(id: string, matchedValues: readonly string[], chosen: string, evidence: string): void {
    if (new Set(matchedValues).size > 1 && this.preferredValue(id) === undefined) return;
    this.observe(id, chosen, evidence);
  }

  observations(): Observation[] {
    return [...this.seen.values()];
  }
}

function describe(id: string): string {
  return id.startsWith('default:') ? `default ${id.slice('default:'.length)} (A8)` : `reading ${id}`;
}

function summarise(values: readonly string[]): string {
  return values.length > 8 ? `${values[0]}..${values.at(-1)}` : values.join(', ');
}
