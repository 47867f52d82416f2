import {
  type Accessor,
  type Component,
  createMemo,
  createSignal,
  type JSX,
  Show,
  splitProps,
} from 'solid-js';
import { matchPath, type Params } from './paths';

// A small history router: the control plane answers every extension-less path with the app shell.

const [path, setPath] = createSignal(window.location.pathname);
window.addEventListener('popstate', () => setPath(window.location.pathname));

/** The current path (reactive). */
export const pathname: Accessor<string> = path;

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === window.location.pathname) return;
  history[options.replace ? 'replaceState' : 'pushState'](null, '', to);
  setPath(window.location.pathname);
  window.scrollTo(0, 0);
}

export type { Params };

export interface Route {
  /** Patterns sharing one component: moving between them keeps the page mounted. */
  paths: string[];
  component: Component<{ params: Accessor<Params> }>;
}

export const Routes: Component<{ routes: Route[]; fallback: Component }> = (props) => {
  const matched = createMemo(() => {
    for (const route of props.routes) {
      for (const p of route.paths) {
        const params = matchPath(p, pathname());
        if (params) return { route, params };
      }
    }
    return null;
  });
  const route = createMemo(() => matched()?.route);
  return (
    <Show when={route()} keyed fallback={<props.fallback />}>
      {(r) => <r.component params={() => matched()?.params ?? {}} />}
    </Show>
  );
};

/** An <a> that navigates without a reload (unless modified-clicked or opened elsewhere). */
export const Link: Component<JSX.AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }> = (props) => {
  const [local, rest] = splitProps(props, ['href', 'onClick']);
  const onClick = (e: MouseEvent & { currentTarget: HTMLAnchorElement; target: Element }) => {
    if (typeof local.onClick === 'function') local.onClick(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    if (rest.target && rest.target !== '_self') return;
    e.preventDefault();
    navigate(local.href);
  };
  return <a href={local.href} onClick={onClick} {...rest} />;
};
