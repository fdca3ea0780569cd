/**
 * Example flows: the Login-trigger examples of Auth0's documentation, plus flows that show ordering and
 * failures. The gallery, the tests and the flow files under `flows/` (written by `npm run examples`) use them.
 */
import { createDefaultEvent } from '../engine/defaultEvent.ts'
import type { FlowDocument } from '../engine/flowDocument.ts'

export interface Example {
  slug: string
  title: string
  teaches: string
  document: FlowDocument
}

interface ActionSpec {
  name: string
  code: string
  secrets?: Record<string, string>
  enabled?: boolean
}

const JSDOC = `/**
 * @param {Event} event - Details about the user and the context in which they are logging in.
 * @param {PostLoginAPI} api - Interface whose methods can be used to change the behavior of the login.
 */`

function slugify(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
}

function flow(name: string, actions: ActionSpec[], changeEvent: (event: Record<string, any>) => void = () => {}, extra: Partial<FlowDocument> = {}): FlowDocument {
  const event = createDefaultEvent() as Record<string, any>
  changeEvent(event)
  return {
    version: 1,
    trigger: 'post-login',
    name,
    actions: actions.map((action) => ({ id: slugify(action.name), name: action.name, code: action.code, enabled: action.enabled ?? true, secrets: action.secrets ?? {} })),
    event,
    mocks: { http: [] },
    ...extra,
  }
}

const denyEmailDomain: ActionSpec = {
  name: 'Deny example.com on My SPA',
  code: `${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  if (event.user.email && event.user.email.endsWith("@example.com") && event.client.name === "My SPA") {
    api.access.deny(\`Access to \${event.client.name} is not allowed.\`);
  }
};
`,
}

const weekdaysOnly: ActionSpec = {
  name: 'Weekdays only',
  code: `${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  if (event.client.name === "My SPA") {
    const d = new Date().getDay();
    if (d === 0 || d === 6) {
      api.access.deny("This app is only available during the week.");
    }
  }
};
`,
}

const denyApiAudience: ActionSpec = {
  name: 'Deny an API audience',
  code: `${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  // In Actions, an API will be referred to as a Resource Server.
  if (event.resource_server && event.resource_server.identifier === "https://api.example.com") {
    api.access.deny("end_users_not_allowed");
  }
};
`,
}

const rolesIntoTokens: ActionSpec = {
  name: 'Roles into tokens',
  code: `${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  const namespace = 'https://my-app.example.com';
  if (event.authorization) {
    api.idToken.setCustomClaim(\`\${namespace}/roles\`, event.authorization.roles);
    api.accessToken.setCustomClaim(\`\${namespace}/roles\`, event.authorization.roles);
  }
};
`,
}

const setUserMetadata: ActionSpec = {
  name: 'Set user metadata',
  code: `${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  api.user.setUserMetadata("favorite_color", "blue");
};
`,
}

const mfaForContinent: ActionSpec = {
  name: 'MFA for North America',
  code: `${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  // Require MFA for anyone logging in from North America.
  if (event.request.geoip.continentCode === "NA") {
    api.multifactor.enable("any");
  }
};
`,
}

const skipMfaAfterPasskey: ActionSpec = {
  name: 'Skip MFA after a passkey',
  code: `${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  // Check if a passkey was used to authenticate
  const skipMFA = event.authentication?.methods.some(
    (method) => method.name === "passkey"
  );
  // If a passkey was used skip MFA
  if (skipMFA) {
    api.multifactor.enable("none");
  }
};
`,
}

const favoriteColorRedirect: ActionSpec = {
  name: 'Ask for a favorite color',
  secrets: { MY_SHARED_SECRET: 'a-shared-secret-for-the-color-site' },
  code: `${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  // Skip the redirect if the user has already chosen a favorite color.
  if (event.user.user_metadata.favorite_color) {
    return;
  }
  const token = api.redirect.encodeToken({
    secret: event.secrets.MY_SHARED_SECRET,
    payload: {
      email: event.user.email,
    },
  });
  // Send the user to https://my-app.example.com along
  // with a \`session_token\` query string param.
  api.redirect.sendUserTo("https://my-app.example.com", {
    query: { session_token: token }
  });
};

${JSDOC}
exports.onContinuePostLogin = async (event, api) => {
  // Once the /continue endpoint has been called, unpack the signed token
  // and store the favorite color as user metadata.
  const payload = api.redirect.validateToken({
    secret: event.secrets.MY_SHARED_SECRET,
  });
  api.user.setUserMetadata("favorite_color", payload.favorite_color);
};
`,
}

const addScopeForAudience: ActionSpec = {
  name: 'Add a scope for an audience',
  code: `${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  if (event?.resource_server?.identifier === 'https://api.example.com') {
    api.accessToken.addScope("read:xyz");
  }
};
`,
}

const downtimeRedirect: ActionSpec = {
  name: 'Downtime page',
  code: `// Login flow
exports.onExecutePostLogin = async (event, api) => {
  api.redirect.sendUserTo("https://status.example.com/downtime");
};
`,
}

const lazyMigration: ActionSpec = {
  name: 'Fetch legacy metadata',
  secrets: { LEGACY_API_SECRET: 'legacy-api-token' },
  code: `const axios = require('axios');

exports.onExecutePostLogin = async (event, api) => {
  // 1. Check if the LEGACY_METADATA is already present
  // If it exists, exit early.
  if (event.user.app_metadata && event.user.app_metadata.LEGACY_METADATA) {
    return;
  }
  // 2. If missing, fetch the data from the legacy system
  try {
    const response = await axios.get('https://legacy.example.com/legacy-users', {
      params: { email: event.user.email },
      headers: { 'Authorization': \`Bearer \${event.secrets.LEGACY_API_SECRET}\` }
    });
    const LEGACY_INFO = response.data.sub;
    // 3. Set the missing metadata on the Auth0 profile
    if (LEGACY_INFO) {
      api.user.setAppMetadata('LEGACY_METADATA', LEGACY_INFO);
    }
  } catch (error) {
    console.error('Failed to fetch LEGACY_INFO from legacy system:', error.message);
  }
};
`,
}

