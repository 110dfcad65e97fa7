import ts from "typescript";

/**
 * True when `node` *is* the element a loop produces (`out[i] = node`, `out.push(node)`): that allocation is
 * the loop's output, not a temporary, so allocation rules do not flag it.
 */
export function isProducedElement(node: ts.Node): boolean {
  const parent = node.parent;
  if (parent === undefined) return false;
  if (ts.isBinaryExpression(parent) && parent.right === node && ts.isElementAccessExpression(parent.left))
    return true;
  return (
    ts.isCallExpression(parent) &&
    ts.isPropertyAccessExpression(parent.expression) &&
    parent.expression.name.text === "push"
  );
}
