import type { ReactNode } from 'react'
import type { AccessTokenResult, IssuedToken, RunResult } from '../../engine/types.ts'
import { JwtView } from './JwtView.tsx'
import { droppedClaimWarnings } from './tokenWarnings.ts'
import { WarningList } from './WarningList.tsx'

/** One line on why a run that did not complete has no tokens. */
function noTokensReason(result: RunResult): string {
  const where = result.error?.action ? ` in “${result.error.action}”` : ''
  if (result.status === 'denied') return `The login was denied${where}: no tokens are issued.`
  if (result.status === 'suspended') {
    const waitingFor = result.resume?.kind === 'challenge' ? 'an MFA challenge' : result.resume?.kind === 'prompt' ? 'a form' : 'a redirect'
    return `The login is suspended for ${waitingFor}: tokens are issued once it is continued and the flow completes.`
  }
  if (result.error?.timeout) return 'The flow passed its time limit: no tokens are issued.'
  // Without an action, the failure is the engine's own, e.g. custom claims over 100 KB: its message says why.
  if (result.status === 'failed') return result.error && !result.error.action ? `The login failed: ${result.error.description}` : `The login failed${where}: no tokens are issued.`
  if (result.samlResponse) return 'A SAML login: the application receives a SAML response, not tokens (Details shows it).'
  return 'No tokens were issued.'
}

function TokenCard({ title, subtitle, testKey, children }: { title: string; subtitle: string; testKey: 'id' | 'access'; children: ReactNode }) {
  return (
    <section data-testid={`token-${testKey}`} aria-label={title} className="space-y-2 rounded-lg border border-slate-200 p-3 dark:border-slate-800">
      <header className="flex flex-wrap items-baseline gap-x-2">
        <h3 className="text-sm font-semibold">{title}</h3>
        <p className="text-xs text-slate-600 dark:text-slate-400">{subtitle}</p>
      </header>
      {children}
    </section>
  )
}

function OpaqueAccessToken({ token }: { token: AccessTokenResult }) {
  const lost = Object.keys(token.customClaims)
  return (
    <div data-testid="token-opaque-access" className="space-y-2 text-xs">
      <p>
        <span className="mr-1 rounded bg-slate-200 px-1.5 py-0.5 font-medium dark:bg-slate-700">opaque</span>
        No audience was requested (no <code>audience</code> parameter, so no <code>event.resource_server</code>), so Auth0 issues an opaque
        access token: a random string the application can only use to call <code>/userinfo</code>, not a JWT it can decode.
      </p>
      <p>Scope: <code data-testid="token-scope-access">{token.scope || '(none)'}</code></p>
      {lost.length > 0 && <WarningList warnings={[{ message: `Its custom claims are not delivered: ${lost.join(', ')}. Ask for an audience to get them in a JWT access token.` }]} />}
    </div>
  )
}

function idSubtitle(token: IssuedToken): string {
  const aud = token.claims?.aud
  return `Tells the application who logged in${typeof aud === 'string' ? ` (aud: its client_id ${aud})` : ''}. Not for calling APIs.`
}

/** The tokens the run issued, decoded and checked, with the claims Auth0 would drop. */
/** A token whose claims are known and whose signature is being computed, after the run's outcome was shown. */
function Signing() {
  return <p className="text-xs text-slate-600 dark:text-slate-400">Signing the token…</p>
}

/** `idTokens`: whether the run's trigger issues ID tokens (a login does; a machine-to-machine exchange does not). */
export function TokensView({ result, idTokens = true }: { result: RunResult; idTokens?: boolean }) {
  const { idToken, accessToken } = result
  if (!accessToken) {
    return <p data-testid="tokens-none" className="p-4 text-sm text-slate-600 dark:text-slate-300">{noTokensReason(result)}</p>
  }
  return (
    <div data-testid="tokens-view" className="space-y-3 p-3">
      {idToken ? (
        <TokenCard title="ID token" subtitle={idSubtitle(idToken)} testKey="id">
          <WarningList warnings={droppedClaimWarnings(result.warnings, 'idToken')} testId="token-warnings-id" />
          {idToken.unsigned ? <Signing /> : idToken.jwt && <JwtView jwt={idToken.jwt} token={idToken} jwks={result.jwks} testKey="id" />}
        </TokenCard>
      ) : idTokens ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">No ID token: the application did not ask for the <code>openid</code> scope.</p>
      ) : null}
      <TokenCard
        title="Access token"
        subtitle={accessToken.audience ? `For calling the API ${accessToken.audience}.` : 'For calling /userinfo only.'}
        testKey="access"
      >
        <WarningList warnings={droppedClaimWarnings(result.warnings, 'accessToken')} testId="token-warnings-access" />
        {accessToken.unsigned ? <Signing /> : accessToken.jwt ? <JwtView jwt={accessToken.jwt} token={accessToken} jwks={result.jwks} testKey="access" /> : <OpaqueAccessToken token={accessToken} />}
      </TokenCard>
    </div>
  )
}
