/**
 * docs/steps.md is generated from the code (scripts/steps-doc.js): this fails when a step or a
 * parameter type changed and the committed vocabulary was not regenerated with npm run docs:steps.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

type StepsDoc = { renderStepsDoc: () => Promise<string>; DOC: string };
const { renderStepsDoc, DOC } = require('../../scripts/steps-doc.js') as StepsDoc;

test('docs/steps.md is what scripts/steps-doc.js generates from steps/ and support/', async () => {
  const generated = await renderStepsDoc();
  const listsBoth = generated.includes('`the module answers OK`') && generated.includes('`{packet}`');
  assert.ok(listsBoth, 'the generator lists steps and parameter types');
  assert.equal(readFileSync(DOC, 'utf8'), generated, 'docs/steps.md is out of date: run npm run docs:steps');
});
