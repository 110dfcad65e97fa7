import ts from "typescript";
import { CompetencyError } from "../../errors.js";
import type { Finding, Rule } from "./rule-types.js";

/**
 * Parses one TypeScript source and returns every rule's findings, in source order.
 * @throws CompetencyError INVALID_INPUT when the file does not parse (a detector that skipped it would
 * report a clean file it never read)
 */
export function detectFile(file: string, text: string, rules: readonly Rule[]): Finding[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const errors = (sf as unknown as { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics ?? [];
  const first = errors[0];
  if (first !== undefined) {
    const { line, character } = sf.getLineAndCharacterOfPosition(first.start ?? 0);
    throw new CompetencyError(
      "INVALID_INPUT",
      `${file}:${line + 1}:${character + 1} does not parse: ${ts.flattenDiagnosticMessageText(first.messageText, " ")}`,
    );
  }
  const findings: Finding[] = [];
  const visit = (node: ts.Node): void => {
    for (const rule of rules) {
      if (rule.matches(node, sf)) {
        const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
        findings.push({
          file,
          line: line + 1,
          column: character + 1,
          rule: rule.name,
          message: rule.message,
        });
      }
    }
    node.forEachChild(visit);
  };
  visit(sf);
  return findings;
}
