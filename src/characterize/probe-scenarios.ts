/**
 * The scenarios that observe a reading or an unstated default: those with a "by reading" step, a
 * `{default:…}` field, or a connect result (+QMTCONN's optional ret_code). `qmt characterize` runs
 * only these, as name filters for cucumber (an outline's <placeholders> match anything).
 */
import { AstBuilder, GherkinClassicTokenMatcher, Parser } from '@cucumber/gherkin';
import { IdGenerator, type Scenario } from '@cucumber/messages';
import { readFileSync } from 'node:fs';
import { featureFiles } from '../catalog/feature-scan';

// "lists what the note lists": the AT+QMTCFG=? listing step records reading test-form-layout.
const OBSERVES = /by reading |\{default:|\+QMTCONN: \S+,0,0|is connected to the broker|lists what the note lists/;

export function probeScenarioNames(featuresDir: string): string[] {
  const names = new Set<string>();
  for (const file of featureFiles(featuresDir)) {
    const parser = new Parser(new AstBuilder(IdGenerator.uuid()), new GherkinClassicTokenMatcher());
    const feature = parser.parse(readFileSync(file, 'utf8')).feature;
    const scenarios: Scenario[] = (feature?.children ?? [])
      .flatMap((c) => [c.scenario, ...(c.rule?.children ?? []).map((r) => r.scenario)])
      .filter((s): s is Scenario => Boolean(s));
    const background = (feature?.children ?? []).flatMap((c) => c.background?.steps ?? []);
    for (const scenario of scenarios) {
      const text = [...background, ...scenario.steps]
        .map(
          (s) =>
            `${s.text}\n${s.docString?.content ?? ''}\n${(s.dataTable?.rows ?? []).map((r) => r.cells.map((c) => c.value).join('|')).join('\n')}`,
        )
        .join('\n');
      if (OBSERVES.test(text)) names.add(`^${escape(scenario.name).replace(/<[^>]+>/g, '.*')}$`);
    }
  }
  return [...names];
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
