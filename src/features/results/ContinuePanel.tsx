import { decodeJwt, decodeProtectedHeader } from 'jose'
import { useMemo, useState } from 'react'
import { prepareContinue, type ContinueSpec } from '../../engine/continueRequest.ts'
import { parseJson } from '../../engine/json.ts'
import type { JsonObject, JsonValue, RunResult } from '../../engine/types.ts'
import { findAction } from '../../store/actionLookup.ts'
import { useRunDoc, useRunningHere, useSecretFilledIn, useStoreApi } from '../../store/hooks.ts'
import { continueCurrentRun } from '../run/runFlow.ts'
import { JsonBlock, JsonInline } from './JsonBlock.tsx'
import { LongText } from './ShowAll.tsx'
import { useSecretMask } from './useSecretMask.ts'

type Pairs = { key: string; value: string }[]

const input = 'rounded border border-slate-300 bg-white px-2 py-1 text-xs dark:border-slate-600 dark:bg-slate-800'
const primary = 'rounded-md bg-indigo-600 px-3 py-1.5 text-xs font-semibold text-white hover:bg-indigo-500 disabled:opacity-40'
const secondary = 'rounded-md border border-slate-300 px-3 py-1.5 text-xs hover:bg-slate-100 disabled:opacity-40 dark:border-slate-600 dark:hover:bg-slate-800'

function toRecord(pairs: Pairs): Record<string, JsonValue> {
  return Object.fromEntries(pairs.filter((pair) => pair.key.trim()).map((pair) => [pair.key.trim(), pair.value]))
}

function PairsEditor({ label, pairs, onChange, testId }: { label: string; pairs: Pairs; onChange: (pairs: Pairs) => void; testId: string }) {
  return (
    <fieldset data-testid={testId} className="space-y-1">
      <legend className="text-xs font-medium text-slate-600 dark:text-slate-300">{label}</legend>
      {pairs.map((pair, index) => (
        <div key={index} className="flex gap-1">
          <input aria-label={`${label} name ${index + 1}`} value={pair.key} placeholder="name" onChange={(event) => onChange(pairs.map((item, i) => (i === index ? { ...item, key: event.target.value } : item)))} className={`${input} w-32 font-mono`} />
          <input aria-label={`${label} value ${index + 1}`} value={pair.value} placeholder="value" onChange={(event) => onChange(pairs.map((item, i) => (i === index ? { ...item, value: event.target.value } : item)))} className={`${input} min-w-0 flex-1 font-mono`} />
          <button type="button" aria-label={`Remove ${label} field ${index + 1}`} onClick={() => onChange(pairs.filter((_, i) => i !== index))} className="px-1 text-slate-600 dark:text-slate-400 hover:text-red-600">✕</button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...pairs, { key: '', value: '' }])} className="text-xs text-indigo-700 hover:underline dark:text-indigo-300">+ field</button>
    </fieldset>
  )
}

