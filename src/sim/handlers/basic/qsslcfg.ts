/**
 * AT+QSSLCFG="<option>",<ctx>[,<value>] for the options example 5.2 uses (details are in the
 * SSL note [1], outside this spec): "cacert", "clientcert", "clientkey" (quoted UFS file
 * names, stored normalised as `UFS:<name>`), "seclevel" 0–2, "sslversion" 0–4,
 * "ciphersuite" (0xHHHH, quoted or not; 0xFFFF = all), "ignorelocaltime" 0–1.
 * With <value> omitted the current value is printed: `+QSSLCFG: "<option>",<ctx>,<value>`.
 */
import type { AtArgument, SslContext } from '../../types';
import type { CoreHandler } from '../../core/core-context';
import { normaliseUfsName } from './ufs-name';

type Option = 'cacert' | 'clientcert' | 'clientkey' | 'seclevel' | 'sslversion' | 'ciphersuite' | 'ignorelocaltime';

const INT_RANGES: Partial<Record<Option, [number, number]>> = {
  seclevel: [0, 2],
  sslversion: [0, 4],
  ignorelocaltime: [0, 1],
};

function isOption(name: string): name is Option {
  return ['cacert', 'clientcert', 'clientkey', 'seclevel', 'sslversion', 'ciphersuite', 'ignorelocaltime'].includes(
    name,
  );
}

function format(option: Option, ssl: SslContext): string {
  if (option === 'cacert' || option === 'clientcert' || option === 'clientkey') return `"${ssl[option] ?? ''}"`;
  if (option === 'ciphersuite') return ssl.ciphersuite;
  return String(ssl[option]);
}

/** Applies `arg` to `ssl`; false when the value is invalid. */
function apply(option: Option, arg: AtArgument, ssl: SslContext): boolean {
  if (option === 'cacert' || option === 'clientcert' || option === 'clientkey') {
    const name = arg.quoted ? normaliseUfsName(arg.text) : undefined;
    if (!name) return false;
    ssl[option] = name;
    return true;
  }
  if (option === 'ciphersuite') {
    if (!/^0[xX][0-9A-Fa-f]{1,4}$/.test(arg.text)) return false;
    ssl.ciphersuite = `0x${arg.text.slice(2).toUpperCase()}`;
    return true;
  }
  const [min, max] = INT_RANGES[option]!;
  if (arg.quoted || !/^[0-9]{1,3}$/.test(arg.text)) return false;
  const value = Number(arg.text);
  if (value < min || value > max) return false;
  ssl[option] = value;
  return true;
}

export const handleQsslcfg: CoreHandler = (command, ctx) => {
  if (command.form === 'test') return ctx.out.ok();
  const [optionArg, ctxArg, valueArg] = command.args;
  if (command.form !== 'set' || command.args.length < 2 || command.args.length > 3 || !optionArg.quoted) {
    return ctx.out.error();
  }
  const option = optionArg.text.toLowerCase();
  const index = !ctxArg.quoted && /^[0-5]$/.test(ctxArg.text) ? Number(ctxArg.text) : undefined;
  if (!isOption(option) || index === undefined) return ctx.out.error();
  const ssl = ctx.sslContexts[index];
  if (valueArg === undefined) {
    ctx.out.line(`+QSSLCFG: "${option}",${index},${format(option, ssl)}`);
    return ctx.out.ok();
  }
  return apply(option, valueArg, ssl) ? ctx.out.ok() : ctx.out.error();
};
