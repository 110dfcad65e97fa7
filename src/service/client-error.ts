import type { Socket } from "node:net";
import { CompetencyError } from "../errors.js";
import { errorBody } from "./http-errors.js";

/**
 * Errors Node's HTTP parser raises before Fastify sees a request (header block or URL over the size limit,
 * malformed request line, timeout), answered in the same `{ error: { code, message } }` contract.
 */
export function writeClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === "ECONNRESET" || socket.destroyed || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, reason, body] =
    error.code === "HPE_HEADER_OVERFLOW"
      ? [
          431,
          "Request Header Fields Too Large",
          new CompetencyError("HEADERS_TOO_LARGE", "the request line and headers must fit in 16 KiB"),
        ]
      : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? [
            408,
            "Request Timeout",
            new CompetencyError("INVALID_INPUT", "the request took too long to arrive"),
          ]
        : [400, "Bad Request", new CompetencyError("INVALID_INPUT", "malformed HTTP request")];
  const json = JSON.stringify(errorBody(body));
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
  );
}
