/** An action as the examples and the palette describe it, before it gets an id in a flow. */
export interface ActionSpec {
  name: string
  code: string
  secrets?: Record<string, string>
  enabled?: boolean
  /** npm packages the code requires, as Auth0 records them. */
  dependencies?: Array<{ name: string; version: string }>
}

/** The JSDoc Auth0's editor puts above a handler: it types `event` and `api` in the playground's editor too. */
export const JSDOC = `/**
 * @param {Event} event - Details about the user and the context in which they are logging in.
 * @param {PostLoginAPI} api - Interface whose methods can be used to change the behavior of the login.
 */`
