/**
 * AT+QFUPL="UFS:<name>",<size>[,<timeout>[,<ackmode>]] (spec 5.2; Quectel FILE note):
 * answers `CONNECT`, reads exactly <size> raw bytes, stores them, then `+QFUPL: <size>,<checksum>`
 * and OK. Bytes after the <size>-th are command input again. If the data does not arrive
 * within <timeout> seconds (default 5, on the module's clock) the upload ends with an error
 * (`+CME ERROR: 421` with CMEE>0). An existing file is overwritten (real firmware answers 407;
 * overwriting keeps repeated runs of example 5.2 simple).
 */
import type { CoreHandler } from '../../core/core-context';
import { formatChecksum, qfuplChecksum } from './checksum';
import { normaliseUfsName } from './ufs-name';

const MAX_UPLOAD_BYTES = 1024 * 1024;
const DEFAULT_TIMEOUT_S = 5;

function readUint(text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined || !/^[0-9]{1,8}$/.test(text)) return undefined;
  const value = Number(text);
  return value >= min && value <= max ? value : undefined;
}

export const handleQfupl: CoreHandler = (command, ctx) => {
  if (command.form === 'test') return ctx.out.ok();
  const [nameArg, sizeArg, timeoutArg, ackArg] = command.args;
  if (command.form !== 'set' || command.args.length < 2 || command.args.length > 4 || !nameArg.quoted) {
    return ctx.out.error();
  }
  const name = normaliseUfsName(nameArg.text);
  const size = sizeArg.quoted ? undefined : readUint(sizeArg.text, 1, MAX_UPLOAD_BYTES);
  const timeoutS =
    timeoutArg === undefined ? DEFAULT_TIMEOUT_S : timeoutArg.quoted ? undefined : readUint(timeoutArg.text, 1, 65535);
  const ackOk = ackArg === undefined || (!ackArg.quoted && ackArg.text === '0');
  if (!name || size === undefined || timeoutS === undefined || !ackOk) return ctx.out.error();

  let timer: ReturnType<typeof ctx.clock.setTimeout> | undefined;
  const cancel = ctx.out.capture(() => ctx.out.line('CONNECT'), {
    length: size,
    dropExtra: false,
    onData: (data) => {
      ctx.clock.clearTimeout(timer);
      ctx.files.set(name, data);
      ctx.out.line(`+QFUPL: ${size},${formatChecksum(qfuplChecksum(data))}`);
      ctx.out.ok();
    },
  });
  timer = ctx.clock.setTimeout(() => {
    cancel();
    ctx.out.cmeError(421);
  }, timeoutS * 1000);
};
