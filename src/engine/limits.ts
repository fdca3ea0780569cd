/** Auth0's time limit for one trigger execution (Actions limitations: 20 s), counted again after a redirect. */
export const DEFAULT_TIME_LIMIT_MS = 20_000

/** The most steps a stepping run records (a loop that runs long would otherwise fill the memory). */
export const STEP_LIMIT = 100_000
