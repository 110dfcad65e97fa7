import * as D from "../../defaults.js";
import type { Domain } from "../types.js";

const SOFT: ReadonlySet<Domain> = new Set<Domain>(["Leadership", "Communication", "ProjectManagement"]);

function isPair(a: Domain, b: Domain, x: Domain, y: Domain): boolean {
  return (a === x && b === y) || (a === y && b === x);
}

/**
 * Upstream's cross-domain penalty in [0,1] between a candidate skill's domain and a required skill's domain.
 * Symmetric; 0 for the same domain.
 *
 * @example domainPenalty("SoftwareDevelopment", "DevOps") // 0.1
 */
export function domainPenalty(a: Domain, b: Domain): number {
  if (a === b) return D.DOMAIN_PENALTY_SAME;
  if (isPair(a, b, "SoftwareDevelopment", "DataScience")) return D.DOMAIN_PENALTY_SOFTWARE_DATA;
  if (isPair(a, b, "SoftwareDevelopment", "DevOps")) return D.DOMAIN_PENALTY_SOFTWARE_DEVOPS;
  if (isPair(a, b, "Marketing", "Sales")) return D.DOMAIN_PENALTY_MARKETING_SALES;
  if (SOFT.has(a) || SOFT.has(b)) return D.DOMAIN_PENALTY_SOFT;
  if (a === "General" || b === "General") return D.DOMAIN_PENALTY_GENERAL;
  return D.DOMAIN_PENALTY_OTHER;
}
