import type { IncidentKind } from './model.js';

/**
 * The fraction of [from, to] the site was not DOWN, from its incidents (oldest first, the last one before
 * `from` included so the window's starting state is known). The window begins no earlier than the first
 * time the site served (`servedSince`); null when it never served before `to`.
 */
export function uptimeFraction(
  incidents: { kind: IncidentKind; at: Date }[],
  from: Date,
  to: Date,
  servedSince: Date | null,
): number | null {
  if (!servedSince || servedSince >= to) return null;
  const start = Math.max(from.getTime(), servedSince.getTime());
  const end = to.getTime();
  if (end <= start) return null;
  let down = false;
  let downSince = start;
  let downMs = 0;
  for (const incident of incidents) {
    const at = Math.min(Math.max(incident.at.getTime(), start), end);
    if (incident.kind === 'DOWN' && !down) {
      down = true;
      downSince = at;
    } else if (incident.kind === 'RECOVERED' && down) {
      down = false;
      downMs += at - downSince;
    }
  }
  if (down) downMs += end - downSince;
  return Math.max(0, Math.min(1, 1 - downMs / (end - start)));
}
