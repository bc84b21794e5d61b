/**
 * What the harness knows about one AT command, in one place: its forms, the result URC its set form
 * ends with, the data prompt it waits for, the packets that start the module's timer, its time-limit
 * rule, its secret parameters and the document that specifies it. Commands of the application note
 * take all they can from spec/quectel-mqtt-at.json (./from-note.ts); the rest is written in their
 * descriptor with the section it comes from. The tables the AT client and the QMT host use are
 * derived from these descriptors in ./tables.ts, never kept beside them.
 */

/** The four forms of an extended command (V.25ter 5.4; spec 2.1): `=?`, `?`, `=<args>`, bare. */
export type CommandForm = 'exec' | 'read' | 'test' | 'set';

/** What the module answers before it reads raw data: `>` (spec 3.3.8) or `CONNECT` (AT+QFUPL). */
export type DataPrompt = '>' | 'CONNECT';

/** MQTT packets from the module, as the broker fixture records them, that can start a timer. */
export type TimerPacket = 'connect' | 'subscribe' | 'unsubscribe' | 'publish' | 'pubrel';

/**
 * The maximum response time: the note's rule (a fixed time, `<pkt_timeout>`, or
 * `<pkt_timeout> x <retry_times>`), checked as conformance; or a limit of the harness's own for a
 * command the note gives no time for, which only bounds the wait and decides no verdict.
 */
export type TimeLimitRule =
  | { readonly by: 'note'; readonly section: string; readonly text: string; readonly ms: number }
  | { readonly by: 'note'; readonly section: string; readonly text: string; readonly expression: '<pkt_timeout>' }
  | {
      readonly by: 'note';
      readonly section: string;
      readonly text: string;
      readonly expression: '<pkt_timeout> × <retry_times>';
    }
  | { readonly by: 'harness'; readonly ms: number };

/** Syntax of one set form (the note's text, `AT+QMTCONN=<client_idx>,<clientid>[,…]`) and its prompt. */
export interface SetSyntax {
  readonly syntax: string;
  readonly prompt?: DataPrompt;
}

export interface CommandDescriptor {
  /** `+QMTCFG`, `+CFUN`; for basic commands the letters without their number (`I`, `E`). */
  readonly name: string;
  /**
   * Where it is specified: `note <section>` for the application note, else the other document
   * (its failure is then a precondition of the scenario, never a verdict on the note).
   */
  readonly document: { readonly note: string } | { readonly other: string };
  /** The forms the command has, each with its syntax; AT+QMTCFG's set form is one per sub-option. */
  readonly forms: {
    readonly test?: string;
    readonly read?: string;
    readonly exec?: string;
    readonly set?: SetSyntax;
    readonly setBySubOption?: Readonly<Record<string, SetSyntax>>;
  };
  /**
   * The URC that reports the set form's result after its `OK` (spec 3.3.2 ff.: `+QMTOPEN:
   * <client_idx>,<result>`): a line of the command's own name during the set form is a URC.
   */
  readonly resultUrc?: string;
  /** Its answer is bare text, not `+NAME: …` (ATI, AT+GMR). */
  readonly untaggedInfo?: boolean;
  /** spec figure 1: the requests whose first send starts the module's T1; the last one seen wins. */
  readonly timerPackets?: readonly TimerPacket[];
  readonly timeLimit: TimeLimitRule;
  /** Parameter names (as the syntax writes them) that must never appear in a transcript or report. */
  readonly secretParameters?: readonly string[];
}
