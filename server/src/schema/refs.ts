import type { Deploy, LogLine, Site } from '../domain/model.js';
import { builder } from './builder.js';

// Declared apart from their fields because Site and Deploy refer to each other.
export const SiteRef = builder.objectRef<Site>('Site');
export const DeployRef = builder.objectRef<Deploy>('Deploy');
export const LogLineRef = builder.objectRef<LogLine>('LogLine');
