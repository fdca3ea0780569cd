/** What the external site sends back to /continue in the examples that suspend (CLI `--continue` files). */
import type { ContinueSpec } from '../engine/continueRequest.ts'

export const CONTINUE_FILES: Record<string, ContinueSpec> = {
  'favorite-color-redirect': { sessionToken: { payload: { favorite_color: 'purple' }, secret: 'a-shared-secret-for-the-color-site' } },
  'roles-after-redirect': { sessionToken: { payload: { favorite_color: 'green' }, secret: 'a-shared-secret-for-the-color-site' } },
  'favorite-color-redirect.wrong-state': { state: 'not-the-state-we-sent', sessionToken: { payload: { favorite_color: 'purple' }, secret: 'a-shared-secret-for-the-color-site' } },
}
