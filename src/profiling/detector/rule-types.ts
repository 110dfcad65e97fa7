import type ts from "typescript";

/** One anti-pattern found in a file. */
export type Finding = {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly rule: string;
  readonly message: string;
};

/** A detector rule: looks at one node and says whether it is an instance of the anti-pattern. */
export type Rule = {
  readonly name: string;
  readonly message: string;
  /** True when `node` is an instance. `sf` is the file, for text-based checks. */
  readonly matches: (node: ts.Node, sf: ts.SourceFile) => boolean;
};
