import { type Component, ErrorBoundary, Show, Suspense } from 'solid-js';
import { Layout } from './components/Layout';
import { LoadError, Loading } from './components/States';
import { token } from './lib/auth';
import { type Route, Routes } from './lib/router';
import { NewSitePage } from './pages/NewSite';
import { NotFoundPage } from './pages/NotFound';
import { SignInPage } from './pages/SignIn';
import { SitePage } from './pages/Site';
import { SitesPage } from './pages/Sites';

const routes: Route[] = [
  { paths: ['/'], component: SitesPage },
  { paths: ['/new'], component: NewSitePage },
  { paths: ['/sites/:id', '/sites/:id/deploys/:deployId'], component: SitePage },
];

/** Signed out: the sign-in page, whatever the path (it stays, so the user lands where they meant to). */
export const App: Component = () => (
  <Show when={token()} keyed fallback={<SignInPage />}>
    <Layout>
      <ErrorBoundary fallback={(error, reset) => <LoadError error={error} retry={reset} />}>
        <Suspense fallback={<Loading />}>
          <Routes routes={routes} fallback={NotFoundPage} />
        </Suspense>
      </ErrorBoundary>
    </Layout>
  </Show>
);
