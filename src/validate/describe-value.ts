import { escapeNonPrintable } from "./escape-non-printable.js";

/**
 * Short rendering of a bad value for messages: strings quoted, cut at 40 characters and with every
 * non-printable character escaped (messages reach terminals and logs).
 */
export function describeValue(value: unknown): string {
  if (typeof value === "string") {
    const cut = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return escapeNonPrintable(JSON.stringify(cut));
  }
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === "object") return "an object";
  return String(value);
}
