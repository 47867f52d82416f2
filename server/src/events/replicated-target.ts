/**
 * The event bus's EventTarget when several control planes share one database: every event is delivered
 * to this process's subscribers at once, as before, and sent to the other replicas through a link
 * (events/pg-link.ts: PostgreSQL LISTEN/NOTIFY); what the link brings from them is delivered here the same
 * way. So a dashboard connected to replica B follows a build that replica A runs.
 */
export interface EventLink {
  /** Sends an event to the other replicas (never back to this one). */
  send(type: string, detail: unknown): void;
  /** Called with every event another replica sent. */
  onEvent(handler: (type: string, detail: unknown) => void): void;
  /** Called when the link is back after a drop: events sent to this replica meanwhile were lost. */
  onResume(handler: () => void): void;
}

/** The local event a link's resumption becomes (events/pubsub.ts). */
export const LINK_RESUMED = 'link:resumed';

export class ReplicatedEventTarget extends EventTarget {
  constructor(private readonly link: EventLink) {
    super();
    link.onEvent((type, detail) => super.dispatchEvent(new CustomEvent(type, { detail })));
    link.onResume(() => super.dispatchEvent(new CustomEvent(LINK_RESUMED, { detail: { at: Date.now() } })));
  }

  override dispatchEvent(event: Event): boolean {
    const delivered = super.dispatchEvent(event);
    this.link.send(event.type, (event as CustomEvent).detail);
    return delivered;
  }
}
