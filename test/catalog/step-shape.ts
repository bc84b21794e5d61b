/**
 * Reads step definitions the way a reviewer does, with the TypeScript compiler API: every
 * Given/When/Then call in a file, its pattern (a Cucumber Expression string, or something else)
 * and the number of lines of its body. Used by step-definitions.test.ts and the before/after figures.
 */
import ts from 'typescript';

const STEP_KEYWORDS = new Set(['Given', 'When', 'Then']);

export interface StepShape {
  readonly file: string;
  readonly line: number;
  /** The Cucumber Expression, or undefined when the pattern is not a string literal. */
  readonly expression: string | undefined;
  /** The pattern's source text as written (a RegExp literal, `new RegExp(...)`, a string). */
  readonly patternText: string;
  /** Lines between the body's braces (an expression-bodied arrow counts its own lines). */
  readonly bodyLines: number;
}

export function stepShapes(file: string, text: string): StepShape[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const shapes: StepShape[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && STEP_KEYWORDS.has(node.expression.text)) {
      shapes.push(shapeOf(source, file, node));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return shapes;
}

function shapeOf(source: ts.SourceFile, file: string, call: ts.CallExpression): StepShape {
  const [pattern, ...rest] = call.arguments;
  const body = rest.find((a) => ts.isFunctionExpression(a) || ts.isArrowFunction(a));
  const line = source.getLineAndCharacterOfPosition(call.getStart(source)).line + 1;
  const literal = pattern && (ts.isStringLiteral(pattern) || ts.isNoSubstitutionTemplateLiteral(pattern));
  return {
    file,
    line,
    expression: literal ? (pattern as ts.StringLiteralLike).text : undefined,
    patternText: pattern?.getText(source) ?? '',
    bodyLines: body ? bodyLines(source, body as ts.FunctionLikeDeclaration) : 0,
  };
}

function bodyLines(source: ts.SourceFile, fn: ts.FunctionLikeDeclaration): number {
  const body = fn.body;
  if (!body) return 0;
  const lineOf = (pos: number) => source.getLineAndCharacterOfPosition(pos).line;
  if (!ts.isBlock(body)) return lineOf(body.getEnd()) - lineOf(body.getStart(source)) + 1;
  const open = lineOf(body.getStart(source));
  const close = lineOf(body.getEnd());
  // `{ a; }` on one line is one line; otherwise the lines strictly between the braces.
  return close === open ? 1 : close - open - 1;
}

/** Top-level statements of a step file that are neither imports nor step definitions (helpers, tables). */
export function otherTopLevelStatements(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const isStep = (s: ts.Statement) =>
    ts.isExpressionStatement(s) &&
    ts.isCallExpression(s.expression) &&
    ts.isIdentifier(s.expression.expression) &&
    STEP_KEYWORDS.has(s.expression.expression.text);
  const lineOf = (s: ts.Statement) => source.getLineAndCharacterOfPosition(s.getStart(source)).line + 1;
  return source.statements
    .filter((s) => !ts.isImportDeclaration(s) && !isStep(s))
    .map((s) => `${file}:${lineOf(s)}: ${s.getText(source).split('\n')[0]}`);
}
