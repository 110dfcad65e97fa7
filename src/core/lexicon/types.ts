import type { Domain } from "../types.js";

/** One canonical skill as written in `data/skills/*.json`. */
export type LexiconEntry = {
  /** kebab-case id, unique across the whole lexicon, e.g. `"postgresql"`. */
  readonly id: string;
  /** Display name, e.g. `"PostgreSQL"`. */
  readonly name: string;
  /** Overrides the file's domain. */
  readonly domain?: Domain;
  /** Other names and abbreviations that mean exactly this skill: `["Postgres", "psql"]`. */
  readonly aliases?: readonly string[];
  /** Ids this skill is a kind of (TypeScript is-a JavaScript, PostgreSQL is-a SQL). */
  readonly isA?: readonly string[];
  /** Ids this skill is a part of (React Hooks part-of React). Treated like is-a for credit. */
  readonly partOf?: readonly string[];
  /** Ids of skills that transfer partially in both directions (Docker ~ Kubernetes). */
  readonly related?: readonly string[];
  /** Names (any spelling, not only ids) that look alike but must never match: Java vs JavaScript. */
  readonly falseFriends?: readonly string[];
};

/** One data file: a domain and its skills. */
export type LexiconFile = {
  readonly domain: Domain;
  readonly skills: readonly LexiconEntry[];
};

/** Relation codes stored in the compiled lexicon's pair table. */
export type LexiconRelation = "exact" | "alias" | "parent" | "child" | "related" | "sibling";

/**
 * The lexicon compiled for lookups. Built once by `compileLexicon`; immutable afterwards.
 * Skills are addressed by index `0..size-1`.
 */
export type CompiledLexicon = {
  readonly version: string;
  readonly size: number;
  readonly ids: readonly string[];
  readonly names: readonly string[];
  readonly domains: readonly Domain[];
  /** Normalised name or alias → skill index. */
  readonly index: ReadonlyMap<string, number>;
  /** Normalised canonical names, by index (to tell `exact` from `alias`). */
  readonly canonical: readonly string[];
  /** All is-a/part-of ancestors of each skill with their hop count (1 = direct parent). */
  readonly ancestors: readonly ReadonlyMap<number, number>[];
  /**
   * Is-a-only ancestors of each skill (a subset of `ancestors`): a kind-of, not merely a part-of. A must-have
   * is met by a kind-of the requirement, never by one of its parts (Triage is part of Nursing, not a licence).
   */
  readonly kinds: readonly ReadonlySet<number>[];
  /** Direct parents of each skill (for siblings). */
  readonly parents: readonly (readonly number[])[];
  /** Symmetric related edges. */
  readonly related: readonly ReadonlySet<number>[];
  /** Normalised false-friend names of each skill, both directions merged. */
  readonly falseFriends: readonly ReadonlySet<string>[];
};
