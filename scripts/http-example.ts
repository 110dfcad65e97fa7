/**
 * docs/http.md shows each response as `HTTP <status>`, then the headers worth seeing, then the body
 * pretty-printed. These helpers turn a real curl run into that form so the doc check can compare it.
 */

/** A doc example in that form: its output starts with the status line. */
export function isHttpExample(expected: string): boolean {
  return /^HTTP \d{3}\n/.test(expected);
}

/** A doc command that talks to the service names it as `localhost:<any port>`. */
export const LOCALHOST = /\blocalhost:\d+/;

/**
 * The command aimed at the server the check started (`localhost:<any port>` becomes `127.0.0.1:<port>`),
 * or null when it is not a curl to localhost. Readers paste the doc's own line against their own server.
 */
export function curlCommand(command: string, port: number | undefined): string | null {
  if (port === undefined || !/^curl\b/.test(command)) return null;
  return command.replace(new RegExp(LOCALHOST.source, "g"), `127.0.0.1:${port}`);
}

/**
 * Formats `curl … -D <file> -w '\n%{http_code}'` output: `stdout` is the body then the status on its
 * own last line, `headers` the raw response head. Headers are shown only where the doc lists them.
 */
export function formatHttpExample(stdout: string, headers: string, expected: string): string {
  const cut = stdout.lastIndexOf("\n");
  const status = stdout.slice(cut + 1).trim();
  const body = stdout.slice(0, Math.max(cut, 0));
  const shown = [];
  for (const line of expected.split("\n").slice(1)) {
    const name = /^([a-z0-9-]+): /i.exec(line)?.[1];
    if (name === undefined) break;
    const actual = new RegExp(`^${name}: *(.*?)\\r?$`, "im").exec(headers);
    shown.push(`${name}: ${actual?.[1] ?? "(absent)"}`);
  }
  return `HTTP ${status}\n${shown.map((h) => `${h}\n`).join("")}${pretty(body)}`;
}

function pretty(body: string): string {
  if (body === "") return "";
  try {
    return `${JSON.stringify(JSON.parse(body), null, 2)}\n`;
  } catch {
    return body.endsWith("\n") ? body : `${body}\n`;
  }
}
