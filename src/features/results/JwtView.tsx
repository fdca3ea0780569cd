import { decodeJwt, decodeProtectedHeader } from 'jose'
import { useEffect, useMemo, useState } from 'react'
import type { IssuedToken, JsonObject } from '../../engine/types.ts'
import { claimNotes } from './claimNotes.ts'
import { CopyButton } from './CopyButton.tsx'
import { cutString, moreCharacters, STRING_LIMIT } from './cut.ts'
import { JsonBlock } from './JsonBlock.tsx'
import { ShowAllButton, useShowAll } from './ShowAll.tsx'
import { useSecretMask } from './useSecretMask.ts'
import { verifyToken, type Verification } from './verifyToken.ts'

/** jwt.io's colours for the three parts of a compact JWT. */
const PARTS = [
  { name: 'Header', color: 'text-rose-700 dark:text-rose-400' },
  { name: 'Payload', color: 'text-fuchsia-700 dark:text-fuchsia-400' },
  { name: 'Signature', color: 'text-sky-700 dark:text-sky-400' },
]

function useVerification(jwt: string, jwks: { keys: JsonObject[] } | null): Verification | null {
  const [settled, setSettled] = useState<{ jwt: string; outcome: Verification } | null>(null)
  useEffect(() => {
    let current = true
    verifyToken(jwt, jwks).then((outcome) => { if (current) setSettled({ jwt, outcome }) })
    return () => { current = false }
  }, [jwt, jwks])
  return settled?.jwt === jwt ? settled.outcome : null
}

function VerificationLine({ verification, testId }: { verification: Verification | null; testId: string }) {
  const state = !verification ? 'pending' : verification.ok ? 'verified' : 'failed'
  const tone = !verification ? 'text-slate-600 dark:text-slate-400' : verification.ok ? 'text-emerald-700 dark:text-emerald-300' : 'text-red-700 dark:text-red-300'
  return (
    <p data-testid={testId} data-state={state} className={`text-xs ${tone}`}>
      {!verification && 'Verifying the signature…'}
      {verification?.ok && <>✓ Signature verified with the playground's JWKS (kid <code className="break-all">{verification.kid ?? 'none'}</code>)</>}
      {verification && !verification.ok && <>✗ Signature not verified: {verification.reason}</>}
    </p>
  )
}

function Heading({ children }: { children: string }) {
  return <h4 className="mb-1 text-[11px] font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">{children}</h4>
}

/** One signed token as jwt.io shows it: encoded on the left with its signature checked, decoded on the right. */
export function JwtView({ jwt, token, jwks, testKey }: { jwt: string; token: IssuedToken; jwks: { keys: JsonObject[] } | null; testKey: 'id' | 'access' }) {
  const verification = useVerification(jwt, jwks)
  const { mask } = useSecretMask()
  // A claim that holds a secret value shows it masked, as every result view does.
  const decoded = useMemo(() => mask({ header: decodeProtectedHeader(jwt), payload: decodeJwt(jwt) }), [jwt, mask])
  const notes = useMemo(() => claimNotes(decoded.payload, token.customClaims), [decoded, token.customClaims])
  const { all, toggle } = useShowAll()
  // A token with a huge claim is megabytes long: each part shows its first characters.
  const encoded = jwt.split('.')
  const parts = all ? encoded : encoded.map((part) => cutString(part).text)
  const hidden = all ? null : moreCharacters(encoded.reduce((sum, part) => sum + Math.max(0, part.length - STRING_LIMIT), 0))
  return (
    <div className="grid gap-3 lg:grid-cols-[2fr_3fr]">
      <div className="min-w-0">
        <div className="mb-1 flex items-center gap-2">
          <Heading>Encoded</Heading>
          <CopyButton text={jwt} label={`Copy the ${testKey === 'id' ? 'ID' : 'access'} token`} testId={`token-copy-${testKey}`} />
        </div>
        <p data-testid={`token-encoded-${testKey}`} className="rounded-md bg-slate-50 p-2 font-mono text-xs leading-5 break-all dark:bg-slate-900">
          {parts.map((part, index) => (
            <span key={index}>
              {index > 0 && <span className="text-slate-600 dark:text-slate-400">.</span>}
              <span title={PARTS[index]?.name} className={PARTS[index]?.color}>{part}</span>
            </span>
          ))}
        </p>
        <ShowAllButton all={all} hidden={hidden} onToggle={toggle} />
        <p className="mt-1 mb-2 flex gap-3 text-[11px]" aria-hidden>
          {PARTS.map((part) => <span key={part.name} className={part.color}>■ {part.name}</span>)}
        </p>
        <VerificationLine verification={verification} testId={`token-verified-${testKey}`} />
      </div>
      {/* The payload first: its claims are what the actions changed. */}
      <div className="min-w-0 space-y-2">
        <div>
          <Heading>Payload</Heading>
          <JsonBlock value={decoded.payload} notes={notes} testId={`token-payload-${testKey}`} />
        </div>
        <div>
          <Heading>Header</Heading>
          <JsonBlock value={decoded.header} />
        </div>
      </div>
    </div>
  )
}
