/**
 * Netlify `_redirects` and `_headers`: the entry points of the modules in ./netlify/ (parse, translate,
 * read with limits), for the pipeline and the tests. nginx-config.ts renders what they produce.
 */
export { DEFAULT_RULE_LIMITS, type RuleLimits, RulesLimitError } from './netlify/limits.js';
export { parseHeaders } from './netlify/parse-headers.js';
export { parseRedirects } from './netlify/parse-redirects.js';
export { readNetlifyRules } from './netlify/read-rules.js';
export type {
  Header,
  HeaderRule,
  NginxAuthBlock,
  NginxHeaderBlock,
  NginxRewrite,
  RedirectRule,
  RedirectStatus,
  TranslatedRules,
} from './netlify/rules.js';
export { translateRules } from './netlify/translate.js';
