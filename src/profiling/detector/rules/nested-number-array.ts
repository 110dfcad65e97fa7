import ts from "typescript";
import type { Rule } from "../rule-types.js";

/** `number[][]` or `Array<number[]>`: a matrix of arrays; use one row-major Float64Array/Float32Array. */
export const nestedNumberArray: Rule = {
  name: "nested-number-array",
  message: "number[][] matrix; use a flat row-major typed array with rows and cols",
  matches(node) {
    if (!ts.isArrayTypeNode(node) || !ts.isArrayTypeNode(node.elementType)) return false;
    return node.elementType.elementType.kind === ts.SyntaxKind.NumberKeyword;
  },
};
