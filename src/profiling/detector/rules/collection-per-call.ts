import ts from "typescript";
import type { Rule } from "../rule-types.js";

function isConstant(node: ts.Expression): boolean {
  if (ts.isStringLiteral(node) || ts.isNumericLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
    return true;
  return ts.isArrayLiteralExpression(node) && node.elements.every((e) => isConstant(e));
}

/** `new Set([...constants])` / `new Map([...])` inside a function: rebuilt on every call; hoist to module scope. */
export const collectionPerCall: Rule = {
  name: "collection-per-call",
  message: "Map/Set of constants rebuilt on every call; build it once at module scope",
  matches(node) {
    if (!ts.isNewExpression(node) || !ts.isIdentifier(node.expression)) return false;
    if (node.expression.text !== "Set" && node.expression.text !== "Map") return false;
    const arg = node.arguments?.[0];
    if (arg === undefined || !ts.isArrayLiteralExpression(arg) || !isConstant(arg)) return false;
    let p: ts.Node | undefined = node.parent;
    while (p !== undefined && !ts.isFunctionLike(p)) p = p.parent;
    return p !== undefined;
  },
};
