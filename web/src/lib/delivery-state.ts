// How the delivery history names where a notification delivery stands. Pure, so tested directly.

/**
 * Not attempted yet (PENDING), attempted and due again (RETRYING), or ended: DELIVERED, or FAILED for good
 * (out of attempts, the channel disabled, a test send that failed or was cut off by a restart).
 */
export type DeliveryState = 'PENDING' | 'RETRYING' | 'DELIVERED' | 'FAILED';

export function deliveryState(d: {
  ok: boolean;
  attempts: number;
  error?: string | null;
  nextAttemptAt?: string | null;
}): DeliveryState {
  if (d.ok) return 'DELIVERED';
  if (d.attempts === 0) return d.error ? 'FAILED' : 'PENDING';
  return d.nextAttemptAt ? 'RETRYING' : 'FAILED';
}

export const DELIVERY_BADGE: Record<DeliveryState, { label: string; tone: string }> = {
  PENDING: { label: 'Pending', tone: 'badge-busy' },
  RETRYING: { label: 'Retrying', tone: 'badge-busy' },
  DELIVERED: { label: 'Delivered', tone: 'badge-ok' },
  FAILED: { label: 'Failed', tone: 'badge-bad' },
};
