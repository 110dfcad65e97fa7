import type { Rule } from "./rule-types.js";
import { allocationInLoop } from "./rules/allocation-in-loop.js";
import { collectionInLoop } from "./rules/collection-in-loop.js";
import { collectionPerCall } from "./rules/collection-per-call.js";
import { copyInLoop } from "./rules/copy-in-loop.js";
import { jsonClone } from "./rules/json-clone.js";
import { mapChain } from "./rules/map-chain.js";
import { nestedNumberArray } from "./rules/nested-number-array.js";
import { pushWithKnownSize } from "./rules/push-with-known-size.js";
import { stringConcatInLoop } from "./rules/string-concat-in-loop.js";

/** Every detector rule, in report order. */
export const RULES: readonly Rule[] = [
  pushWithKnownSize,
  nestedNumberArray,
  mapChain,
  copyInLoop,
  allocationInLoop,
  stringConcatInLoop,
  jsonClone,
  collectionPerCall,
  collectionInLoop,
];
