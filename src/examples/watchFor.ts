/**
 * The key steps of the Login-flow examples that teach how Auth0 runs a flow: what to watch for in the timeline and
 * the summary when the example runs with its own event. The lesson card (features/lessons/) lists them.
 */
export const WATCH_FOR: Record<string, string[]> = {
  'favorite-color-redirect': [
    'The `if` finds no favorite_color in user_metadata (the event is a new user\'s), so the action does not return early.',
    'setAppMetadata queues color_prompts (nothing is written yet); api.redirect.encodeToken signs a session token (HS256) with the secret MY_SHARED_SECRET, and sendUserTo puts it in the redirect URL.',
    'sendUserTo does not stop the code: the action finishes, then Auth0 writes the queued color_prompts before the user leaves, and the flow pauses.',
    '“Record the login” has not run: the flow waits for /continue with the state Auth0 added to the URL.',
    '/continue resumes onContinuePostLogin of the same action: validateToken checks the signature, the expiry and the state, and setUserMetadata queues the color.',
    'Only then does “Record the login” run; its app_metadata and the color are written in one more profile update, after the last action.',
    'The ID token is made after the last action: the actions never see it.',
  ],
  'set-user-metadata': [
    'api.user.setUserMetadata queues the change: the action\'s event.user.user_metadata is not changed by it.',
    'The profile is written once, after the last action: the summary shows user_metadata before and after.',
    'The tokens carry no user_metadata: a claim needs api.idToken.setCustomClaim.',
  ],
  'metadata-batched': [
    '“Record the login” logs the login and queues last_login_app with setAppMetadata.',
    '“Plan into tokens” adds the plan claim and queues plan_checked_at.',
    'Two actions, two setAppMetadata calls, one profile update after the last action, with both keys.',
  ],
  'deny-skips-later-actions': [
    '“Record the login” queues last_login_app before anything is denied.',
    'api.access.deny does not throw: the rest of the denying action still runs.',
    '“Roles into tokens” is skipped: no action after a deny runs.',
    'The metadata queued before the deny is still written.',
    'The application gets error=access_denied with the reason as error_description, and no tokens.',
  ],
  'roles-after-redirect': [
    'The flow pauses after “Ask for a favorite color”: “Roles into tokens” has not run yet.',
    'After /continue, onContinuePostLogin of the redirecting action runs, then “Roles into tokens” runs its onExecutePostLogin for the first time.',
    'Its roles claims still reach the ID and access tokens, which are made after the last action.',
  ],
  'mfa-for-continent': [
    'The `if` reads event.request.geoip.continentCode: NA in this event.',
    'api.multifactor.enable("any") does not prompt at once: MFA is deferred until every action has run.',
    'Details shows MFA as required once the flow has finished.',
  ],
  'throw-fails-login': [
    'event.user.user_metadata.preferences is undefined, so reading favorite_color from it throws a TypeError.',
    'Nothing catches it: the login fails with access_denied and the error\'s message as error_description.',
    'The claim on that line is never set, and “Roles into tokens” never runs.',
  ],
  'endless-loop': [
    'while (true) never gives the event loop back: no timer or await can end it.',
    'The time limit (20 seconds in Auth0, shorter from the menu) stops the action and the login fails.',
    'The next run starts fresh: the stuck worker is replaced.',
  ],
}
