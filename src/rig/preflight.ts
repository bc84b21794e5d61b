/**
 * Before a run starts: can the module's port be opened at all? A port that cannot be opened is
 * a usage problem (exit code 2, one line), not a failed conformance scenario.
 */
import { transportFor } from '../at/open-transport';

export async function checkPortOpens(port: string, baud: number): Promise<string | undefined> {
  const transport = transportFor(port, baud);
  try {
    await transport.open();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await transport.close().catch(() => undefined);
  }
}
