import { Fragment, type ReactNode } from 'react'
import type { JsonObject, ManagementApiChange, RunResult } from '../../engine/types.ts'
import { HttpExchanges } from './HttpExchanges.tsx'
import { JsonBlock, JsonInline } from './JsonBlock.tsx'
import { fromNow, utcTime } from './time.ts'
import { isTokenWarning } from './tokenWarnings.ts'
import { WarningList } from './WarningList.tsx'

type Rows = [label: string, value: ReactNode][]

function Fields({ rows }: { rows: Rows }) {
  return (
    <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1 text-xs">
      {rows.map(([label, value]) => (
        <Fragment key={label}>
          <dt className="text-slate-600 dark:text-slate-400">{label}</dt>
          <dd className="break-words">{value}</dd>
        </Fragment>
      ))}
    </dl>
  )
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section data-testid={`details-${id}`} aria-label={title} className="space-y-2 rounded-lg border border-slate-200 p-3 dark:border-slate-800">
      <h3 className="text-sm font-semibold">{title}</h3>
      {children}
    </section>
  )
}

const isEmpty = (value: object) => Object.keys(value).length === 0
const code = (text: string) => <code className="font-mono">{text}</code>

function mfaRows(mfa: NonNullable<RunResult['mfa']>): Rows {
  return [
    ['Outcome', mfa.required ? 'Required: the user is challenged at the end of the flow.' : 'Skipped: the provider "none" switches MFA off for this login.'],
    ['Provider', code(mfa.provider)],
    ...(isEmpty(mfa.options) ? [] : [['Options', <JsonInline value={mfa.options} />]] satisfies Rows),
    ['Set by', `${mfa.action} (the last api.multifactor.enable call wins)`],
  ]
}

function ChallengeFactors({ challenge }: { challenge: NonNullable<RunResult['challenge']> }) {
  const offered = new Set(challenge.factors.map((factor) => factor.type))
  const notOffered = challenge.kind === 'enroll' ? 'not offered: already enrolled' : 'not offered: not enrolled, or already completed in this login'
  return (
    <ul className="space-y-0.5">
      {challenge.requested.map((factor, index) => (
        <li key={index} data-offered={offered.has(factor.type)}>
          {code(factor.type)}
          {factor.options && <> <JsonInline value={factor.options} /></>}
          {' '}
          <span className={offered.has(factor.type) ? 'text-emerald-700 dark:text-emerald-300' : 'text-slate-600 dark:text-slate-400'}>
            {offered.has(factor.type) ? '✓ offered' : `✗ ${notOffered}`}
          </span>
        </li>
      ))}
    </ul>
  )
}

/** Set by the run rather than given in the event: completed MFA factors, recorded methods, a new primary user. */
function touchedAuthentication(authentication: RunResult['authentication']): boolean {
  return authentication.primaryUser !== null || authentication.recordedMethods.length > 0 || authentication.methods.some((method) => method.name === 'mfa')
}

