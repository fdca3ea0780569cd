/**
 * What Auth0 does with each `api` call and each engine step of a run, in words, with the documentation page it comes
 * from: one place for every trigger. A timeline entry's `call` is the key (`api.user.setAppMetadata`, `redirect`).
 * src/triggers/explanations.test.ts checks that every `api` method of every trigger and every step the examples
 * record has one.
 */

export interface Explanation {
  /** One or two sentences, in the playground's own words. */
  text: string
  /** The Auth0 documentation page the text follows. */
  docs: string
}

const DOCS = {
  postLoginApi: 'https://auth0.com/docs/customize/actions/reference/post-login/post-login-api-object',
  postLogin: 'https://auth0.com/docs/customize/actions/explore-triggers/post-login',
  preUserRegistrationApi: 'https://auth0.com/docs/customize/actions/reference/pre-user-registration/pre-user-registration-api-object',
  credentialsExchangeApi: 'https://auth0.com/docs/customize/actions/reference/credentials-exchange/credentials-exchange-api-object',
  credentialsExchange: 'https://auth0.com/docs/customize/actions/explore-triggers/credentials-exchange',
  redirect: 'https://auth0.com/docs/customize/actions/explore-triggers/signup-and-login-triggers/login-trigger/redirect-with-actions',
  metadata: 'https://auth0.com/docs/manage-users/user-accounts/metadata/manage-user-metadata',
  limitations: 'https://auth0.com/docs/customize/actions/limitations',
  customClaims: 'https://auth0.com/docs/secure/tokens/json-web-tokens/create-custom-claims',
  scopes: 'https://auth0.com/docs/customize/actions/handling-scopes-in-actions',
  forms: 'https://auth0.com/docs/customize/forms/render',
  transactionMetadata: 'https://auth0.com/docs/customize/actions/transaction-metadata',
  bindings: 'https://auth0.com/docs/api/management/v2/actions/get-bindings',
}

const entry = (text: string, docs: string): Explanation => ({ text, docs })

/** The cache is the same in every trigger; each trigger's API page documents it. */
function cache(docs: string): Record<string, Explanation> {
  return {
    'api.cache.get': entry('`cache.get` reads a record from this trigger\'s short-lived cache: `{ value, expires_at }`, or undefined. Auth0 may drop entries before they expire, so treat a miss as normal.', docs),
    'api.cache.set': entry('`cache.set` stores a string for this trigger, for 15 minutes unless `ttl` or `expires_at` says otherwise. When a size or count limit is hit it returns `{ type: "error", code }` instead of throwing.', docs),
    'api.cache.delete': entry('`cache.delete` removes a key from this trigger\'s cache and returns `{ type: "success" }`, or `{ type: "error", code }` when there was nothing to remove.', docs),
  }
}

/** The steps the action runner records for every trigger. */
function actionSteps(docs: string): Record<string, Explanation> {
  return {
    'action.start': entry('Auth0 calls this action\'s handler with the event. The actions of a trigger run one at a time, in the order they have in the flow.', DOCS.bindings),
    'action.end': entry('The action\'s handler has finished. Auth0 goes on to the next action unless this one denied, failed, ran out of time or paused the flow.', docs),
  }
}

