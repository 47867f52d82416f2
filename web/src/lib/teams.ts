import { createResource, createSignal } from 'solid-js';
import { accounts, type Viewer } from './accounts';
import { onSignOut, sessionKnown, token } from './auth';

// Who is signed in and which of their teams the pages show. The choice of team is remembered per browser.

const KEY = 'launchpad.team';

function read(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

const [chosen, setChosen] = createSignal<string | null>(read());

// Asked once at start (is there a session cookie?) and again after each sign-in.
const [viewer, { refetch: refetchViewer, mutate: setViewer }] = createResource<Viewer | null, string>(
  () => token() ?? 'cookie',
  async () => {
    try {
      const v = await accounts.viewer();
      if (!token()) sessionKnown(true);
      return v;
    } catch {
      if (!token()) sessionKnown(false);
      return null;
    }
  },
);

export { refetchViewer, viewer };

onSignOut(() => setViewer(null));

export type Team = Viewer['teams'][number];

/**
 * The team the pages act on: the one chosen (remembered across reloads), else, when there is none or it is
 * gone (the user left it, or another user signed in here), the first.
 */
export function currentTeam(): Team | undefined {
  const teams = viewer()?.teams ?? [];
  return teams.find((t) => t.id === chosen()) ?? teams[0];
}

export function chooseTeam(id: string): void {
  try {
    localStorage.setItem(KEY, id);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  setChosen(id);
}

/** Whose sites the Sites page lists: `teamId` null is every site the viewer may see. */
export interface SitesScope {
  teamId: string | null;
}

/**
 * The current team's sites for a signed-in user; every site for the admin token (it belongs to no team);
 * undefined until the viewer is known, so no list of the wrong scope is shown first.
 */
export function sitesScope(): SitesScope | undefined {
  const v = viewer();
  if (!v) return undefined;
  return { teamId: v.user ? (currentTeam()?.id ?? null) : null };
}