/** The redirect URL with its query; a session token in it is decoded. Secret values are masked. */
function RedirectDetails({ result: rawResult }: { result: RunResult }) {
  const { mask } = useSecretMask()
  const result = mask(rawResult)
  const url = new URL(result.redirect!.url)
  const before = result.profileUpdates.writes.filter((write) => write.when === 'before-redirect')
  return (
    <div className="space-y-2">
      <div>
        <div className="text-xs font-medium text-slate-600 dark:text-slate-300">The browser is sent to</div>
        <code data-testid="redirect-url" className="block break-all rounded bg-slate-100 px-2 py-1 text-xs dark:bg-slate-800"><LongText text={result.redirect!.url} /></code>
      </div>
      <table className="w-full text-xs">
        <tbody>
          {[...url.searchParams].map(([key, value]) => {
            let decoded: { header: unknown; payload: unknown } | null = null
            try { decoded = mask({ header: decodeProtectedHeader(value), payload: decodeJwt(value) }) } catch { /* not a JWT */ }
            return (
              <tr key={key} className="align-top">
                <td className="w-32 py-0.5 pr-2 font-mono text-slate-600 dark:text-slate-400">{key}{key === 'state' && <span className="ml-1 font-sans text-[10px] text-amber-700 dark:text-amber-300">added by Auth0</span>}</td>
                <td className="py-0.5 font-mono">
                  {decoded ? (
                    <details>
                      <summary className="cursor-pointer">JWT (decoded below)</summary>
                      <JsonBlock value={decoded} testId={`decoded-${key}`} />
                    </details>
                  ) : <span className="break-all"><LongText text={value} /></span>}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {before.length
          ? <>Metadata written before the redirect: <JsonInline value={{ app_metadata: before[0].app_metadata, user_metadata: before[0].user_metadata }} /></>
          : 'No metadata was pending before the redirect.'}
      </p>
    </div>
  )
}

/**
 * Why the session token cannot be signed: the chosen secret of the action is empty (a flow opened from a link
 * has none of its values), or no secret was typed. The run used the secrets it had when it started, so a
 * secret filled in afterwards needs a new run.
 */
function EmptySecret({ action, secretName }: { action: { id: string; name: string }; secretName: string }) {
  const store = useStoreApi()
  const filledInSince = useSecretFilledIn(action.id, secretName)
  const openSecrets = () => {
    const { select, showTab } = store.getState()
    select(action.id)
    showTab('secrets')
  }
  if (!secretName) return <p role="alert" className="text-xs text-red-700 dark:text-red-400">Type the secret to sign the session token with.</p>
  return (
    <p role="alert" className="text-xs text-red-700 dark:text-red-400">
      The session token is signed with <code>{secretName}</code>, a secret of “{action.name}”, and it was empty in this run (links, and files
      exported without secret values, carry only its name).{' '}
      {filledInSince ? 'It is filled in now: run the flow again, then continue.' : <>
        Fill it in on the <button type="button" onClick={openSecrets} className="font-semibold underline">Secrets tab of “{action.name}”</button>, then run the flow again.
      </>}
    </p>
  )
}

/** Plays the external site: what it sends back to /continue, including a signed session token. */
function RedirectContinue({ result }: { result: RunResult }) {
  const store = useStoreApi()
  const runDoc = useRunDoc()
  const action = runDoc && findAction(runDoc.actions, result.redirect!.actionId)
  const secretNames = Object.keys(action?.secrets ?? {})
  const [query, setQuery] = useState<Pairs>([])
  const [body, setBody] = useState<Pairs>([])
  const [signToken, setSignToken] = useState(true)
  const [parameter, setParameter] = useState('session_token')
  const [payload, setPayload] = useState('{\n  "favorite_color": "purple"\n}')
  const [secretName, setSecretName] = useState(secretNames[0] ?? '')
  const [customSecret, setCustomSecret] = useState('')
  const parsedPayload = parseJson(payload)
  const payloadError = signToken && (!parsedPayload.ok ? parsedPayload.errors[0] : typeof parsedPayload.value !== 'object' || parsedPayload.value === null || Array.isArray(parsedPayload.value) ? 'The payload must be a JSON object.' : null)
  const secret = secretName ? action?.secrets[secretName] ?? '' : customSecret
  const noSecret = signToken && !secret
  const [failure, setFailure] = useState<string | null>(null)

  const send = async (variant: 'ok' | 'wrong-state' | 'expired') => {
    const spec: ContinueSpec = { query: toRecord(query), body: toRecord(body) }
    if (variant === 'wrong-state') spec.state = 'not-the-state-auth0-sent'
    if (signToken && parsedPayload.ok) spec.sessionToken = { payload: parsedPayload.value as JsonObject, secret, parameter, ...(variant === 'expired' ? { expiresInSeconds: -60 } : {}) }
    setFailure(null)
    try {
      await continueCurrentRun(store, await prepareContinue(result, spec))
    } catch (error) {
      setFailure(`The /continue request could not be made: ${(error as Error).message}`)
    }
  }
  const blocked = !!payloadError || noSecret

  // The buttons come first, so that they are in view as soon as the run suspends.
  return (
    <div data-testid="external-site" className="space-y-3 rounded-md border border-dashed border-slate-300 p-3 dark:border-slate-600">
      <div className="text-sm font-medium">The external site sends the user back to <code>/continue</code></div>
      <div className="flex flex-wrap gap-2">
        <button type="button" data-testid="continue" disabled={blocked} onClick={() => void send('ok')} className={primary}>Continue</button>
        <button type="button" data-testid="continue-wrong-state" disabled={blocked} onClick={() => void send('wrong-state')} className={secondary}>Continue with a wrong state</button>
        {signToken && <button type="button" data-testid="continue-expired" disabled={blocked} onClick={() => void send('expired')} className={secondary}>Continue with an expired token</button>}
      </div>
      {noSecret && action && <EmptySecret action={action} secretName={secretName} />}
      {failure && <p role="alert" className="text-xs text-red-700 dark:text-red-400">{failure}</p>}
      <div className="grid grid-cols-2 gap-3">
        <PairsEditor label="Query" pairs={query} onChange={setQuery} testId="continue-query" />
        <PairsEditor label="Body" pairs={body} onChange={setBody} testId="continue-body" />
      </div>
      <label className="flex items-center gap-2 text-xs">
        <input type="checkbox" checked={signToken} onChange={(event) => setSignToken(event.target.checked)} />
        Send a signed session token (HS256, with <code>sub</code>, <code>iat</code>, <code>exp</code> and the <code>state</code>)
      </label>
      {signToken && (
        <div className="space-y-2 pl-5">
          <div className="flex flex-wrap items-center gap-2 text-xs">
            <label className="flex items-center gap-1">Parameter <input data-testid="token-parameter" value={parameter} onChange={(event) => setParameter(event.target.value)} className={`${input} w-32 font-mono`} /></label>
            <label className="flex items-center gap-1">
              Signed with
              <select data-testid="token-secret" value={secretName} onChange={(event) => setSecretName(event.target.value)} className={input}>
                {secretNames.map((name) => <option key={name} value={name}>{name} (this action's secret)</option>)}
                <option value="">another secret…</option>
              </select>
            </label>
            {!secretName && <input aria-label="Secret" type="password" value={customSecret} onChange={(event) => setCustomSecret(event.target.value)} placeholder="secret" className={`${input} w-40 font-mono`} />}
          </div>
          <label className="block text-xs">
            Payload
            <textarea data-testid="token-payload" value={payload} onChange={(event) => setPayload(event.target.value)} rows={3} spellCheck={false} className={`${input} mt-1 block w-full font-mono`} />
          </label>
          {payloadError && <p role="alert" className="text-xs text-red-700 dark:text-red-400">{payloadError}</p>}
        </div>
      )}
    </div>
  )
}

function ChallengeContinue({ result }: { result: RunResult }) {
  const store = useStoreApi()
  const challenge = result.challenge!
  return (
    <div data-testid="mfa-continue" className="space-y-2 rounded-md border border-dashed border-slate-300 p-3 dark:border-slate-600">
      <div className="text-sm">
        <strong>{challenge.action}</strong> asked Auth0 to {challenge.kind === 'enroll' ? 'enroll the user in' : 'challenge the user with'} MFA ({challenge.method}). The user is offered:
      </div>
      <div className="flex flex-wrap gap-2">
        {challenge.factors.map((factor) => (
          <button key={factor.type} type="button" className={primary} onClick={async () => continueCurrentRun(store, await prepareContinue(result, { mfa: { type: factor.type } }))}>
            Complete {factor.type}
          </button>
        ))}
        <button type="button" className={secondary} onClick={async () => continueCurrentRun(store, await prepareContinue(result, {}))}>Continue without completing</button>
      </div>
    </div>
  )
}

function PromptContinue({ result }: { result: RunResult }) {
  const store = useStoreApi()
  const prompt = result.prompt!
  const [fields, setFields] = useState<Pairs>(() => Object.entries(prompt.fields).map(([key, value]) => ({ key, value: typeof value === 'string' ? value : JSON.stringify(value) })))
  return (
    <div data-testid="prompt-continue" className="space-y-2 rounded-md border border-dashed border-slate-300 p-3 dark:border-slate-600">
      <div className="text-sm"><strong>{prompt.action}</strong> rendered the form <code>{prompt.id}</code>. The user submits:</div>
      <PairsEditor label="Fields" pairs={fields} onChange={setFields} testId="prompt-fields" />
      <button type="button" className={primary} onClick={async () => continueCurrentRun(store, await prepareContinue(result, { prompt: { fields: toRecord(fields) as JsonObject } }))}>Submit the form</button>
    </div>
  )
}

/** A suspended run: where it stopped, and the way back to /continue. */
export function ContinuePanel({ result }: { result: RunResult }) {
  const running = useRunningHere()
  const key = useMemo(() => result.resume?.state ?? '', [result])
  if (result.status !== 'suspended') return null
  return (
    <section data-testid="continue-panel" aria-busy={running} className="space-y-3">
      {result.redirect && (
        <div className="grid items-start gap-3 lg:grid-cols-2">
          <RedirectDetails result={result} />
          <RedirectContinue key={key} result={result} />
        </div>
      )}
      {result.challenge && <ChallengeContinue key={key} result={result} />}
      {result.prompt && <PromptContinue key={key} result={result} />}
    </section>
  )
}