const POST_LOGIN: Record<string, Explanation> = {
  'api.access.deny': entry('`access.deny` marks the login as denied; the rest of this action still runs, but no later action does. The application gets `access_denied` with the reason as `error_description`, and metadata changes already requested are still saved.', DOCS.postLoginApi),
  'api.accessToken.setCustomClaim': entry('`accessToken.setCustomClaim` adds a claim to the access token Auth0 builds after the last action. Restricted names and Auth0 namespaces are silently left out, and the `scope` claim cannot be set this way.', DOCS.customClaims),
  'api.accessToken.addScope': entry('`accessToken.addScope` adds a scope to the access token\'s `scope` claim when Auth0 issues it at the end of the flow, without going through authorization policies.', DOCS.scopes),
  'api.accessToken.removeScope': entry('`accessToken.removeScope` takes a scope out of the access token\'s `scope` claim when Auth0 issues it at the end of the flow.', DOCS.scopes),
  'api.authentication.recordMethod': entry('`authentication.recordMethod` (only in `onContinuePostLogin`) records that the user completed a custom authentication method, named by a URL; later logins in the session list it in `event.authentication.methods`.', DOCS.postLoginApi),
  'api.authentication.challengeWith': entry('`authentication.challengeWith` has Auth0 challenge the user with this MFA factor (or one of `additionalFactors`) once this action ends; later actions wait until it is passed. Factors the user lacks are ignored, and if none is left the login fails.', DOCS.postLoginApi),
  'api.authentication.challengeWithAny': entry('`authentication.challengeWithAny` lets the user pick which of the listed MFA factors to pass; the flow pauses after this action until they do. With only one usable factor there is no picker.', DOCS.postLoginApi),
  'api.authentication.enrollWith': entry('`authentication.enrollWith` has Auth0 ask the user to enroll in this MFA factor once this action ends, pausing the flow. Factors the user already has are skipped; if none remain the login fails.', DOCS.postLoginApi),
  'api.authentication.enrollWithAny': entry('`authentication.enrollWithAny` lets the user choose which of the listed MFA factors to enroll in; the flow waits after this action until enrollment is done.', DOCS.postLoginApi),
  'api.authentication.setPrimaryUser': entry('`authentication.setPrimaryUser` makes another user the subject of this login\'s tokens, typically after linking accounts. It works once per transaction, and user metadata set in the same action is lost.', DOCS.limitations),
  ...cache(DOCS.postLoginApi),
  'api.idToken.setCustomClaim': entry('`idToken.setCustomClaim` adds a claim to the ID token Auth0 issues at the end of the login. The same naming rules as for access-token claims apply: restricted names are dropped without an error.', DOCS.customClaims),
  'api.multifactor.enable': entry('`multifactor.enable` requires MFA with the given provider, but Auth0 only prompts for it after every action has run. A later call with `none` switches it off again.', DOCS.postLoginApi),
  'api.prompt.render': entry('`prompt.render` has Auth0 show a Form once this action ends; the flow pauses and resumes in this action\'s `onContinuePostLogin`, with the answers in `event.prompt`. One render per action, and never with a redirect.', DOCS.forms),
  'api.redirect.encodeToken': entry('`redirect.encodeToken` returns an HS256-signed JWT made of your payload plus `sub`, `iss`, `exp` and the user\'s IP, to hand to the site you redirect to. It sends nothing by itself.', DOCS.redirect),
  'api.redirect.sendUserTo': entry('`redirect.sendUserTo` schedules a redirect: when this action finishes, Auth0 pauses the flow and sends the browser to the URL with a `state` parameter added. Later actions wait for the user\'s return to /continue.', DOCS.redirect),
  'api.redirect.validateToken': entry('`redirect.validateToken` reads the token sent back to /continue (`session_token` by default), checks its signature, expiry and `state`, and returns its payload. Any failed check throws.', DOCS.redirect),
  'api.redirect.canRedirect': entry('`redirect.canRedirect` (deprecated) says whether this login could be redirected at all: not with `prompt=none`, nor in exchanges without a browser such as refresh tokens or the password grant.', DOCS.postLoginApi),
  'api.refreshToken.revoke': entry('`refreshToken.revoke` works only in a refresh-token exchange: it rejects the exchange and revokes the refresh token that was presented.', DOCS.postLoginApi),
  'api.refreshToken.setExpiresAt': entry('`refreshToken.setExpiresAt` gives the refresh token a new absolute expiry time, in milliseconds since the epoch.', DOCS.postLoginApi),
  'api.refreshToken.setIdleExpiresAt': entry('`refreshToken.setIdleExpiresAt` sets when the refresh token expires if it goes unused, in milliseconds since the epoch.', DOCS.postLoginApi),
  'api.refreshToken.setMetadata': entry('`refreshToken.setMetadata` stores a string on the refresh token (`null` removes the key); actions read it in `event.refresh_token.metadata`.', DOCS.postLoginApi),
  'api.refreshToken.deleteMetadata': entry('`refreshToken.deleteMetadata` removes one key from the refresh token\'s metadata.', DOCS.postLoginApi),
  'api.refreshToken.evictMetadata': entry('`refreshToken.evictMetadata` clears every key stored on the refresh token.', DOCS.postLoginApi),
  'api.rules.wasExecuted': entry('`rules.wasExecuted` tells whether a legacy Rule with this id already ran in this transaction. The playground runs no Rules, so here it is always false.', DOCS.postLoginApi),
  'api.samlResponse.setAttribute': entry('`samlResponse.setAttribute` sets (or with `null` removes) an attribute of the SAML assertion Auth0 sends to the service provider at the end of a SAML login.', DOCS.postLoginApi),
  'api.samlResponse.setAudience': entry('`samlResponse.setAudience` changes the audience of the SAML response; by default it is the issuer of the SAML request.', DOCS.postLoginApi),
  'api.samlResponse.setIssuer': entry('`samlResponse.setIssuer` changes who the SAML response says issued it; by default `urn:` followed by the tenant name.', DOCS.postLoginApi),
  'api.samlResponse.setEncryptionPublicKey': entry('`samlResponse.setEncryptionPublicKey` gives the public key used, with the encryption certificate, to encrypt the SAML assertion.', DOCS.postLoginApi),
  'api.samlResponse.setRecipient': entry('`samlResponse.setRecipient` changes the recipient named in the assertion\'s subject confirmation data.', DOCS.postLoginApi),
  'api.samlResponse.setCreateUpnClaim': entry('`samlResponse.setCreateUpnClaim` decides whether Auth0 adds a UPN claim to the SAML assertion (it does by default).', DOCS.postLoginApi),
  'api.samlResponse.setPassthroughClaimsWithNoMapping': entry('`samlResponse.setPassthroughClaimsWithNoMapping` decides whether profile claims with no SAML mapping are still passed through (they are by default).', DOCS.postLoginApi),
  'api.samlResponse.setMapUnknownClaimsAsIs': entry('`samlResponse.setMapUnknownClaimsAsIs` passes unmapped claims under their own names instead of prefixing them with `http://schema.auth0.com` (off by default).', DOCS.postLoginApi),
  'api.samlResponse.setMapIdentities': entry('`samlResponse.setMapIdentities` decides whether the user\'s identities (provider, access token) are added to the assertion (they are by default).', DOCS.postLoginApi),
  'api.samlResponse.setDestination': entry('`samlResponse.setDestination` sets the Destination of the SAML response, the address it is meant for.', DOCS.postLoginApi),
  'api.samlResponse.setRelayState': entry('`samlResponse.setRelayState` changes the RelayState sent back with the SAML response.', DOCS.postLoginApi),
  'api.samlResponse.setLifetimeInSeconds': entry('`samlResponse.setLifetimeInSeconds` sets how long the SAML assertion stays valid; the default is 3600 seconds.', DOCS.postLoginApi),
  'api.samlResponse.setSignResponse': entry('`samlResponse.setSignResponse` signs the whole SAML response rather than only the assertion (off by default).', DOCS.postLoginApi),
  'api.samlResponse.setNameIdentifierFormat': entry('`samlResponse.setNameIdentifierFormat` sets the format of the NameID; the default is the unspecified format.', DOCS.postLoginApi),
  'api.samlResponse.setNameIdentifierProbes': entry('`samlResponse.setNameIdentifierProbes` lists the attributes Auth0 tries, in order, to fill the Subject\'s NameID.', DOCS.postLoginApi),
  'api.samlResponse.setAuthnContextClassRef': entry('`samlResponse.setAuthnContextClassRef` sets the AuthnContextClassRef the assertion reports; the default is the unspecified class.', DOCS.postLoginApi),
  'api.samlResponse.setSigningCert': entry('`samlResponse.setSigningCert` sets the certificate that validates signed SAML requests; once set, requests must be signed.', DOCS.postLoginApi),
  'api.samlResponse.setIncludeAttributeNameFormat': entry('`samlResponse.setIncludeAttributeNameFormat` decides whether each attribute\'s NameFormat is inferred from its name (it is by default).', DOCS.postLoginApi),
  'api.samlResponse.setTypedAttributes': entry('`samlResponse.setTypedAttributes` decides whether attributes carry an inferred xs:type (they do by default).', DOCS.postLoginApi),
  'api.samlResponse.setEncryptionCert': entry('`samlResponse.setEncryptionCert` gives the certificate used, with the encryption public key, to encrypt the SAML assertion.', DOCS.postLoginApi),
  'api.samlResponse.setCert': entry('`samlResponse.setCert` sets your own certificate for signing SAML responses or assertions, together with `setKey`.', DOCS.postLoginApi),
  'api.samlResponse.setKey': entry('`samlResponse.setKey` sets your own private key for signing SAML responses or assertions, together with `setCert`; keep it in a secret.', DOCS.postLoginApi),
  'api.samlResponse.setSignatureAlgorithm': entry('`samlResponse.setSignatureAlgorithm` (deprecated) picks the signature algorithm; the default `rsa-sha256` is the safe one, `rsa-sha1` is weak.', DOCS.postLoginApi),
  'api.samlResponse.setDigestAlgorithm': entry('`samlResponse.setDigestAlgorithm` (deprecated) picks the digest algorithm; the default `sha256` is the safe one, `sha1` is weak.', DOCS.postLoginApi),
  'api.samlResponse.setEncryptionAlgorithm': entry('`samlResponse.setEncryptionAlgorithm` picks the algorithm that encrypts the SAML assertion (`aes256-gcm`; `aes256-cbc` is deprecated).', DOCS.postLoginApi),
  'api.session.revoke': entry('`session.revoke` rejects this login and ends the user\'s session, with its refresh tokens unless `preserveRefreshTokens` is set.', DOCS.postLoginApi),
  'api.session.setExpiresAt': entry('`session.setExpiresAt` gives the user\'s session a new absolute expiry, in milliseconds since the epoch; with several calls the earliest time wins.', DOCS.postLoginApi),
  'api.session.setIdleExpiresAt': entry('`session.setIdleExpiresAt` sets when the session ends if the user stays inactive, in milliseconds since the epoch.', DOCS.postLoginApi),
  'api.session.setCookieMode': entry('`session.setCookieMode` chooses whether the session cookie survives closing the browser (`persistent`) or ends with it (`non-persistent`).', DOCS.postLoginApi),
  'api.session.setMetadata': entry('`session.setMetadata` stores a short string on the user\'s session (`null` removes the key), at most 25 keys; actions read it in `event.session.metadata`.', DOCS.postLoginApi),
  'api.session.deleteMetadata': entry('`session.deleteMetadata` removes one key from the session\'s metadata.', DOCS.postLoginApi),
  'api.session.evictMetadata': entry('`session.evictMetadata` clears every key stored on the session.', DOCS.postLoginApi),
  'api.transaction.setMetadata': entry('`transaction.setMetadata` keeps a string, number or boolean for the rest of this login only: `event.transaction.metadata` shows it at once, here and in later actions, and nothing is saved to the user.', DOCS.transactionMetadata),
  'api.transaction.addTargetScope': entry('`transaction.addTargetScope` (Early Access) adds a scope to the target set Auth0 checks against authorization policies after the last action. Where the feature is off, as here, it throws "Method not implemented."', DOCS.scopes),
  'api.transaction.removeTargetScope': entry('`transaction.removeTargetScope` (Early Access) takes a scope out of the target set before authorization policies are applied. Where the feature is off, as here, it throws.', DOCS.scopes),
  'api.transaction.setTargetScopes': entry('`transaction.setTargetScopes` (Early Access) replaces the whole target scope set, which can drop `openid` or `offline_access` by accident. Where the feature is off, as here, it throws.', DOCS.scopes),
  'api.transaction.clearTargetScopes': entry('`transaction.clearTargetScopes` (Early Access) empties the target scope set. Where the feature is off, as here, it throws.', DOCS.scopes),
  'api.user.setAppMetadata': entry('`setAppMetadata` queues the change; Auth0 writes all queued metadata once, at the end of the flow or before a redirect. `null` removes the key, and this action\'s `event.user` keeps the old value.', DOCS.metadata),
  'api.user.setUserMetadata': entry('`setUserMetadata` queues a change to the data the user may edit themselves; Auth0 saves every queued change in one profile update, at the end of the flow or before a redirect.', DOCS.metadata),
  'api.validation.error': entry('`validation.error` fails the login with your own error code and message, which the application receives as `error` and `error_description`; no later action runs.', DOCS.postLoginApi),
  ...actionSteps(DOCS.postLoginApi),
  'action.continue': entry('The user is back, so Auth0 calls `onContinuePostLogin` of the action that paused the flow; the actions before it do not run again.', DOCS.redirect),
  'profile.update': entry('Auth0 writes the metadata the actions queued in one update of the user profile: after the last action, or before the flow pauses (for a redirect, say). A deny still writes what was queued.', DOCS.metadata),
  'redirect': entry('The flow pauses: the user leaves for this URL, which carries a `state` parameter, and Auth0 waits for them to come back to /continue with that same `state` before going on.', DOCS.redirect),
  'prompt.render': entry('The flow pauses while Auth0 shows the Form; submitting it resumes the flow in `onContinuePostLogin` of the action that rendered it.', DOCS.forms),
  'mfa.challenge': entry('The flow pauses while Auth0 asks the user to pass one of the qualifying MFA factors; then the remaining actions run and see it in `event.authentication.methods`.', DOCS.postLoginApi),
  'mfa.enroll': entry('The flow pauses while Auth0 has the user enroll in one of the offered MFA factors; the remaining actions run once that is done.', DOCS.postLoginApi),
  'mfa.required': entry('After the last action Auth0 applies `multifactor.enable`: unless the provider is `none`, the user must pass MFA before the login completes.', DOCS.postLoginApi),
  'tokens.issued': entry('Auth0 builds and signs the ID token (for an `openid` request) and the access token, with the claims and scope changes the actions asked for. No action ever sees the final tokens.', DOCS.postLogin),
  'saml.response': entry('A SAML login gets a SAML response instead of OIDC tokens: Auth0 builds it from the user\'s profile and what the actions set through `api.samlResponse`.', DOCS.postLoginApi),
  'flow.continue': entry('The user reached /continue with the `state` parameter (and any token or form answers); Auth0 checks the state and resumes the flow. A missing or wrong state fails with `invalid_request`.', DOCS.redirect),
  'flow.end': entry('The login is over: completed with tokens or a SAML response, denied, failed, or paused until the user comes back.', DOCS.postLogin),
}

