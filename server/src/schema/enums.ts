import { ERROR_CODES } from '../domain/errors.js';
import {
  DEPLOY_STATUSES,
  DEPLOY_TRIGGERS,
  LOG_STREAMS,
  SITE_STATUSES,
  SOURCE_TYPES,
} from '../domain/model.js';
import { builder } from './builder.js';

export const SourceTypeEnum = builder.enumType('SourceType', { values: SOURCE_TYPES });
export const SiteStatusEnum = builder.enumType('SiteStatus', { values: SITE_STATUSES });
export const DeployStatusEnum = builder.enumType('DeployStatus', { values: DEPLOY_STATUSES });
export const DeployTriggerEnum = builder.enumType('DeployTrigger', { values: DEPLOY_TRIGGERS });
export const LogStreamEnum = builder.enumType('LogStream', { values: LOG_STREAMS });

/** Not returned by any field: it documents the values of every error's `extensions.code`, and codegen
 * hands them to the dashboard. */
export const ErrorCodeEnum = builder.enumType('ErrorCode', {
  description: 'The values of `extensions.code` on every error this API returns',
  values: ERROR_CODES,
});
