/** The `competency` executable: the only place that touches `process` (env, argv, streams, exit code). */
import { main } from "./main.js";

process.exitCode = await main(
  process.argv.slice(2),
  {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    isTTY: process.stderr.isTTY === true,
  },
  { signals: process },
);
