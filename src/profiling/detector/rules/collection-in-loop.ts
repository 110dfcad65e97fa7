import ts from "typescript";
import { inLoop } from "../in-loop.js";
import { isProducedElement } from "../is-produced-element.js";
import type { Rule } from "../rule-types.js";

const COLLECTIONS = new Set([
  "Map",
  "Set",
  "WeakMap",
  "WeakSet",
  "Array",
  "Float64Array",
  "Float32Array",
  "Int32Array",
  "Uint32Array",
  "Int16Array",
  "Uint16Array",
  "Int8Array",
  "Uint8Array",
]);

/**
 * A collection (`new Map/Set/Array/typed array`) constructed inside any loop form — for, for…of, for…in,
 * while, do, or a forEach/map/… callback — is rebuilt on every iteration. The produced element itself
 * (`out[i] = new Float32Array(d)`, `out.push(new Set())`) is output, not a rebuilt temporary.
 */
export const collectionInLoop: Rule = {
  name: "collection-in-loop",
  message:
    "collection constructed inside a loop is rebuilt every iteration; hoist it and clear it, or reuse a buffer",
  matches(node) {
    if (
      !ts.isNewExpression(node) ||
      !ts.isIdentifier(node.expression) ||
      !COLLECTIONS.has(node.expression.text)
    )
      return false;
    if (isProducedElement(node)) return false;
    return inLoop(node);
  },
};
