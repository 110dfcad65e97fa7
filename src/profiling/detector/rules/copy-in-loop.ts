import ts from "typescript";
import { inLoop, methodName } from "../in-loop.js";
import type { Rule } from "../rule-types.js";

/** Spread, `Array.from` or `.slice()` inside a loop body: a fresh copy every iteration. */
export const copyInLoop: Rule = {
  name: "copy-in-loop",
  message: "spread, Array.from or slice inside a loop copies on every iteration; hoist or index in place",
  matches(node) {
    if (!inLoop(node)) return false;
    if (ts.isSpreadElement(node) || ts.isSpreadAssignment(node)) return true;
    if (methodName(node) === "slice") return true;
    if (methodName(node) === "from") {
      const target = ((node as ts.CallExpression).expression as ts.PropertyAccessExpression).expression;
      return ts.isIdentifier(target) && target.text === "Array";
    }
    return false;
  },
};
