/**
 * From command name to handler, by the registry (../command-registry.ts). Names not listed are
 * unknown commands (plain ERROR). The MQTT commands go to the MQTT side's handler map; a command
 * the MQTT side does not implement is unknown too.
 */
import { SIM_COMMANDS } from '../command-registry';
import type { CommandHandler } from '../types';
import type { CoreHandler } from './core-context';

export function findHandler(
  name: string,
  mqttHandlers: Readonly<Record<string, CommandHandler>>,
): CoreHandler | undefined {
  const command = SIM_COMMANDS.get(name);
  if (command?.side === 'core') return command.handler;
  // Own property only: a name such as "+CONSTRUCTOR" must not reach Object.prototype.
  if (command?.side === 'mqtt' && Object.prototype.hasOwnProperty.call(mqttHandlers, name)) return mqttHandlers[name];
  return undefined;
}
