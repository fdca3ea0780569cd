/** What a run's outcome means for the application, in one sentence: the banner's headline and what is announced. */
import type { RunResult } from '../../engine/types.ts'

export function runHeadline(result: RunResult): string {
  if (result.status === 'completed') return result.mfa?.required ? `Login completed after an MFA challenge (${result.mfa.provider}): tokens are issued.` : 'Login completed: the application receives its tokens.'
  if (result.status === 'suspended') {
    if (result.redirect) return `Suspended: the user is sent to ${result.redirect.url.split('?')[0]}; the flow waits for /continue.`
    if (result.challenge) return `Suspended: the user is asked to ${result.challenge.kind === 'enroll' ? 'enroll in' : 'complete'} MFA.`
    return `Suspended: the form ${result.prompt?.id ?? ''} is shown to the user.`
  }
  if (result.error?.timeout) return 'Failed: the flow passed its time limit.'
  return result.status === 'denied' ? 'Login denied: the application receives an error.' : 'Login failed: the application receives an error.'
}
