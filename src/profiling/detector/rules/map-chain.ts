import type ts from "typescript";
import { methodName } from "../in-loop.js";
import type { Rule } from "../rule-types.js";

/** `.map(...).filter(...)` or `.map(...).reduce(...)`: an intermediate array per call; use one loop. */
export const mapChain: Rule = {
  name: "map-chain",
  message: ".map() chained into .filter()/.reduce() allocates an intermediate array; fuse into one loop",
  matches(node) {
    const name = methodName(node);
    if (name !== "filter" && name !== "reduce") return false;
    const receiver = ((node as ts.CallExpression).expression as ts.PropertyAccessExpression).expression;
    return methodName(receiver) === "map";
  },
};
