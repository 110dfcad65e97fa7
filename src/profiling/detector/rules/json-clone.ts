import type ts from "typescript";
import { methodName } from "../in-loop.js";
import type { Rule } from "../rule-types.js";

/** `JSON.parse(JSON.stringify(x))`: a deep copy through a string; use structuredClone or avoid the copy. */
export const jsonClone: Rule = {
  name: "json-clone",
  message:
    "JSON.parse(JSON.stringify()) deep copy serialises the whole value; use structuredClone or share it",
  matches(node) {
    if (methodName(node) !== "parse") return false;
    const call = node as ts.CallExpression;
    const arg = call.arguments[0];
    return arg !== undefined && methodName(arg) === "stringify";
  },
};