const auditLog: ActionSpec = {
  name: 'Record the login',
  code: `${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  console.log(\`login #\${event.stats.logins_count} for \${event.user.email}\`);
  api.user.setAppMetadata("last_login_app", event.client.name);
};
`,
}

const throwingAction: ActionSpec = {
  name: 'Read a missing field',
  code: `${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  const preferences = event.user.user_metadata.preferences;
  api.idToken.setCustomClaim("https://my-app.example.com/color", preferences.favorite_color);
};
`,
}

const endlessLoop: ActionSpec = {
  name: 'Endless loop',
  code: `${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  let attempts = 0;
  while (true) {
    attempts++;
  }
};
`,
}

const planClaims: ActionSpec = {
  name: 'Plan into tokens',
  code: `${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  // Sees the metadata queued by the actions before it.
  api.idToken.setCustomClaim("https://my-app.example.com/plan", event.user.app_metadata.plan);
  api.user.setAppMetadata("plan_checked_at", new Date().toISOString());
};
`,
}

const newUserOnly = (event: Record<string, any>) => {
  event.user.user_metadata = {}
}

export const EXAMPLES: Example[] = [
  { slug: 'deny-email-domain', title: 'Deny by email domain and app', teaches: 'api.access.deny stops the login and sends the reason to the app as error_description.', document: flow('Deny by email domain and app', [denyEmailDomain]) },
  { slug: 'weekdays-only', title: 'Weekdays only', teaches: 'Actions can gate on time; fix the clock to try a Saturday.', document: flow('Weekdays only', [weekdaysOnly]) },
  { slug: 'deny-api-audience', title: 'Deny an API audience', teaches: 'event.resource_server is set when the app asks for an audience.', document: flow('Deny an API audience', [denyApiAudience]) },
  { slug: 'roles-into-tokens', title: 'Roles into both tokens', teaches: 'Namespaced custom claims appear in the ID token and the access token.', document: flow('Roles into both tokens', [rolesIntoTokens]) },
  { slug: 'set-user-metadata', title: 'Set user metadata', teaches: 'Metadata changes are written in one profile update after the last action.', document: flow('Set user metadata', [setUserMetadata]) },
  { slug: 'mfa-for-continent', title: 'MFA for one continent', teaches: 'api.multifactor.enable is deferred to the end of the flow.', document: flow('MFA for one continent', [mfaForContinent]) },
  {
    slug: 'skip-mfa-after-passkey', title: 'Skip MFA after a passkey', teaches: 'A later action can switch MFA off again with "none".',
    document: flow('Skip MFA after a passkey', [mfaForContinent, skipMfaAfterPasskey], (event) => { event.authentication.methods = [{ name: 'passkey', timestamp: '2026-05-01T12:00:00.000Z' }] }),
  },
  { slug: 'favorite-color-redirect', title: 'Favorite color redirect', teaches: 'sendUserTo suspends the flow; /continue resumes it in onContinuePostLogin of the same action.', document: flow('Favorite color redirect', [favoriteColorRedirect, auditLog], newUserOnly) },
  { slug: 'add-scope-for-audience', title: 'Add a scope for an audience', teaches: "addScope changes the access token's scope claim.", document: flow('Add a scope for an audience', [addScopeForAudience]) },
  { slug: 'downtime-redirect', title: 'Downtime page', teaches: 'A redirect without onContinuePostLogin cannot finish the login.', document: flow('Downtime page', [downtimeRedirect]) },
  {
    slug: 'lazy-migration', title: 'Lazy migration: fetch legacy metadata', teaches: "require('axios') answers from the flow's HTTP mocks.",
    document: flow('Lazy migration: fetch legacy metadata', [lazyMigration, planClaims], () => {}, {
      mocks: { http: [{ method: 'GET', url: 'https://legacy.example.com/legacy-users', status: 200, body: { sub: 'legacy|4242', plan: 'gold' }, headers: {} }] },
    }),
  },
  { slug: 'deny-skips-later-actions', title: 'A deny skips later actions', teaches: 'After a deny, later actions do not run but metadata already queued is written.', document: flow('A deny skips later actions', [auditLog, denyEmailDomain, rolesIntoTokens]) },
  { slug: 'metadata-batched', title: 'Metadata from two actions, one write', teaches: 'setAppMetadata calls from several actions become a single profile update.', document: flow('Metadata from two actions, one write', [auditLog, planClaims]) },
  { slug: 'roles-after-redirect', title: 'Roles added after a redirect', teaches: 'Actions after the redirecting one run after /continue and can still add claims.', document: flow('Roles added after a redirect', [favoriteColorRedirect, rolesIntoTokens], newUserOnly) },
  { slug: 'throw-fails-login', title: 'An error fails the login', teaches: 'An uncaught error fails the login with access_denied and the error message.', document: flow('An error fails the login', [throwingAction, rolesIntoTokens]) },
  { slug: 'endless-loop', title: 'An endless loop hits the time limit', teaches: 'A flow has 20 seconds; past that Auth0 fails the login.', document: flow('An endless loop hits the time limit', [endlessLoop]) },
]

export function findExample(slug: string): Example | undefined {
  return EXAMPLES.find((example) => example.slug === slug)
}
