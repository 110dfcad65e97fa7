/** "Copy link / as JSON / as curl": to the clipboard, and into a box on the page when that is refused. */
import { byId } from "./dom.js";

/** Shows `text` in the share box and tries the clipboard; `what` names it in the status line. */
export function copyText(text: string, what: string): void {
  const out = byId<HTMLTextAreaElement>("share-output");
  out.value = text;
  byId("share-output-box").hidden = false;
  const status = byId("share-status");
  // The clipboard needs a secure context: plain HTTP on a non-loopback host has none.
  const fallback = () => {
    out.select();
    status.textContent = `${what} is in the box below; copy it from there.`;
  };
  if (navigator.clipboard === undefined) {
    fallback();
    return;
  }
  navigator.clipboard.writeText(text).then(() => {
    status.textContent = `${what} copied to the clipboard.`;
  }, fallback);
}