const PRE_USER_REGISTRATION: Record<string, Explanation> = {
  'api.access.deny': entry('`access.deny` stops the signup once this action ends: no later action runs and the user is not created. The reason goes to the tenant logs; the optional user message may be shown to the person signing up.', DOCS.preUserRegistrationApi),
  ...cache(DOCS.preUserRegistrationApi),
  'api.user.setAppMetadata': entry('`setAppMetadata` queues app_metadata for the account about to be created; Auth0 stores it when it creates the user after the last action. Not available to passwordless signups.', DOCS.preUserRegistrationApi),
  'api.user.setUserMetadata': entry('`setUserMetadata` queues user_metadata (data the user may edit later) for the new account; it is saved in the same write that creates the user, after the last action.', DOCS.preUserRegistrationApi),
  'api.validation.error': entry('`validation.error` rejects the signup with your own error code and message; the flow stops after this action and no user is created.', DOCS.preUserRegistrationApi),
  ...actionSteps(DOCS.preUserRegistrationApi),
  'user.created': entry('No action refused the signup, so Auth0 creates the user in the connection, with the metadata the actions queued saved in that same write.', DOCS.preUserRegistrationApi),
  'flow.end': entry('The signup is over: the user was created, or the signup was denied or failed and no account exists.', DOCS.preUserRegistrationApi),
}

