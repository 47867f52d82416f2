/**
 * How events cross to another control plane: as text in PostgreSQL NOTIFY payloads, which hold less than
 * 8,000 bytes. A batch of events (whatever queued while the last one was being sent) is JSON, Dates kept as
 * Dates (the pipeline's snapshots carry them), cut into parts that each fit; the receiver puts a sender's
 * parts back together in order (one sender's notifications arrive in the order it sent them, and it sends
 * one batch's parts back to back).
 */

/** UTF-16 units per part: at most 3 bytes each in UTF-8, plus the header, stays under NOTIFY's 8,000 bytes. */
const PART_UNITS = 2_000;
/** Marks a Date in the JSON: an object key no snapshot field has, and that no user input can make. */
const DATE = '\u0000date';

export interface WireEvent {
  /** The routing key (yoga's topic, or `topic:id`). */
  type: string;
  detail: unknown;
}

/** The NOTIFY payloads of one batch, each `<sender> <batch number> <part> <parts>\n<text>`. */
export function encodeBatch(sender: string, number: number, events: readonly WireEvent[]): string[] {
  const json = JSON.stringify(events, function (this: Record<string, unknown>, key, value) {
    const raw = this[key];
    return raw instanceof Date ? { [DATE]: raw.toISOString() } : value;
  });
  const parts: string[] = [];
  for (let at = 0; at < json.length; ) {
    let end = Math.min(at + PART_UNITS, json.length);
    // Never split a surrogate pair: each part must be valid text on its own.
    if (end < json.length && isHighSurrogate(json.charCodeAt(end - 1))) end -= 1;
    parts.push(json.slice(at, end));
    at = end;
  }
  return parts.map((text, i) => `${sender} ${number} ${i} ${parts.length}\n${text}`);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * Puts parts back together, per sender. A part that does not follow the one before (a notification lost
 * while the listening connection was down) drops the batch it belonged to rather than deliver a corrupt one.
 */
export class EventAssembler {
  private readonly pending = new Map<string, { number: number; next: number; texts: string[] }>();

  /** The whole batch once its last part arrived, else null. */
  accept(payload: string): { sender: string; events: WireEvent[] } | null {
    const newline = payload.indexOf('\n');
    const [sender, number, part, parts] = payload.slice(0, newline).split(' ');
    const text = payload.slice(newline + 1);
    const n = Number(number);
    const i = Number(part);
    const count = Number(parts);
    if (!sender || !Number.isInteger(n) || !Number.isInteger(i) || !Number.isInteger(count)) return null;
    let entry = this.pending.get(sender);
    if (i === 0) {
      entry = { number: n, next: 0, texts: [] };
      this.pending.set(sender, entry);
    }
    if (!entry || entry.number !== n || entry.next !== i) {
      this.pending.delete(sender);
      return null;
    }
    entry.texts.push(text);
    entry.next += 1;
    if (entry.next < count) return null;
    this.pending.delete(sender);
    return { sender, events: decode(entry.texts.join('')) };
  }

  /** Forgets half-received batches (after the connection was lost). */
  reset(): void {
    this.pending.clear();
  }
}

function decode(json: string): WireEvent[] {
  return JSON.parse(json, (_key, value) =>
    value !== null && typeof value === 'object' && DATE in value && Object.keys(value).length === 1
      ? new Date(value[DATE])
      : value,
  );
}
