/** What the external site sends back to /continue in the examples that suspend (CLI `--continue` files). */
import type { ContinueSpec } from '../engine/continueRequest.ts'
import { DATABASE_USER_ID, LINKING_SECRET, PROFILE_SITE_SECRET } from './teamFlows.ts'

export const CONTINUE_FILES: Record<string, ContinueSpec> = {
  'favorite-color-redirect': { sessionToken: { payload: { favorite_color: 'purple' }, secret: 'a-shared-secret-for-the-color-site' } },
  'roles-after-redirect': { sessionToken: { payload: { favorite_color: 'green' }, secret: 'a-shared-secret-for-the-color-site' } },
  'favorite-color-redirect.wrong-state': { state: 'not-the-state-we-sent', sessionToken: { payload: { favorite_color: 'purple' }, secret: 'a-shared-secret-for-the-color-site' } },
  'admin-step-up-mfa': { mfa: { type: 'otp' } },
  'terms-consent-form': { prompt: { fields: { accept_terms: true, marketing_emails: false } } },
  'account-linking-by-email': { sessionToken: { payload: { linked_to: DATABASE_USER_ID }, secret: LINKING_SECRET } },
  'progressive-profiling': { sessionToken: { payload: { company: 'Acme Corp', job_title: 'Platform Engineer' }, secret: PROFILE_SITE_SECRET } },
}
