/**
 * The application note as data (spec/quectel-mqtt-at.json, a verbatim copy of
 * the shared spec data, kept in step by test/spec/catalog-in-step.test.ts).
 * Spec data may be shared by harness and simulator alike.
 */
import raw from '../../spec/quectel-mqtt-at.json';

export interface SpecItem {
  readonly id: string;
  readonly text: string;
}

interface SpecCommand {
  readonly name: string;
  readonly section: string;
  readonly maxResponseTime: { value?: number; unit?: string; expression?: string; text: string } | null;
}

interface SpecDocument {
  readonly items: readonly SpecItem[];
  readonly commands: readonly SpecCommand[];
  readonly ambiguities: readonly { id: string; section: string; summary: string; readings: string[] }[];
}

export const spec = raw as unknown as SpecDocument;

export function specItem(id: string): SpecItem | undefined {
  return spec.items.find((item) => item.id === id);
}
