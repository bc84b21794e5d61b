/** spec 3.3.2 AT+QMTOPEN: `OK`, then `+QMTOPEN: <client_idx>,<result>` within 120 s. */
import { fromNote } from './from-note';

// spec 3.3.2: opening is TCP (and TLS) only; no MQTT packet starts its timer.
export const qmtopen = fromNote('AT+QMTOPEN');
