/** How the tokens view marks a token's claims: custom claims and `scope` highlighted, standard claims explained. */
import type { KeyNote } from './JsonBlock.tsx'
import { duration, utcTime } from './time.ts'

const PROFILE = 'Profile claim: in the ID token because the application asked for the profile scope.'
const EMAIL = 'Email claim: in the ID token because the application asked for the email scope.'

const STANDARD_CLAIMS: Record<string, string> = {
  iss: 'Issuer: your tenant\'s domain. Applications reject tokens from any other issuer.',
  sub: 'Subject: the id of the user who logged in (the primary user, after api.authentication.setPrimaryUser).',
  aud: 'Audience: who the token is for. The application\'s client_id for an ID token; the API identifier (and /userinfo when openid was asked for) for an access token.',
  iat: 'Issued at, in seconds since the Unix epoch.',
  exp: 'Expires at, in seconds since the Unix epoch. Auth0\'s defaults: 10 hours for an ID token, 24 hours for an access token.',
  azp: 'Authorized party: the client_id of the application the token was issued to.',
  scope: 'The scopes granted to this access token, after api.accessToken.addScope and removeScope.',
  sid: 'Session id: the Auth0 session this login belongs to.',
  nonce: 'The nonce the application sent with the login, sent back so that it can reject a replayed token.',
  org_id: 'The organization the user logged in to.',
  name: PROFILE, nickname: PROFILE, given_name: PROFILE, family_name: PROFILE, picture: PROFILE, updated_at: PROFILE,
  email: EMAIL, email_verified: EMAIL,
}

const CUSTOM = 'bg-amber-100 dark:bg-amber-900/50'
const SCOPE = 'bg-indigo-100 dark:bg-indigo-900/50'

/** Notes for one token's payload. */
export function claimNotes(payload: Record<string, unknown>, customClaims: Record<string, unknown>) {
  return (key: string, value: unknown): KeyNote | undefined => {
    if (Object.hasOwn(customClaims, key)) {
      return { className: CUSTOM, title: 'Custom claim set by an action with api.idToken / api.accessToken.setCustomClaim.', note: '← custom claim' }
    }
    const title = STANDARD_CLAIMS[key]
    if (key === 'scope') return { className: SCOPE, title, note: '← granted scopes' }
    if ((key === 'iat' || key === 'exp') && typeof value === 'number') {
      const lifetime = key === 'exp' && typeof payload.iat === 'number' ? `, ${duration(value - payload.iat)} after iat` : ''
      return { title, note: `${utcTime(value * 1000)}${lifetime}` }
    }
    return title ? { title } : undefined
  }
}