function authenticationRows(authentication: RunResult['authentication']): Rows {
  const methods = (
    <ul>
      {authentication.methods.map((method, index) => (
        <li key={index}>
          {code(String(method.name))}
          {method.type !== undefined && <> ({String(method.type)})</>}
          {typeof method.timestamp === 'string' && <span className="text-slate-600 dark:text-slate-400"> at {utcTime(Date.parse(method.timestamp))}</span>}
        </li>
      ))}
    </ul>
  )
  return [
    ['Methods', authentication.methods.length ? methods : 'None.'],
    ['Recorded methods', authentication.recordedMethods.length ? <ul>{authentication.recordedMethods.map((url) => <li key={url}>{code(url)}</li>)}</ul> : 'None.'],
    ['Primary user', authentication.primaryUser === null ? 'Unchanged.' : <>{code(authentication.primaryUser)}: the tokens' <code>sub</code></>],
  ]
}

const CHANGE_LABELS: Record<string, string> = {
  revoked: 'Revoked',
  reason: 'Reason',
  preserveRefreshTokens: 'Refresh tokens kept',
  expires_at: 'Expires at',
  idle_expires_at: 'Idle expiry at',
  cookie_mode: 'Cookie mode',
  metadata: 'Metadata',
}

/** A session's or refresh token's changes: expiries as dates, the rest as JSON. */
function changeRows(changes: JsonObject): Rows {
  return Object.entries(changes).map(([key, value]) => [
    CHANGE_LABELS[key] ?? key,
    typeof value === 'number' && key.endsWith('expires_at') ? utcTime(value) : typeof value === 'boolean' ? (value ? 'yes' : 'no') : <JsonInline value={value} />,
  ])
}

function CacheRecords({ cache }: { cache: RunResult['cache'] }) {
  const now = Date.now()
  return (
    <table className="w-full table-fixed text-left text-xs">
      <thead className="text-slate-600 dark:text-slate-400">
        <tr><th className="w-1/4 py-0.5 font-medium">Key</th><th className="font-medium">Value</th><th className="w-1/3 font-medium">Expires</th></tr>
      </thead>
      <tbody>
        {Object.entries(cache).map(([key, record]) => (
          <tr key={key} className="border-t border-slate-200 align-top dark:border-slate-800">
            <td className="py-0.5 font-mono break-all">{key}</td>
            <td className="font-mono break-all">{record.value}</td>
            <td title={utcTime(record.expires_at)}>{fromNow(record.expires_at, now)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** What actions changed through the Management API stand-in (metadata writes are in the metadata view). */
function ManagementApiChanges({ changes }: { changes: ManagementApiChange[] }) {
  return (
    <ol className="space-y-1.5 text-xs">
      {changes.map((change, index) => (
        <li key={index} data-kind={change.kind}>
          {change.kind === 'roles.assign' && <>Roles {change.roles.map((role, i) => <Fragment key={role.id}>{i > 0 && ', '}{code(role.name)} ({code(role.id)})</Fragment>)} assigned to {code(change.user_id)}</>}
          {change.kind === 'identities.link' && (
            <>
              {code(change.linked)} linked into {code(change.user_id)} as a secondary identity; its identities now:
              <JsonBlock value={change.identities} />
            </>
          )}
          {change.kind === 'user.update' && <>{code(change.user_id)} updated: <JsonInline value={change.fields} /></>}
          <span className="text-slate-600 dark:text-slate-400"> · by {change.action}</span>
        </li>
      ))}
    </ol>
  )
}

function sectionsOf(result: RunResult): { id: string; title: string; body: ReactNode }[] {
  const { mfa, challenge, prompt, authentication, saml } = result
  const warnings = result.warnings.filter((warning) => !isTokenWarning(warning))
  return [
    mfa && { id: 'mfa', title: 'Multi-factor authentication', body: <Fields rows={mfaRows(mfa)} /> },
    challenge && {
      id: 'challenge',
      title: challenge.kind === 'enroll' ? 'Pending MFA enrollment' : 'Pending MFA challenge',
      body: <Fields rows={[['Called', <>{code(`api.authentication.${challenge.method}`)} in {challenge.action}</>], ['Factors', <ChallengeFactors challenge={challenge} />]]} />,
    },
    prompt && {
      id: 'prompt',
      title: 'Pending form',
      body: (
        <Fields rows={[
          ['Form', code(prompt.id)],
          ['Rendered by', prompt.action],
          ['Fields', isEmpty(prompt.fields) ? 'None.' : <JsonBlock value={prompt.fields} />],
          ['Vars', isEmpty(prompt.vars) ? 'None.' : <JsonBlock value={prompt.vars} />],
        ]} />
      ),
    },
    touchedAuthentication(authentication) && { id: 'authentication', title: 'Authentication', body: <Fields rows={authenticationRows(authentication)} /> },
    result.samlResponse && {
      id: 'saml-response',
      title: 'SAML response sent to the application',
      body: <Fields rows={[
        ['Subject', code(result.samlResponse.subject)],
        ['Attributes', isEmpty(result.samlResponse.attributes) ? 'None.' : <JsonBlock value={result.samlResponse.attributes} />],
        ['Configuration', isEmpty(result.samlResponse.configuration) ? 'None.' : <JsonBlock value={result.samlResponse.configuration} />],
      ]} />,
    },
    saml && {
      id: 'saml',
      title: 'SAML response',
      body: <Fields rows={[
        ['Attributes', isEmpty(saml.attributes) ? 'None.' : <JsonBlock value={saml.attributes} />],
        ['Configuration', isEmpty(saml.configuration) ? 'None.' : <JsonBlock value={saml.configuration} />],
      ]} />,
    },
    result.session && { id: 'session', title: 'Session', body: <Fields rows={changeRows(result.session)} /> },
    result.refreshToken && { id: 'refresh-token', title: 'Refresh token', body: <Fields rows={changeRows(result.refreshToken)} /> },
    !isEmpty(result.transactionMetadata) && { id: 'transaction-metadata', title: 'Transaction metadata', body: <JsonBlock value={result.transactionMetadata} /> },
    !isEmpty(result.cache) && { id: 'cache', title: 'Cache', body: <CacheRecords cache={result.cache} /> },
    result.http.length > 0 && { id: 'http', title: `HTTP requests (${result.http.length})`, body: <HttpExchanges exchanges={result.http} /> },
    (result.managementApi?.changes.length ?? 0) > 0 && {
      id: 'management-api',
      title: 'Management API changes (stand-in)',
      body: <ManagementApiChanges changes={result.managementApi!.changes} />,
    },
    warnings.length > 0 && { id: 'warnings', title: 'Warnings', body: <WarningList warnings={warnings} /> },
  ].filter((section) => !!section)
}

/** Everything else the run touched, one section each: MFA, pending challenges and forms, SAML, session, cache, HTTP, warnings. */
export function DetailsView({ result }: { result: RunResult }) {
  const sections = sectionsOf(result)
  return (
    <div data-testid="details-view" className="space-y-3 p-4">
      {sections.length === 0
        ? <p data-testid="details-empty" className="text-sm text-slate-600 dark:text-slate-400">Nothing else was touched: no MFA, forms, SAML, session or refresh token changes, transaction metadata, cache, HTTP requests or warnings.</p>
        : sections.map((section) => <Section key={section.id} id={section.id} title={section.title}>{section.body}</Section>)}
    </div>
  )
}
