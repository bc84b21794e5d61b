/**
 * Reads the feature files and lists every scenario (every Examples row of an outline counts as
 * the outline) with the spec items its tags name, including tags inherited from its feature,
 * rule and Examples block.
 */
import { AstBuilder, GherkinClassicTokenMatcher, Parser } from '@cucumber/gherkin';
import { IdGenerator, type Scenario, type Tag } from '@cucumber/messages';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export interface ScannedScenario {
  readonly file: string;
  readonly feature: string;
  readonly rule?: string;
  readonly name: string;
  readonly line: number;
  readonly tags: readonly string[];
  readonly specItems: readonly string[];
}

export function featureFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return featureFiles(full);
    return entry.endsWith('.feature') ? [full] : [];
  });
}

export function scanFeatures(dir: string): ScannedScenario[] {
  return featureFiles(dir).flatMap((file) => scanFeature(file, path.relative(dir, file)));
}

function scanFeature(file: string, relative: string): ScannedScenario[] {
  const parser = new Parser(new AstBuilder(IdGenerator.uuid()), new GherkinClassicTokenMatcher());
  const document = parser.parse(readFileSync(file, 'utf8'));
  const feature = document.feature;
  if (!feature) return [];
  const featureTags = names(feature.tags);
  const out: ScannedScenario[] = [];
  const add = (scenario: Scenario, inherited: string[], rule?: string) => {
    const exampleTags = scenario.examples.flatMap((e) => names(e.tags));
    const tags = [...new Set([...inherited, ...names(scenario.tags), ...exampleTags])];
    out.push({
      file: relative,
      feature: feature.name,
      rule,
      name: scenario.name,
      line: scenario.location.line,
      tags,
      specItems: tags.filter((t) => t.startsWith('@spec:')).map((t) => t.slice('@spec:'.length)),
    });
  };
  for (const child of feature.children) {
    if (child.scenario) add(child.scenario, featureTags);
    if (child.rule) {
      const ruleTags = [...featureTags, ...names(child.rule.tags)];
      for (const ruleChild of child.rule.children)
        if (ruleChild.scenario) add(ruleChild.scenario, ruleTags, child.rule.name);
    }
  }
  return out;
}

function names(tags: readonly Tag[]): string[] {
  return tags.map((t) => t.name);
}
