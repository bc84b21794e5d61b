/**
 * A variant profile: what one module model of the spec's table 1 is, and which reading it takes
 * of each ambiguity the English reference marks (A1–A35). Shared data: the simulator behaves by
 * it, the harness expects by it. Validated with zod so a bad profile names its bad field.
 */
import { z } from 'zod';

import { READINGS, type ReadingId, type Readings } from './readings';

export type { ReadingId, Readings } from './readings';

/**
 * A profile value may carry where it comes from: `{ "value": 0, "source": "docs/field-evidence.md#<section>: ..." }`
 * (the field evidence, the note's section, "our reading", or how `qmt characterize` observed it).
 * A bare value is accepted too. Parsing keeps the value and collects the sources apart.
 */
function sourced<T extends z.ZodType>(schema: T) {
  return z.union([schema, z.object({ value: schema, source: z.string().min(1) }).strict()]);
}

function unwrap(input: unknown): unknown {
  return input && typeof input === 'object' && 'value' in input ? (input as { value: unknown }).value : input;
}

const readingsSchema = z
  .object(
    Object.fromEntries(
      Object.entries(READINGS).map(([id, r]) => [id, sourced(z.enum(r.values as unknown as [string, ...string[]]))]),
    ) as { [K in ReadingId]: ReturnType<typeof sourced<z.ZodEnum<{ [V in Readings[K]]: V }>>> },
  )
  .strict();

const bit = sourced(z.union([z.literal(0), z.literal(1)]));

/**
 * How the firmware prints a +QMTRECV message
 * (docs/field-evidence.md#qmtrecv-layouts). <payload_len> is there exactly when msg_len_enable=1 (spec 3.3.1) in every layout:
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
  defaults: z
    .object({
      vsn: sourced(z.union([z.literal(3), z.literal(4)])),
      cleanSession: bit,
      timeoutNotice: bit,
      msgRecvMode: bit,
      msgLenEnable: bit,
      sslEnable: bit,
      sslCtxIdx: sourced(z.number().int().min(0).max(5)),
      sendMode: bit,
      recvMode: bit,
      viewMode: bit,
      editMode: bit,
      editTime: sourced(z.number().int().min(1).max(120)),
      hwTimeEnable: bit,
    })
    .strict(),
  readings: readingsSchema,
  /** Where other values come from, by path ("at.echo" → "docs/field-evidence.md#echo-at-power-up: echo is on at power-up"). */
  sources: z.record(z.string(), z.string()).optional(),
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
      /**
       * The bytes of the `>` prompt of AT+QMTPUBEX / "willex" (no line ending either way). Spec
       * 3.3.8 prints `>`; docs/field-evidence.md#prompt-framing: EC200U frames it `\r\n> `. Absent = `>`.
       */
      prompt: z.enum(['>', '\r\n> ']).optional(),
    })
    .optional(),
});

type Unwrapped<T> = T extends { value: infer V; source: string } ? V : T;
type RawProfile = z.infer<typeof VariantProfileSchema>;

/** A profile with plain values; `sources` says where each came from ("readings.A10" → text). */
export type VariantProfile = Omit<RawProfile, 'readings' | 'defaults'> & {
  readings: Readings;
  defaults: { [K in keyof RawProfile['defaults']]: Unwrapped<RawProfile['defaults'][K]> };
  sources: Record<string, string>;
};

export type ProfileDefaults = VariantProfile['defaults'];

/** Validates a profile; the error names every bad field by its path. */
export function parseVariantProfile(input: unknown, source: string): VariantProfile {
  const parsed = VariantProfileSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`invalid variant profile ${source}: ${problems.join('; ')}`);
  }
  const sources: Record<string, string> = { ...parsed.data.sources };
  const plain = (group: 'readings' | 'defaults') =>
    Object.fromEntries(
      Object.entries(parsed.data[group]).map(([key, entry]) => {
        if (entry && typeof entry === 'object' && 'source' in entry) sources[`${group}.${key}`] = entry.source;
        return [key, unwrap(entry)];
      }),
    );
  return {
    ...parsed.data,
    readings: plain('readings') as Readings,
    defaults: plain('defaults') as VariantProfile['defaults'],
    sources,
  };
}
