/** What a run's outcome means for the application, in one sentence: the banner's headline and what is announced. */
import type { TriggerDefinition } from '../../engine/trigger.ts'
import type { RunResult } from '../../engine/types.ts'

/** The Login flow's words, until the trigger registry is here (it loads after the first paint). */
export const LOGIN_WORDS: TriggerDefinition['words'] = { start: 'User logged in', complete: 'Token issued', outcome: 'Login', completed: 'the application receives its tokens' }

export function runHeadline(result: RunResult, words: TriggerDefinition['words'] = LOGIN_WORDS): string {
  if (result.status === 'completed') return result.mfa?.required ? `Login completed after an MFA challenge (${result.mfa.provider}): tokens are issued.` : `${words.outcome} completed: ${words.completed}.`
  if (result.status === 'suspended') {
    if (result.redirect) return `Suspended: the user is sent to ${result.redirect.url.split('?')[0]}; the flow waits for /continue.`
    if (result.challenge) return `Suspended: the user is asked to ${result.challenge.kind === 'enroll' ? 'enroll in' : 'complete'} MFA.`
    return `Suspended: the form ${result.prompt?.id ?? ''} is shown to the user.`
  }
  if (result.error?.timeout) return 'Failed: the flow passed its time limit.'
  return `${words.outcome} ${result.status === 'denied' ? 'denied' : 'failed'}: the application receives an error.`
}
