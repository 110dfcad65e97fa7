import ts from "typescript";
import { inLoop } from "../in-loop.js";
import type { Rule } from "../rule-types.js";

function isStringy(node: ts.Node): boolean {
  return (
    ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)
  );
}

/** `s += "…"` in a loop (or on a variable initialised with a string): quadratic copying; collect and join. */
export const stringConcatInLoop: Rule = {
  name: "string-concat-in-loop",
  message: "string built with += inside a loop; collect parts and join once",
  matches(node) {
    if (
      !ts.isBinaryExpression(node) ||
      node.operatorToken.kind !== ts.SyntaxKind.PlusEqualsToken ||
      !inLoop(node)
    )
      return false;
    if (isStringy(node.right)) return true;
    if (!ts.isIdentifier(node.left)) return false;
    const name = node.left.text;
    let found = false;
    let scope: ts.Node | undefined = node.parent;
    while (scope !== undefined && !ts.isFunctionLike(scope) && !ts.isSourceFile(scope)) scope = scope.parent;
    scope?.forEachChild(function visit(n) {
      if (
        ts.isVariableDeclaration(n) &&
        ts.isIdentifier(n.name) &&
        n.name.text === name &&
        n.initializer !== undefined &&
        isStringy(n.initializer)
      )
        found = true;
      n.forEachChild(visit);
    });
    return found;
  },
};
