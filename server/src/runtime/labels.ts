/**
 * The labels by which Launchpad knows the Docker objects it owns. Every lookup, cleanup and refusal goes by
 * these (never by name alone): several Launchpads may share one engine, and a container that merely has a
 * Launchpad-like name belongs to someone else.
 */

/** On every container and network Launchpad creates. */
export const MANAGED_LABEL = 'dev.launchpad.managed';
/** The site a container serves or builds for. */
export const SITE_LABEL = 'dev.launchpad.site';
/** Which Launchpad (data dir) made a container: several may share one engine, none touches another's. */
export const INSTANCE_LABEL = 'dev.launchpad.instance';
/** Hash of a site container's create options: an unchanged spec keeps the running container. */
export const SPEC_LABEL = 'dev.launchpad.spec';
/** On build containers: the deploy they build. */
export const BUILD_LABEL = 'dev.launchpad.build';
/** On the short-lived containers that test a site's nginx config before it goes live. */
export const CONFIG_CHECK_LABEL = 'dev.launchpad.config-check';

/** The labels that make a container this instance's, for `siteId`. */
export function ownership(siteId: string, instanceId: string): Record<string, string> {
  return { [MANAGED_LABEL]: 'true', [SITE_LABEL]: siteId, [INSTANCE_LABEL]: instanceId };
}

/** A label filter (`docker ps --filter label=…`) for this instance's containers that carry `label`. */
export function instanceFilter(instanceId: string, label: string): string[] {
  return [`${MANAGED_LABEL}=true`, `${INSTANCE_LABEL}=${instanceId}`, label];
}
/** On server apps' containers (issue 14): the deploy whose files the app runs. */
export const APP_LABEL = 'dev.launchpad.app';