const CREDENTIALS_EXCHANGE: Record<string, Explanation> = {
  'api.access.deny': entry('`access.deny` refuses the token once this action ends: no later action runs, and the client gets your code (`invalid_scope`, `invalid_request` or `server_error`) as `error` and the reason as `error_description`.', DOCS.credentialsExchangeApi),
  'api.accessToken.setCustomClaim': entry('`accessToken.setCustomClaim` adds a claim to the machine-to-machine access token Auth0 issues after the last action; restricted names and Auth0 namespaces are silently dropped.', DOCS.customClaims),
  ...cache(DOCS.credentialsExchangeApi),
  'api.transaction.addTargetScope': entry('`transaction.addTargetScope` (Early Access) adds a scope to `event.transaction.target_scopes` at once; after the last action Auth0 keeps only the scopes the client grant allows.', DOCS.scopes),
  'api.transaction.removeTargetScope': entry('`transaction.removeTargetScope` (Early Access) takes a scope out of the target set at once; it stays out of the token unless a later call brings it back.', DOCS.scopes),
  'api.transaction.setTargetScopes': entry('`transaction.setTargetScopes` (Early Access) replaces the whole target scope set that later actions see; scopes outside the client grant are dropped when the token is issued.', DOCS.scopes),
  'api.transaction.clearTargetScopes': entry('`transaction.clearTargetScopes` (Early Access) empties the target scope set, so the token gets no scopes unless a later action adds some back.', DOCS.scopes),
  ...actionSteps(DOCS.credentialsExchangeApi),
  'tokens.issued': entry('Auth0 signs the access token of the client credentials grant, for the requested API, with the granted scopes and the custom claims the actions set, and only then returns it to the client.', DOCS.credentialsExchange),
  'flow.end': entry('The exchange is over: the client got an access token, or an error because an action denied the exchange or failed.', DOCS.credentialsExchange),
}

/** The explanations of each trigger, by timeline `call`. */
export const EXPLANATIONS: Readonly<Record<string, Readonly<Record<string, Explanation>>>> = {
  'post-login': POST_LOGIN,
  'pre-user-registration': PRE_USER_REGISTRATION,
  'credentials-exchange': CREDENTIALS_EXCHANGE,
}

/** What Auth0 does with a timeline `call` of this trigger (`api.user.setAppMetadata`, `redirect`), if it is explained. */
export function explain(trigger: string, call: string): Explanation | undefined {
  return Object.hasOwn(EXPLANATIONS, trigger) && Object.hasOwn(EXPLANATIONS[trigger], call) ? EXPLANATIONS[trigger][call] : undefined
}
