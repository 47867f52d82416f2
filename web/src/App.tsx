import { type Component, ErrorBoundary, Match, Suspense, Switch } from 'solid-js';
import { Layout } from './components/Layout';
import { LoadError, Loading } from './components/States';
import { session, signedIn, token } from './lib/auth';
import { pathname, type Route, Routes } from './lib/router';
import { AccountPage } from './pages/Account';
import { AuditPage } from './pages/Audit';
import { JoinTeamPage } from './pages/JoinTeam';
import { MembersPage } from './pages/Members';
import { NewSitePage } from './pages/NewSite';
import { NotFoundPage } from './pages/NotFound';
import { NotificationsPage } from './pages/Notifications';
import { SignInPage } from './pages/SignIn';
import { SignUpPage } from './pages/SignUp';
import { SitePage } from './pages/Site';
import { SitesPage } from './pages/Sites';
import { TokensPage } from './pages/Tokens';

const routes: Route[] = [
  { paths: ['/'], component: SitesPage },
  { paths: ['/new'], component: NewSitePage },
  { paths: ['/sites/:id', '/sites/:id/deploys/:deployId'], component: SitePage },
  { paths: ['/team/members'], component: MembersPage },
  { paths: ['/team/tokens'], component: TokensPage },
  { paths: ['/team/audit'], component: AuditPage },
  { paths: ['/team/notifications'], component: NotificationsPage },
  { paths: ['/account'], component: AccountPage },
  // An invitation link opened while signed in: join with this account (signed out, it is the sign-up form).
  { paths: ['/invite'], component: JoinTeamPage },
];

/**
 * Signed out: the sign-in page, whatever the path (it stays, so the user lands where they meant to), or the
 * sign-up page at /signup and /invite. Until the server said whether the cookie holds a session: a spinner.
 */
export const App: Component = () => (
  <Switch>
    <Match when={signedIn()}>
      <Layout>
        <ErrorBoundary fallback={(error, reset) => <LoadError error={error} retry={reset} />}>
          <Suspense fallback={<Loading />}>
            <Routes routes={routes} fallback={NotFoundPage} />
          </Suspense>
        </ErrorBoundary>
      </Layout>
    </Match>
    <Match when={session() === undefined && !token()}>
      <Loading />
    </Match>
    <Match when={pathname() === '/signup' || pathname() === '/invite'}>
      <SignUpPage />
    </Match>
    <Match when={true}>
      <SignInPage />
    </Match>
  </Switch>
);
