/**
 * Which recorded scenario the replay follows, and where in it:
 * - a session starts with every recorded scenario as a candidate, positioned after its own ATE0,
 *   in run order from the scenario after the last one replayed (a whole run replays in its order);
 * - each command narrows the candidates to those whose next step is that command (after skipping
 *   nothing, the session preamble a host may leave out, or any recorded steps), and the first
 *   candidate left is the one whose recorded output the module plays;
 * - what the live broker sends narrows them too (./broker-answers.ts): two scenarios that send the
 *   same commands can differ only in what their broker answered.
 */
import { newAddressMap, sameCommand, type AddressMap } from './command-match';
import { PREAMBLE } from './between-scenarios';
import type { HostStep, Track } from './recording';

/** Whether a recorded step of a track is what the host sent now. */
export type Fits = (step: HostStep, track: Track) => boolean;

/** A step the replay moved to: the track followed now, its step, and how many recorded steps the host left out. */
export interface Advance {
  readonly track: Track;
  readonly step: HostStep;
  /** Recorded steps skipped to get there, and the first of them. */
  readonly skipped: number;
  readonly firstSkipped: HostStep | undefined;
}

export class TrackFollower {
  /** Candidate tracks and the index of each one's next step. */
  private candidates = new Map<Track, number>();
  /** Recorded scenarios replayed to their last step. */
  private readonly finished = new Set<Track>();
  private lastStarted = -1;
  /** Each recorded scenario maps its own fixture address and ports to this session's. */
  private addresses = new Map<Track, AddressMap>();

  constructor(
    private readonly tracks: readonly Track[],
    private readonly hosts: Readonly<Record<string, string>>,
  ) {}

  /** The followed track and the index of its next step. */
  first(): [Track, number] | undefined {
    return this.candidates.entries().next().value as [Track, number] | undefined;
  }

  /** The followed track's next recorded step (undefined at its end or with no track). */
  nextStep(): HostStep | undefined {
    const first = this.first();
    return first ? first[0].steps[first[1]] : undefined;
  }

  /** The followed scenario was replayed to its end (or there is none). */
  ended(): boolean {
    return this.nextStep() === undefined;
  }

  /** The step of `track` the last command (or data) matched. */
  matched(track: Track): HostStep | undefined {
    const position = this.candidates.get(track);
    return position ? track.steps[position - 1] : undefined;
  }

  /** The tracks still followed, the followed one first. */
  tracksFollowed(): Track[] {
    return [...this.candidates.keys()];
  }

  fitsLine(line: string): Fits {
    return (step, track) => step.kind === 'line' && sameCommand(step.text, line, this.addressesOf(track), this.hosts);
  }

  addressesOf(track: Track | undefined): AddressMap {
    if (!track) return newAddressMap();
    let map = this.addresses.get(track);
    if (!map) this.addresses.set(track, (map = newAddressMap()));
    return map;
  }

  /**
   * A new session: every recorded scenario, positioned after its own ATE0; without an ATE0 from
   * the host (`withFinished` false) the scenarios replayed to their end are left out.
   */
  restart(withFinished: boolean): void {
    this.addresses = new Map();
    this.candidates = this.fresh(withFinished);
  }

  /** Whether the command `fits` opens a recorded scenario not yet finished (after its preamble). */
  opensScenario(fits: Fits): boolean {
    // A new session maps the fixture's address afresh (it listens on a new port per scenario).
    const kept = this.addresses;
    this.addresses = new Map();
    const opens = [...this.fresh(false)].some(([track, position]) => {
      for (let i = position; i < track.steps.length; i++) {
        const step = track.steps[i];
        if (fits(step, track)) return true;
        if (!(step.kind === 'line' && PREAMBLE.test(step.text))) return false;
      }
      return false;
    });
    this.addresses = kept;
    return opens;
  }

  /** Keeps the candidates whose next step fits (after skipping as `skip` allows); undefined when none does. */
  advance(fits: Fits, skip: 'none' | 'preamble' | 'any'): Advance | undefined {
    const next = new Map<Track, number>();
    for (const [track, position] of this.candidates) {
      for (let i = position; i < track.steps.length; i++) {
        const step = track.steps[i];
        if (fits(step, track)) {
          next.set(track, i + 1);
          break;
        }
        if (skip === 'none' || (skip === 'preamble' && !(step.kind === 'line' && PREAMBLE.test(step.text)))) break;
      }
    }
    if (next.size === 0) return undefined;
    const [track, position] = next.entries().next().value as [Track, number];
    const from = this.candidates.get(track) ?? position - 1;
    this.candidates = next;
    this.lastStarted = this.tracks.indexOf(track);
    // A scenario replayed to its end is not started again by a line alone (a rig's restore of a
    // setting looks like the set that opened it); an explicit ATE0 still can.
    if (position >= track.steps.length) this.finished.add(track);
    return { track, step: track.steps[position - 1], skipped: position - 1 - from, firstSkipped: track.steps[from] };
  }

  /** Keeps the candidates `keep` accepts, when it accepts any; true when the followed track changed. */
  prefer(keep: (track: Track) => boolean): boolean {
    const before = this.first()?.[0];
    const kept = [...this.candidates].filter(([track]) => keep(track));
    if (kept.length === 0 || kept.length === this.candidates.size) return false;
    this.candidates = new Map(kept);
    const followed = kept[0][0];
    this.lastStarted = this.tracks.indexOf(followed);
    return followed !== before;
  }

  private fresh(withFinished: boolean): Map<Track, number> {
    const order = [...this.tracks.slice(this.lastStarted + 1), ...this.tracks.slice(0, this.lastStarted + 1)];
    const out = new Map<Track, number>();
    for (const track of order) {
      if (!withFinished && this.finished.has(track)) continue;
      const ate0 = track.steps.findIndex((s) => s.kind === 'line' && /^ATE0$/i.test(s.text));
      out.set(track, ate0 + 1);
    }
    return out;
  }
}
