import ts from "typescript";

/** True when `node` sits in the body of a for/for-of/for-in/while/do loop of its own function. */
export function inLoop(node: ts.Node): boolean {
  let child = node;
  let parent = node.parent;
  while (parent !== undefined) {
    if (ts.isFunctionLike(parent)) return false;
    if (
      (ts.isForStatement(parent) ||
        ts.isForOfStatement(parent) ||
        ts.isForInStatement(parent) ||
        ts.isWhileStatement(parent) ||
        ts.isDoStatement(parent)) &&
      parent.statement === child
    ) {
      return true;
    }
    child = parent;
    parent = parent.parent;
  }
  return false;
}

/** The name of a call's method (`a.b.push(x)` → "push"), or "". */
export function methodName(node: ts.Node): string {
  return ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)
    ? node.expression.name.text
    : "";
}
