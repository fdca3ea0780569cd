/** Auth0's time limit for one trigger execution (Actions limitations: 20 s), counted again after a redirect. */
export const DEFAULT_TIME_LIMIT_MS = 20_000
