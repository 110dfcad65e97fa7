import type { Domain } from "../types.js";

/** Every Domain in the union, in declaration order (the tie-break order of `classifyDomain`). */
export const DOMAIN_LIST: readonly Domain[] = [
  "Finance",
  "Marketing",
  "Sales",
  "HR",
  "Operations",
  "SoftwareDevelopment",
  "DataScience",
  "ITSupport",
  "DevOps",
  "Cybersecurity",
  "Leadership",
  "Communication",
  "ProjectManagement",
  "Healthcare",
  "Legal",
  "Design",
  "Education",
  "Trades",
  "Languages",
  "General",
];

/** Membership test for untrusted values (JSON). */
export const DOMAINS: ReadonlySet<unknown> = new Set<unknown>(DOMAIN_LIST);
