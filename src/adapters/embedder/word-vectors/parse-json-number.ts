// Exact powers of ten: m / 10^k is correctly rounded when m < 2^53 and k ≤ 22 (Clinger's fast path).
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * Parses the ASCII JSON number in `bytes[0..length)` without building a string, for the common
 * `-d.ddddd` shape; exponents, more than 15 significant digits or more than 22 decimals fall back to
 * `Number.parseFloat`. Either way the result equals `JSON.parse` of the same text.
 *
 * @returns the value, or NaN when the bytes are not a number
 * @example parseJsonNumber(new TextEncoder().encode("-0.25"), 5) // -0.25
 */
export function parseJsonNumber(bytes: Uint8Array, length: number): number {
  let i = bytes[0] === 45 ? 1 : 0;
  const negative = i === 1;
  let mantissa = 0;
  let digits = 0;
  let fraction = 0;
  let inFraction = false;
  for (; i < length; i++) {
    const c = bytes[i] as number;
    if (c === 46) inFraction = true;
    else if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      if (mantissa > 0) digits++;
      if (inFraction) fraction++;
    } else break;
  }
  if (i === length && digits <= 15 && fraction <= 22 && length > (negative ? 1 : 0)) {
    const value = mantissa / (POW10[fraction] as number);
    return negative && value !== 0 ? -value : value;
  }
  return Number.parseFloat(String.fromCharCode(...bytes.subarray(0, length)));
}
