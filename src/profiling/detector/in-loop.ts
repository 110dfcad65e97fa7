import ts from "typescript";

/** Array methods whose callback runs once per element: its body is a loop body. */
const ITERATING = new Set([
  "forEach",
  "map",
  "filter",
  "reduce",
  "reduceRight",
  "some",
  "every",
  "find",
  "findIndex",
  "flatMap",
]);

/** True when `fn` is the callback passed to an iterating array method (`xs.forEach((x) => …)`). */
function isIterationCallback(fn: ts.Node): boolean {
  const call = fn.parent;
  return (
    call !== undefined &&
    ts.isCallExpression(call) &&
    call.arguments[0] === fn &&
    ts.isPropertyAccessExpression(call.expression) &&
    ITERATING.has(call.expression.name.text)
  );
}

/**
 * True when `node` sits in the body of a loop of its own function: for, for…of, for…in, while, do, or the
 * callback of forEach/map/filter/reduce/… (the callback's body runs once per element).
 */
export function inLoop(node: ts.Node): boolean {
  let child = node;
  let parent = node.parent;
  while (parent !== undefined) {
    if (ts.isFunctionLike(parent)) return isIterationCallback(parent);
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
