export type { ActionSpec } from '../triggers/content.ts'

/** The JSDoc Auth0's editor puts above a handler: it types `event` and `api` in the playground's editor too. */
export const JSDOC = `/**
 * @param {Event} event - Details about the user and the context in which they are logging in.
 * @param {PostLoginAPI} api - Interface whose methods can be used to change the behavior of the login.
 */`
