import ts from "typescript";
import { inLoop, methodName } from "../in-loop.js";
import type { Rule } from "../rule-types.js";

/** `out.push(x)` in a counted `for` loop on an array declared `[]`: the size is known, preallocate. */
export const pushWithKnownSize: Rule = {
  name: "push-with-known-size",
  message:
    "array grown by push in a counted loop; the size is known, so preallocate (new Array(n) or a typed array)",
  matches(node) {
    if (methodName(node) !== "push" || !inLoop(node)) return false;
    let loop: ts.Node | undefined = node.parent;
    while (loop !== undefined && !ts.isForStatement(loop) && !ts.isFunctionLike(loop)) loop = loop.parent;
    if (loop === undefined || !ts.isForStatement(loop) || loop.condition === undefined) return false;
    // A push under a condition adds an unknown number of elements: the size is not known.
    for (let p: ts.Node | undefined = node.parent; p !== undefined && p !== loop; p = p.parent) {
      if (ts.isIfStatement(p) || ts.isConditionalExpression(p)) return false;
    }
    const target = ((node as ts.CallExpression).expression as ts.PropertyAccessExpression).expression;
    if (!ts.isIdentifier(target)) return false;
    let scope: ts.Node | undefined = loop.parent;
    while (scope !== undefined && !ts.isBlock(scope) && !ts.isSourceFile(scope)) scope = scope.parent;
    let emptyInit = false;
    scope?.forEachChild(function visit(n) {
      if (
        ts.isVariableDeclaration(n) &&
        ts.isIdentifier(n.name) &&
        n.name.text === target.text &&
        n.initializer !== undefined
      ) {
        emptyInit = ts.isArrayLiteralExpression(n.initializer) && n.initializer.elements.length === 0;
      }
      if (!ts.isFunctionLike(n)) n.forEachChild(visit);
    });
    return emptyInit;
  },
};
