/**
 * A variant profile: what one module model of the spec's table 1 is, and which reading it takes
 * of each ambiguity the English reference marks (A1–A35). Shared data: the simulator behaves by
 * it, the harness expects by it. Validated with zod so a bad profile names its bad field.
 */
import { z } from 'zod';

export const AMBIGUITY_READINGS = {
  /** A3: CONNECT timeout — Excep1 (tear down TCP, never result 1) or retransmitted like SUB. */
  A3: ['excep1', 'retransmit'],
  /** A4: QoS 0 publish reports +QMTPUBEX: idx,0,0 (example 5.1) or no URC (figure 1). */
  A4: ['urc', 'no-urc'],
  /** A9: partial omission in QMTCFG (e.g. "ssl",0,1 without ctx): keep previous value, or ERROR. */
  A9: ['keep-previous', 'error'],
  /** A10: QMTCFG set while the MQTT connection exists: ERROR, or accepted (OK, applies next time). */
  A10: ['error', 'ok'],
  /** A11: will_fg=0 followed by further will parameters: ignored (OK) or ERROR. */
  A11: ['ignore-extra', 'error'],
  /** A11 (willex half): AT+QMTCFG="willex",idx,0 answers OK without a `>` prompt, or still prompts. */
  A11willex: ['no-prompt', 'prompt'],
  /** A14: <hw_time_enable> is an optional trailing set parameter of "hwauth"/"hwprodid", or not settable. */
  A14: ['trailing-optional', 'not-settable'],
  /** A15: "send/mode" and "dataformat" <send_mode> are independent settings, or one shared setting. */
  A15: ['independent', 'shared'],
  /** A17: "edit/timeout" query always prints <edit_time>, or only when <edit_mode>=1. */
  A17: ['always', 'when-enabled'],
  /** A13: "qmtping" query ends with OK, or without. */
  A13: ['ok', 'no-ok'],
  /** A20: retry_times counts retransmissions after the first send, or all sends including it. */
  A20: ['after-first', 'including-first'],
  /** A22: QMTOPEN? prints the host in quotes, or bare. */
  A22: ['quoted', 'bare'],
  /** A25: +QMTUNS result 0 has no <value>, or a granted-QoS vector. */
  A25: ['no-value', 'value'],
  /** A26: QoS 0 publish must use msgid 0, or may use any msgid. QoS 1/2 never 0. */
  A26: ['must-zero', 'may-zero'],
  /** A28: <length> above 1500 gives ERROR, or is clipped to 1500. */
  A28: ['error', 'clip'],
  /** A30: AT+QMTRECV read removes the message from the buffer, or keeps it. */
  A30: ['consume', 'keep'],
  /** A33: +QMTRECV payload in quotes, or bare. */
  A33: ['quoted', 'bare'],
  /** A34: QMTCFG sub-option names are case-insensitive ("SSL"), or lower case only. */
  A34: ['case-insensitive', 'lower-only'],
} as const;

export type AmbiguityId = keyof typeof AMBIGUITY_READINGS;
export type Readings = { [K in AmbiguityId]: (typeof AMBIGUITY_READINGS)[K][number] };

const readingsSchema = z.object(
  Object.fromEntries(
    Object.entries(AMBIGUITY_READINGS).map(([id, values]) => [id, z.enum(values as unknown as [string, ...string[]])]),
  ) as { [K in AmbiguityId]: z.ZodEnum<{ [V in Readings[K]]: V }> },
);

/**
 * How the firmware prints a +QMTRECV message (FIELD-NOTES "+QMTRECV payload layouts differ by
 * firmware"). <payload_len> is there exactly when msg_len_enable=1 (spec 3.3.1) in every layout:
 *   quoted    `+QMTRECV: 0,0,"t","payload"`, with the length `+QMTRECV: 0,0,"t",7,"payload"`
 *   unquoted  `+QMTRECV: 0,0,"t",payload` / `…,"t",7,payload` (the note's own 5.1 example)
 *   split     `+QMTRECV: 0,0,"t",7` and the payload alone on the next line; with no length to
 *             split by (msg_len_enable=0) such firmware prints the quoted same-line form.
 */
export const RECV_LAYOUTS = ['quoted', 'unquoted', 'split'] as const;
export type ProfileRecvLayout = (typeof RECV_LAYOUTS)[number];

export const VariantProfileSchema = z.object({
  /** Name as in table 1 and on the command line, e.g. "EC200N-CN". */
  name: z.string().min(1),
  series: z.enum(['EC200x', 'EC600x', 'EG912Y']),
  /** What ATI prints as model, e.g. "EC200N". */
  model: z.string().min(1),
  manufacturer: z.string().min(1),
  /** What AT+GMR / ATI "Revision:" print for the simulated firmware. */
  revision: z.string().min(1),
  /** Substrings of the ATI model line that identify this variant when detecting. */
  detect: z.array(z.string().min(1)).min(1),
  capabilities: z.object({
    ssl: z.boolean(),
    cloudAuth: z.boolean(),
    reboot: z.boolean(),
    /** AT+QMTCFG sub-options this firmware implements. */
    subOptions: z.array(z.string().min(1)).min(1),
  }),
  /** Defaults the spec lost with its underlining (A8), as this variant has them. */
  defaults: z.object({
    vsn: z.union([z.literal(3), z.literal(4)]),
    cleanSession: z.union([z.literal(0), z.literal(1)]),
    timeoutNotice: z.union([z.literal(0), z.literal(1)]),
    msgRecvMode: z.union([z.literal(0), z.literal(1)]),
    msgLenEnable: z.union([z.literal(0), z.literal(1)]),
    sslEnable: z.union([z.literal(0), z.literal(1)]),
    sslCtxIdx: z.number().int().min(0).max(5),
    sendMode: z.union([z.literal(0), z.literal(1)]),
    recvMode: z.union([z.literal(0), z.literal(1)]),
    viewMode: z.union([z.literal(0), z.literal(1)]),
    editMode: z.union([z.literal(0), z.literal(1)]),
    editTime: z.number().int().min(1).max(120),
    hwTimeEnable: z.union([z.literal(0), z.literal(1)]),
  }),
  readings: readingsSchema,
  /** +QMTRECV layout of this firmware; absent: quoted or bare as its reading of A33 says. */
  recvLayout: z.enum(RECV_LAYOUTS).optional(),
  /**
   * AT-link basics outside the application note (V.25ter/3GPP 27.007 habits of the firmware).
   * Optional so older profile objects stay valid; the simulator falls back to echo 0, CMEE 0.
   */
  at: z
    .object({
      /** ATE default after power-up: 0 = no echo, 1 = echo. */
      echo: z.union([z.literal(0), z.literal(1)]),
      /** AT+CMEE default after power-up (0 plain ERROR, 1 numeric, 2 verbose). */
      cmee: z.union([z.literal(0), z.literal(1), z.literal(2)]),
      /** Virtual/real milliseconds from AT+CFUN=1,1 to the `RDY` URC. */
      rebootMs: z.number().int().min(0),
    })
    .optional(),
});

export type VariantProfile = z.infer<typeof VariantProfileSchema>;

/** Validates a profile; the error names every bad field by its path. */
export function parseVariantProfile(input: unknown, source: string): VariantProfile {
  const parsed = VariantProfileSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new Error(`invalid variant profile ${source}: ${problems.join('; ')}`);
}
