/**
 * AT+QMTCFG sub-options for data handling: "recv/mode", "qmtping", "send/mode",
 * "dataformat", "view/mode", "edit/timeout" (spec 3.3.1; ambiguities A9, A13, A15, A17).
 */
import { readIntIn } from './arguments';
import { acceptedRange } from '../../faults/range-faults';
import { RANGE, formatRange as f } from './ranges';
import { singleValueOption } from './single-value-option';
import type { SubOption } from './sub-option';

const IDX = f(RANGE.clientIdx);

export const recvMode: SubOption = {
  name: 'recv/mode',
  testLine: () => `"recv/mode",${IDX},${f(RANGE.msgRecvMode)},${f(RANGE.msgLenEnable)}`,
  query(c) {
    return `"recv/mode",${c.msgRecvMode},${c.msgLenEnable}`;
  },
  set(args, c, ctx) {
    if (args.length > 2) return false;
    const mode = readIntIn(args[0], RANGE.msgRecvMode);
    if (mode === undefined) return false;
    // A9: "recv/mode",idx,<msg_recv_mode> alone keeps <msg_len_enable>, or ERROR.
    if (args.length === 1) {
      if (ctx.variant.readings.A9 === 'error') return false;
      c.msgRecvMode = mode;
      return true;
    }
    const lenEnable = readIntIn(args[1], RANGE.msgLenEnable);
    if (lenEnable === undefined) return false;
    c.msgRecvMode = mode;
    c.msgLenEnable = lenEnable;
    return true;
  },
};

export const qmtping = singleValueOption({
  name: 'qmtping',
  field: 'qmtpingInterval',
  range: RANGE.qmtpingInterval,
  widenable: 'qmtpingInterval',
});

export const sendMode: SubOption = {
  name: 'send/mode',
  testLine: () => `"send/mode",${IDX},${f(RANGE.sendMode)}`,
  query: (c) => `"send/mode",${c.sendMode}`,
  set(args, c, ctx) {
    const mode = readIntIn(args[0], RANGE.sendMode);
    if (args.length !== 1 || mode === undefined) return false;
    c.sendMode = mode;
    // A15: one shared <send_mode>, or independent settings.
    if (ctx.variant.readings.A15 === 'shared') c.dataformat.sendMode = mode;
    return true;
  },
};

export const dataformat: SubOption = {
  name: 'dataformat',
  // The note prints a space after two commas of this line; kept exactly as printed (spec 3.3.1).
  testLine: () => `"dataformat",${IDX}, ${f(RANGE.sendMode)}, ${f(RANGE.recvMode)}`,
  query: (c) => `"dataformat",${c.dataformat.sendMode},${c.dataformat.recvMode}`,
  set(args, c, ctx) {
    // A9: "dataformat",idx,<send_mode> alone keeps the previous <recv_mode> (spec 3.1.1), or ERROR.
    if (args.length > 2 || (args.length < 2 && ctx.variant.readings.A9 === 'error')) return false;
    const send = readIntIn(args[0], RANGE.sendMode);
    const recv = args.length > 1 ? readIntIn(args[1], RANGE.recvMode) : c.dataformat.recvMode;
    if (send === undefined || recv === undefined) return false;
    c.dataformat = { sendMode: send, recvMode: recv };
    if (ctx.variant.readings.A15 === 'shared') c.sendMode = send;
    return true;
  },
};

export const viewMode = singleValueOption({ name: 'view/mode', field: 'viewMode', range: RANGE.viewMode });

export const editTimeout: SubOption = {
  name: 'edit/timeout',
  testLine: () => `"edit/timeout",${IDX},${f(RANGE.editMode)},${f(RANGE.editTime)}`,
  query(c, ctx) {
    // A17: "[,<edit_time>]" — always printed, or only while <edit_mode>=1.
    const time = ctx.variant.readings.A17 === 'always' || c.editTimeout.mode === 1 ? `,${c.editTimeout.time}` : '';
    return `"edit/timeout",${c.editTimeout.mode}${time}`;
  },
  set(args, c, ctx) {
    // A9: "edit/timeout",idx,<edit_mode> alone keeps the previous <edit_time> (spec 3.1.1), or ERROR.
    if (args.length > 2 || (args.length < 2 && ctx.variant.readings.A9 === 'error')) return false;
    const mode = readIntIn(args[0], RANGE.editMode);
    const time = args.length > 1 ? readIntIn(args[1], acceptedRange('editTime', ctx.faults)) : c.editTimeout.time;
    if (mode === undefined || time === undefined) return false;
    c.editTimeout = { mode, time };
    return true;
  },
};
