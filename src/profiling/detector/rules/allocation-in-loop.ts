import ts from "typescript";
import { inLoop } from "../in-loop.js";
import { isProducedElement } from "../is-produced-element.js";
import type { Rule } from "../rule-types.js";

/** A closure or an object literal created in a loop body: one allocation per iteration in a hot loop. */
export const allocationInLoop: Rule = {
  name: "allocation-in-loop",
  message:
    "closure or object literal created inside a loop; hoist it or write results into preallocated arrays",
  matches(node) {
    const kind =
      ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isObjectLiteralExpression(node);
    if (!kind) return false;
    // An object literal nested in another only counts once, at the outermost literal.
    if (
      ts.isObjectLiteralExpression(node) &&
      node.parent !== undefined &&
      (ts.isPropertyAssignment(node.parent) || ts.isObjectLiteralExpression(node.parent))
    )
      return false;
    // The literal that *is* the produced element (`out[i] = {…}`, `out.push({…})`) is output, not a temporary.
    if (ts.isObjectLiteralExpression(node) && isProducedElement(node)) return false;
    return inLoop(node);
  },
};
