import ts from "typescript";
import type { Finding, Rule } from "./rule-types.js";

/** Parses one TypeScript source and returns every rule's findings, in source order. */
export function detectFile(file: string, text: string, rules: readonly Rule[]): Finding[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
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
