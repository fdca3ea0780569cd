/** The secret masking the results views apply: the secrets of the document that ran, unless they are revealed (never in presenter mode). */
import { useMemo } from 'react'
import { useRunDoc, useSecretsShown } from '../../store/hooks.ts'
import { createMasker, documentSecrets, type Masker } from '../../engine/secretMask.ts'

export function useSecretMask(): { mask: Masker; hasSecrets: boolean } {
  const runDoc = useRunDoc()
  const revealed = useSecretsShown()
  const secrets = useMemo(() => documentSecrets(runDoc), [runDoc])
  const mask = useMemo(() => createMasker(revealed ? [] : secrets), [secrets, revealed])
  return { mask, hasSecrets: secrets.length > 0 }
}
