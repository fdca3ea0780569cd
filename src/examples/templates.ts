/**
 * Action templates for the palette: every Login-trigger example of Auth0's documentation and a few more,
 * each with what it teaches. The example flows are built from the same actions.
 */
import type { FlowAction, HttpMock } from '../engine/flowDocument.ts'
import { JSDOC, type ActionSpec } from './actionSpec.ts'
import { actionFromSpec, type ActionTemplate } from '../triggers/content.ts'

export { actionFromSpec }
import * as team from './teamFlows.ts'

export { JSDOC, type ActionSpec }

export const denyEmailDomain: ActionSpec = {
  name: 'Deny example.com on My SPA',
  code: `${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  if (event.user.email && event.user.email.endsWith("@example.com") && event.client.name === "My SPA") {
    api.access.deny(\`Access to \${event.client.name} is not allowed.\`);
  }
};
`,
}

export const weekdaysOnly: ActionSpec = {
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

export const denyApiAudience: ActionSpec = {
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

export const rolesIntoTokens: ActionSpec = {
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

export const setUserMetadata: ActionSpec = {
  name: 'Set user metadata',
  code: `${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  api.user.setUserMetadata("favorite_color", "blue");
};
`,
}

export const mfaForContinent: ActionSpec = {
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

export const skipMfaAfterPasskey: ActionSpec = {
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

export const favoriteColorRedirect: ActionSpec = {
  name: 'Ask for a favorite color',
  secrets: { MY_SHARED_SECRET: 'a-shared-secret-for-the-color-site' },
  code: `${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  // Skip the redirect if the user has already chosen a favorite color.
  if (event.user.user_metadata.favorite_color) {
    return;
  }
  // Count the prompts, so a later version can stop asking: queued now, written before the user leaves.
  api.user.setAppMetadata("color_prompts", (event.user.app_metadata.color_prompts ?? 0) + 1);
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

export const addScopeForAudience: ActionSpec = {
  name: 'Add a scope for an audience',
  code: `${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  if (event?.resource_server?.identifier === 'https://api.example.com') {
    api.accessToken.addScope("read:xyz");
  }
};
`,
}

export const downtimeRedirect: ActionSpec = {
  name: 'Downtime page',
  code: `// Login flow
exports.onExecutePostLogin = async (event, api) => {
  api.redirect.sendUserTo("https://status.example.com/downtime");
};
`,
}

export const lazyMigration: ActionSpec = {
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

export const auditLog: ActionSpec = {
  name: 'Record the login',
  code: `${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  console.log(\`login #\${event.stats.logins_count} for \${event.user.email}\`);
  api.user.setAppMetadata("last_login_app", event.client.name);
};
`,
}

export const throwingAction: ActionSpec = {
  name: 'Read a missing field',
  code: `${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  const preferences = event.user.user_metadata.preferences;
  api.idToken.setCustomClaim("https://my-app.example.com/color", preferences.favorite_color);
};
`,
}

export const endlessLoop: ActionSpec = {
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

export const planClaims: ActionSpec = {
  name: 'Plan into tokens',
  code: `${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  // Sees the metadata queued by the actions before it.
  api.idToken.setCustomClaim("https://my-app.example.com/plan", event.user.app_metadata.plan);
  api.user.setAppMetadata("plan_checked_at", new Date().toISOString());
};
`,
}


export type Template = ActionTemplate

export const BLANK_ACTION: ActionSpec = {
  name: 'New action',
  code: `/**
 * Handler that will be called during the execution of a PostLogin flow.
 *
 * @param {Event} event - Details about the user and the context in which they are logging in.
 * @param {PostLoginAPI} api - Interface whose methods can be used to change the behavior of the login.
 */
exports.onExecutePostLogin = async (event, api) => {
};

/**
 * Handler that will be invoked when this action is resuming after an external redirect. If your
 * onExecutePostLogin function does not perform a redirect, this function can be safely ignored.
 *
 * @param {Event} event - Details about the user and the context in which they are logging in.
 * @param {PostLoginAPI} api - Interface whose methods can be used to change the behavior of the login.
 */
// exports.onContinuePostLogin = async (event, api) => {
// };
`,
}

export const LEGACY_MOCK: HttpMock = { method: 'GET', url: 'https://legacy.example.com/legacy-users', status: 200, body: { sub: 'legacy|4242', plan: 'gold' }, headers: {} }

export const TEMPLATES: Template[] = [
  { ...denyEmailDomain, slug: 'deny-email-domain', teaches: 'Deny by email domain and app: api.access.deny sends the reason as error_description.' },
  { ...weekdaysOnly, slug: 'weekdays-only', teaches: 'Allow an app only on weekdays: gate on the clock.' },
  { ...denyApiAudience, slug: 'deny-api-audience', teaches: 'Deny an API audience: event.resource_server is set when an audience is requested.' },
  { ...rolesIntoTokens, slug: 'roles-into-tokens', teaches: 'Add roles to both tokens as namespaced custom claims.' },
  { ...setUserMetadata, slug: 'set-user-metadata', teaches: 'Set user metadata: written in one profile update at the end.' },
  { ...mfaForContinent, slug: 'mfa-for-continent', teaches: 'Require MFA for one continent: deferred to the end of the flow.' },
  { ...skipMfaAfterPasskey, slug: 'skip-mfa-after-passkey', teaches: 'Skip MFA after a passkey login with multifactor.enable("none").' },
  { ...favoriteColorRedirect, slug: 'favorite-color-redirect', teaches: 'Redirect for a favorite color, resume in onContinuePostLogin.' },
  { ...addScopeForAudience, slug: 'add-scope-for-audience', teaches: "Add a scope for one audience: changes the access token's scope." },
  { ...downtimeRedirect, slug: 'downtime-redirect', teaches: 'Send everyone to a downtime page after login.' },
  { ...lazyMigration, slug: 'lazy-migration', teaches: "Lazy migration: fetch legacy metadata with axios, answered by an HTTP mock.", mocks: [LEGACY_MOCK] },
  { ...auditLog, slug: 'record-the-login', teaches: 'Log the login and store the app in app_metadata.' },
  { ...planClaims, slug: 'plan-into-tokens', teaches: 'Read metadata queued by an earlier action and add it as a claim.' },
  { ...throwingAction, slug: 'read-a-missing-field', teaches: 'An uncaught error fails the login with its message.' },
  // From the team flows (teamFlows.ts): the ones that stand on their own.
  { ...team.blockCountries, slug: 'block-countries', teaches: 'Deny logins from some countries with event.request.geoip.' },
  { ...team.requireVerifiedEmail, slug: 'require-verified-email', teaches: 'Deny database logins with an unverified email; let social logins through.' },
  { ...team.adminStepUpMfa, slug: 'admin-step-up-mfa', teaches: 'Challenge admins with MFA on one app, unless the session already has it.' },
  { ...team.adaptiveMfa, slug: 'adaptive-mfa', teaches: 'Require MFA when the risk assessment is not confident.' },
  { ...team.scopesFromRoles, slug: 'scopes-from-roles', teaches: 'Add access-token scopes for one API from the user\'s roles.' },
  { ...team.organizationSessionPolicy, slug: 'organization-session-policy', teaches: 'Session idle timeout and cookie mode from organization metadata.' },
  { ...team.termsConsentForm, slug: 'terms-consent-form', teaches: 'Render a form for the terms of service; store the consent in onContinuePostLogin.' },
  { ...team.progressiveProfiling, slug: 'progressive-profiling', teaches: 'Redirect from the third login to collect profile fields, not for silent logins.' },
  { ...team.samlAttributes, slug: 'saml-attributes', teaches: 'Add SAML attributes from roles and app_metadata on SAML logins.' },
  { ...team.crmEnrichment, slug: 'crm-enrichment', teaches: 'Claims from a CRM with fetch, its token cached in api.cache.', mocks: team.CRM_MOCKS },
  { ...team.notifySlackOfNewUsers, slug: 'notify-slack-of-new-users', teaches: 'Post to a Slack webhook on a first login, never blocking it.', mocks: [team.SLACK_MOCK] },
]

/** A new flow action from a template, with an id not used in the flow yet. */
/** Actions made from specs, with ids unique within the list. */
export function actionsFromSpecs(specs: ActionSpec[]): FlowAction[] {
  const actions: FlowAction[] = []
  for (const spec of specs) actions.push(actionFromSpec(spec, actions.map((action) => action.id)))
  return actions
}
