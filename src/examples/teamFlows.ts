/**
 * Multi-action Login flows in the style teams deploy: guard clauses, secrets from `event.secrets`,
 * namespaced claims under https://example.com, and HTTP failures handled. Each flow's actions, the event
 * changes that make its story, and its HTTP mocks live here; `catalog.ts` lists the flows and
 * `teamFlows.test.ts` checks what each one does.
 */
import type { HttpMock, ManagementApiMocks } from '../engine/flowDocument.ts'
import { JSDOC, type ActionSpec } from './actionSpec.ts'

type EventChange = (event: Record<string, any>) => void

const NAMESPACE = 'https://example.com'
const ALSO_ON_CONTINUE = JSDOC.replace('/**', '/**\n * Runs when the login resumes, once the user is back.\n *')

// ---- 1. Lazy migration with a flag --------------------------------------------------------------------

export const LEGACY_API_TOKEN = 'legacy-service-token-7f3a'

export const checkLegacyStore: ActionSpec = {
  name: 'Check the legacy user store',
  secrets: { LEGACY_API_TOKEN },
  code: `const axios = require('axios');

${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  // One lookup per user, ever: the flag is set whether or not the legacy store knew the user.
  if (event.user.app_metadata.migrated !== undefined || !event.user.email) {
    return;
  }

  let legacyUser;
  try {
    const response = await axios.get('https://legacy.example.com/api/users', {
      params: { email: event.user.email },
      headers: { Authorization: \`Bearer \${event.secrets.LEGACY_API_TOKEN}\` },
      timeout: 5000,
    });
    legacyUser = response.data;
  } catch (error) {
    if (error.response && error.response.status === 404) {
      // Signed up after the migration started: nothing to bring over.
      api.user.setAppMetadata('migrated', false);
      return;
    }
    // The legacy service is down: log in anyway, and look again at the next login.
    console.error(\`Legacy lookup failed: \${error.message}\`);
    return;
  }

  api.user.setAppMetadata('migrated', true);
  api.user.setAppMetadata('legacy_id', legacyUser.id);
  api.user.setAppMetadata('legacy_plan', legacyUser.plan);
  api.idToken.setCustomClaim('${NAMESPACE}/legacy_id', legacyUser.id);
};
`,
}

export const migrationClaims: ActionSpec = {
  name: 'Plan and migration status into tokens',
  code: `${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  // Sees the app_metadata queued by the previous action: it is written once, after the last action.
  const { migrated, legacy_plan: legacyPlan, plan } = event.user.app_metadata;
  api.idToken.setCustomClaim('${NAMESPACE}/migrated', migrated === true);
  api.accessToken.setCustomClaim('${NAMESPACE}/plan', legacyPlan || plan || 'free');
};
`,
}

export const LEGACY_USER_MOCK: HttpMock = {
  method: 'GET', url: 'https://legacy.example.com/api/users', status: 200,
  body: { id: 'legacy-4242', email: 'j+smith@example.com', plan: 'enterprise' }, headers: {},
}

// ---- 2. Step-up MFA for an admin app --------------------------------------------------------------------

export const ADMIN_DASHBOARD_CLIENT_ID = 'GiZiP68CrmpumPw5SvhFGB343g340XIJ'

export const adminStepUpMfa: ActionSpec = {
  name: 'Require MFA for admins on the dashboard',
  code: `const ADMIN_DASHBOARD_CLIENT_ID = '${ADMIN_DASHBOARD_CLIENT_ID}';

${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  if (event.client.client_id !== ADMIN_DASHBOARD_CLIENT_ID) {
    return;
  }
  const roles = event.authorization?.roles ?? [];
  if (!roles.includes('admin')) {
    return;
  }
  // Already stepped up in this session (e.g. single sign-on after an MFA login): nothing to ask.
  const methods = event.authentication?.methods ?? [];
  if (methods.some((method) => method.name === 'mfa')) {
    return;
  }
  // The flow pauses after this action; factors the user has not enrolled are not offered.
  api.authentication.challengeWith({ type: 'otp' }, {
    additionalFactors: [{ type: 'push-notification' }, { type: 'webauthn-roaming' }],
  });
};
`,
}

export const adminClaims: ActionSpec = {
  name: 'Roles and MFA factor into tokens',
  code: `${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  const roles = event.authorization?.roles ?? [];
  api.idToken.setCustomClaim('${NAMESPACE}/roles', roles);
  api.accessToken.setCustomClaim('${NAMESPACE}/roles', roles);
  // After a challenge, event.authentication.methods has the completed factor; admin APIs check it.
  const mfa = (event.authentication?.methods ?? []).find((method) => method.name === 'mfa');
  if (mfa) {
    api.accessToken.setCustomClaim('${NAMESPACE}/mfa_factor', mfa.type ?? 'unknown');
  }
};
`,
}

export const adminDashboardLogin: EventChange = (event) => {
  event.client = { client_id: ADMIN_DASHBOARD_CLIENT_ID, name: 'Admin Dashboard', metadata: {} }
  event.request.query.client_id = ADMIN_DASHBOARD_CLIENT_ID
  event.request.query.redirect_uri = 'https://admin.example.com/callback'
  event.transaction.redirect_uri = 'https://admin.example.com/callback'
}

// ---- 3. SAML attribute mapping --------------------------------------------------------------------------

export const EXPENSE_PORTAL_CLIENT_ID = 'zd3TV2jswNHo1u6OoW1HD2lqu9FZoNq4'
const EXPENSE_PORTAL_ACS = 'https://expenses.example.com/saml/acs'

export const samlAttributes: ActionSpec = {
  name: 'Map the profile to SAML attributes',
  code: `${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  // Only a SAML login gets an assertion; OIDC logins get tokens instead.
  if (event.transaction?.protocol !== 'samlp') {
    return;
  }
  const { department, cost_center: costCenter } = event.user.app_metadata;
  const roles = event.authorization?.roles ?? [];
  api.samlResponse.setAttribute('http://schemas.xmlsoap.org/claims/Group', roles);
  if (department) {
    api.samlResponse.setAttribute('https://expenses.example.com/claims/department', department);
  }
  if (costCenter) {
    api.samlResponse.setAttribute('https://expenses.example.com/claims/cost_center', costCenter);
  }
};
`,
}

export const samlSettings: ActionSpec = {
  name: 'Expense portal SAML settings',
  code: `const EXPENSE_PORTAL_CLIENT_ID = '${EXPENSE_PORTAL_CLIENT_ID}';
const ACS_URL = '${EXPENSE_PORTAL_ACS}';

${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  if (event.transaction?.protocol !== 'samlp') {
    return;
  }
  if (event.client.client_id !== EXPENSE_PORTAL_CLIENT_ID) {
    return;
  }
  api.samlResponse.setAudience('urn:expenses.example.com:sp');
  api.samlResponse.setRecipient(ACS_URL);
  api.samlResponse.setDestination(ACS_URL);
  // The portal keys its accounts on a stable id (the NameID is the user id), not on the email.
  api.samlResponse.setNameIdentifierFormat('urn:oasis:names:tc:SAML:2.0:nameid-format:persistent');
  api.samlResponse.setLifetimeInSeconds(300);
  api.samlResponse.setSignResponse(true);
};
`,
}

/** An SP-initiated SAML login: `/samlp/<client_id>?SAMLRequest=…` (a deflated, base64 AuthnRequest). */
export const samlLoginToExpensePortal: EventChange = (event) => {
  event.client = { client_id: EXPENSE_PORTAL_CLIENT_ID, name: 'Expense Portal', metadata: {} }
  event.request.query = {
    SAMLRequest: 'fZBPS8QwEMW/Spj7Nml09zA0haKXwnrZVQ9eJGZHttD8MZNIP750RVhBvL1hHvOb9zq2fk441HIOB/qoxEUsfg6Ml4WBmgNGyxNjsJ4Yi8Pj8LBH3ShMOZbo4gxivDfwats37W5Ot7R934F4psxTDAZ0o0CMzJXGwMWGYkArvduo7Ua1j61GpVCpFxADM+UyxXAXA1dP+Uj5c3L0dNgbOJeSGKWkJVFg4oYW69NMjYterr9K6xj6bpV4oeWrIP/nsD9g6FfbXwjk1Mmr2/339Lu5/gs=',
    RelayState: '/reports',
  }
  event.transaction = {
    id: event.transaction.id, protocol: 'samlp', requested_scopes: [], acr_values: [], prompt: [],
    redirect_uri: EXPENSE_PORTAL_ACS, locale: 'en', ui_locales: [], metadata: {},
  }
  delete event.resource_server
  event.user.app_metadata = { plan: 'gold', department: 'Finance', cost_center: 'CC-4410' }
}

// ---- 4. Partner JWT verification ------------------------------------------------------------------------

/*
 * The partner's P-256 key pair was made once with node:crypto, and its private key thrown away:
 *   const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
 *   header = { alg: 'ES256', typ: 'JWT', kid: 'northwind-2026-05' }, payload as PARTNER_TOKEN shows it
 *   input = `${b64url(JSON header)}.${b64url(JSON payload)}`
 *   signature = sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' })
 *   PARTNER_TOKEN = `${input}.${signature.toString('base64url')}` (a JWS signature is r‖s, not DER)
 *   PARTNER_PUBLIC_KEY = publicKey.export({ type: 'spki', format: 'pem' })
 * Its payload: iss https://partners.northwind.example, aud https://acme-dev.us.auth0.com/ (the tenant),
 * sub nw-customer-8841, partner_id northwind, partner_tier gold, iat 2026-05-01T12:00Z, exp 2036-05-01T12:00Z:
 * it expires in 2036 so the example keeps working; fix the clock past that to see it refused.
 */
export const PARTNER_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEr/MHLSu7qZiYg9pFtNzMAWzSxK1T
+/6La4OjFbFIu1AGRnBvmBAnVMuaQxCKYpDFl65kgE1Kiiw56wjXpx+KrQ==
-----END PUBLIC KEY-----
`

export const PARTNER_TOKEN = 'eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6Im5vcnRod2luZC0yMDI2LTA1In0.' +
  'eyJpc3MiOiJodHRwczovL3BhcnRuZXJzLm5vcnRod2luZC5leGFtcGxlIiwiYXVkIjoiaHR0cHM6Ly9hY21lLWRldi51cy5hdXRoMC5jb20vIiwic3ViIjoibnctY3VzdG9tZXItODg0MSIsInBhcnRuZXJfaWQiOiJub3J0aHdpbmQiLCJwYXJ0bmVyX3RpZXIiOiJnb2xkIiwiaWF0IjoxNzc3NjM2ODAwLCJleHAiOjIwOTMyNTYwMDB9.' +
  'LTU0TmBpjTZ4KHCN1Qh1Sx1yx6pzcg_XQVRHQ5zbB-UtzXONPlaButgBLm8XH1BRCKs-GEWjI4Ca4Mn_9ft8uA'

export const verifyPartnerToken: ActionSpec = {
  name: 'Verify the partner token',
  secrets: { PARTNER_PUBLIC_KEY },
  code: `const PARTNER_ISSUER = 'https://partners.northwind.example';
const CLOCK_SKEW_SECONDS = 60;

/** One part of a JWT, base64url-encoded JSON. */
function decodePart(part) {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
}

/** The token's claims, or why it is refused. */
function verifyPartnerToken(token, publicKey, audience, now) {
  const parts = token.split('.');
  if (parts.length !== 3) {
    return { error: 'not a JWT' };
  }
  const [encodedHeader, encodedPayload, encodedSignature] = parts;
  let header;
  let claims;
  try {
    header = decodePart(encodedHeader);
    claims = decodePart(encodedPayload);
  } catch (error) {
    return { error: 'not a JWT' };
  }
  // The algorithm is ours to choose, never the token's ("none", HS256 with the public key, ...).
  if (header.alg !== 'ES256') {
    return { error: \`unexpected algorithm \${header.alg}\` };
  }
  let valid;
  try {
    const signedPart = Buffer.from(\`\${encodedHeader}.\${encodedPayload}\`);
    const signature = Buffer.from(encodedSignature, 'base64url');
    // A JWS signature is r‖s (IEEE P1363), not the DER that Node expects by default.
    valid = require('crypto').verify('sha256', signedPart, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature);
  } catch (error) {
    return { error: \`cannot verify: \${error.message}\` };
  }
  if (!valid) {
    return { error: 'invalid signature' };
  }
  if (claims.iss !== PARTNER_ISSUER || claims.aud !== audience) {
    return { error: 'wrong issuer or audience' };
  }
  if (typeof claims.exp !== 'number' || claims.exp + CLOCK_SKEW_SECONDS <= now) {
    return { error: 'expired' };
  }
  if (typeof claims.iat === 'number' && claims.iat - CLOCK_SKEW_SECONDS > now) {
    return { error: 'issued in the future' };
  }
  if (typeof claims.partner_id !== 'string' || !claims.partner_id) {
    return { error: 'no partner_id' };
  }
  return { claims };
}

${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  // The partner's site adds partner_token to the /authorize request; other logins have none.
  const token = event.request.query.partner_token;
  if (typeof token !== 'string' || !token) {
    return;
  }
  const audience = \`https://\${event.request.hostname}/\`;
  const now = Math.floor(Date.now() / 1000);
  const result = verifyPartnerToken(token, event.secrets.PARTNER_PUBLIC_KEY, audience, now);
  if (result.error) {
    console.warn(\`Refused a partner token: \${result.error}\`);
    api.access.deny('Your partner sign-in link is invalid or has expired.');
    return;
  }
  // Later actions read these from event.transaction.metadata; they are not stored on the user.
  api.transaction.setMetadata('partner_id', result.claims.partner_id);
  api.transaction.setMetadata('partner_tier', String(result.claims.partner_tier ?? 'standard'));
};
`,
}

export const partnerClaims: ActionSpec = {
  name: 'Partner claims and scope',
  code: `${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  const partnerId = event.transaction?.metadata.partner_id;
  if (!partnerId) {
    return;
  }
  const tier = event.transaction?.metadata.partner_tier;
  api.idToken.setCustomClaim('${NAMESPACE}/partner', { id: partnerId, tier });
  api.accessToken.setCustomClaim('${NAMESPACE}/partner_id', partnerId);
  if (event.resource_server?.identifier === 'https://api.example.com') {
    api.accessToken.addScope('read:partner-offers');
  }
};
`,
}

export const partnerLogin: EventChange = (event) => {
  event.request.query.partner_token = PARTNER_TOKEN
}

// ---- 5. Consent form ------------------------------------------------------------------------------------

export const TERMS_FORM_ID = 'ap_6HZk4qYtWJpT1ePnA9cR3m'

export const termsConsentForm: ActionSpec = {
  name: 'Ask for consent to the terms',
  code: `const TERMS_FORM_ID = '${TERMS_FORM_ID}';
const TERMS_VERSION = '2026-04';

/** A ticked checkbox: true, or "true" from a form that sends its fields as text. */
function isChecked(value) {
  return value === true || value === 'true';
}

${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  if (event.user.app_metadata.terms_version === TERMS_VERSION) {
    return;
  }
  // The form shows the terms, an "accept_terms" checkbox and the marketing opt-in; the flow waits.
  api.prompt.render(TERMS_FORM_ID, {
    fields: {
      accept_terms: false,
      marketing_emails: event.user.user_metadata.marketing_emails ?? false,
    },
    vars: {
      terms_version: TERMS_VERSION,
      terms_url: \`https://example.com/legal/terms/\${TERMS_VERSION}\`,
      previous_version: event.user.app_metadata.terms_version ?? null,
    },
  });
};

${ALSO_ON_CONTINUE}
exports.onContinuePostLogin = async (event, api) => {
  const fields = event.prompt?.fields ?? {};
  if (!isChecked(fields.accept_terms)) {
    api.access.deny('You need to accept the terms of service to use this application.');
    return;
  }
  // app_metadata, which users cannot edit, keeps the record of consent.
  api.user.setAppMetadata('terms_version', TERMS_VERSION);
  api.user.setAppMetadata('terms_accepted_at', new Date().toISOString());
  if (fields.marketing_emails !== undefined) {
    api.user.setUserMetadata('marketing_emails', isChecked(fields.marketing_emails));
  }
};
`,
}

export const termsClaim: ActionSpec = {
  name: 'Terms version into the ID token',
  code: `${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  // Runs after the form: sees the consent the previous action queued.
  const termsVersion = event.user.app_metadata.terms_version ?? null;
  api.idToken.setCustomClaim('${NAMESPACE}/terms_version', termsVersion);
};
`,
}

// ---- 6. Account linking by email ------------------------------------------------------------------------

export const LINKING_SECRET = 'shared-with-accounts.example.com'
export const GOOGLE_USER_ID = 'google-oauth2|109876543210987654321'
export const DATABASE_USER_ID = 'auth0|5f7c8ec7c33c6c004bbafe82'
const TENANT_DOMAIN = 'acme-dev.us.auth0.com'

export const linkByEmail: ActionSpec = {
  name: 'Offer to link accounts with the same email',
  // LINKING_SECRET first: the playground signs the linking page's answer with the first secret by default.
  secrets: { LINKING_SECRET, CLIENT_ID: 'Mgmt7pQ2rS9tU4vW1xY6zA3bC8dE5fG0', CLIENT_SECRET: 'mgmt-client-secret-9c2e' },
  code: `const axios = require('axios');

// The tenant's own domain, not a custom domain: the Management API lives there.
const DOMAIN = '${TENANT_DOMAIN}';
const TOKEN_CACHE_KEY = 'management-api-token';

/** A Management API token (client credentials), cached while an earlier login's token is valid. */
async function managementToken(event, api) {
  const cached = api.cache.get(TOKEN_CACHE_KEY);
  if (cached) {
    return cached.value;
  }
  const { data } = await axios.post(\`https://\${DOMAIN}/oauth/token\`, {
    grant_type: 'client_credentials',
    client_id: event.secrets.CLIENT_ID,
    client_secret: event.secrets.CLIENT_SECRET,
    audience: \`https://\${DOMAIN}/api/v2/\`,
  }, { timeout: 5000 });
  // A minute shorter than the token lives, so a cached token is never used as it expires.
  api.cache.set(TOKEN_CACHE_KEY, data.access_token, { ttl: (data.expires_in - 60) * 1000 });
  return data.access_token;
}

${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  // Only a verified address may claim an account: anyone can sign up with someone else's.
  if (!event.user.email || !event.user.email_verified) {
    return;
  }
  if (event.user.identities.length > 1 || event.user.app_metadata.linking_declined) {
    return;
  }

  let others;
  try {
    const token = await managementToken(event, api);
    const { data: users } = await axios.get(\`https://\${DOMAIN}/api/v2/users-by-email\`, {
      params: { email: event.user.email },
      headers: { Authorization: \`Bearer \${token}\` },
      timeout: 5000,
    });
    others = users.filter((user) => user.user_id !== event.user.user_id && user.email_verified);
  } catch (error) {
    // The Management API is down or rate-limited: log in without linking, do not lock the user out.
    console.error(\`Account lookup failed: \${error.message}\`);
    return;
  }
  if (others.length === 0) {
    return;
  }

  const sessionToken = api.redirect.encodeToken({
    secret: event.secrets.LINKING_SECRET,
    expiresInSeconds: 600,
    payload: { email: event.user.email, candidates: others.map((user) => user.user_id) },
  });
  api.redirect.sendUserTo('https://accounts.example.com/link', {
    query: { session_token: sessionToken },
  });
};

${ALSO_ON_CONTINUE}
exports.onContinuePostLogin = async (event, api) => {
  // The linking page has the user log in to the existing account, links the two with the
  // Management API, and posts a token signed with the same secret back to /continue.
  const answer = api.redirect.validateToken({ secret: event.secrets.LINKING_SECRET });
  if (answer.linked_to) {
    // This identity is now a secondary identity of that user: issue the tokens for that user.
    api.authentication.setPrimaryUser(answer.linked_to);
  } else {
    api.user.setAppMetadata('linking_declined', true);
  }
};
`,
}

export const identityProviderClaim: ActionSpec = {
  name: 'Sign-in provider into the ID token',
  code: `${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  api.idToken.setCustomClaim('${NAMESPACE}/idp', event.connection.strategy);
};
`,
}

/** A first login with Google by someone who already has a database account with the same email. */
export const googleLoginWithExistingAccount: EventChange = (event) => {
  event.connection = { id: 'con_G3qvHd2Lx0oWm9Pa', name: 'google-oauth2', strategy: 'google-oauth2', metadata: {} }
  const user = event.user
  user.user_id = GOOGLE_USER_ID
  user.identities = [{ connection: 'google-oauth2', provider: 'google-oauth2', isSocial: true, user_id: GOOGLE_USER_ID.split('|')[1], profileData: {} }]
  user.app_metadata = {}
  user.user_metadata = {}
  user.multifactor = []
  user.enrolledFactors = []
  for (const field of ['username', 'phone_number', 'phone_verified', 'last_password_reset']) delete user[field]
  event.stats.logins_count = 1
  event.authentication.methods = [{ name: 'federated', timestamp: '2026-05-01T12:00:00.000Z' }]
  event.authorization.roles = []
}

/**
 * The tenant's other users, for the Management API stand-in: the database account with the same email. The stand-in
 * answers the token and users-by-email requests from them and from the event's user.
 */
export const LINKING_DIRECTORY: ManagementApiMocks = {
  users: [
    {
      user_id: DATABASE_USER_ID, email: 'j+smith@example.com', email_verified: true, name: 'John Smith', nickname: 'j+smith',
      created_at: '2024-01-15T09:30:00.000Z', updated_at: '2026-05-01T12:00:00.000Z',
      identities: [{ connection: 'Username-Password-Authentication', provider: 'auth0', user_id: DATABASE_USER_ID.split('|')[1], isSocial: false }],
      app_metadata: { plan: 'gold' }, user_metadata: {},
    },
  ],
}

// ---- 7. CRM enrichment with a cached token --------------------------------------------------------------

export const crmEnrichment: ActionSpec = {
  name: 'Enrich tokens from the CRM',
  secrets: { CRM_CLIENT_ID: 'auth0-login-flow', CRM_CLIENT_SECRET: 'crm-client-secret-51d8' },
  code: `const CRM_URL = 'https://crm.example.com';
const TOKEN_CACHE_KEY = 'crm-access-token';

/** The CRM's access token, cached across logins until shortly before it expires. */
async function crmToken(event, api) {
  const cached = api.cache.get(TOKEN_CACHE_KEY);
  if (cached) {
    return cached.value;
  }
  const response = await fetch(\`\${CRM_URL}/oauth/token\`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      grant_type: 'client_credentials',
      client_id: event.secrets.CRM_CLIENT_ID,
      client_secret: event.secrets.CRM_CLIENT_SECRET,
      scope: 'contacts:read',
    }),
  });
  if (!response.ok) {
    throw new Error(\`the CRM token endpoint answered \${response.status}\`);
  }
  const { access_token: accessToken, expires_in: expiresIn } = await response.json();
  const ttl = Math.max(expiresIn - 60, 60) * 1000;
  const stored = api.cache.set(TOKEN_CACHE_KEY, accessToken, { ttl });
  if (stored.type === 'error') {
    console.warn(\`Could not cache the CRM token: \${stored.code}\`);
  }
  return accessToken;
}

${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  if (!event.user.email) {
    return;
  }
  let contact;
  try {
    const token = await crmToken(event, api);
    const email = encodeURIComponent(event.user.email);
    const response = await fetch(\`\${CRM_URL}/api/v2/contacts?email=\${email}\`, {
      headers: { authorization: \`Bearer \${token}\`, accept: 'application/json' },
    });
    if (response.status === 404) {
      return;
    }
    if (!response.ok) {
      throw new Error(\`the CRM answered \${response.status}\`);
    }
    contact = await response.json();
  } catch (error) {
    // Enrichment is a nice-to-have: log in without it rather than lock users out.
    console.error(\`CRM enrichment skipped: \${error.message}\`);
    return;
  }
  const customer = { account_id: contact.account_id, tier: contact.tier };
  api.idToken.setCustomClaim('${NAMESPACE}/customer', customer);
  api.accessToken.setCustomClaim('${NAMESPACE}/account_id', contact.account_id);
  // Only this login needs the status: transaction metadata, not the user profile.
  api.transaction.setMetadata('crm_status', contact.status);
  if (event.user.app_metadata.crm_contact_id !== contact.id) {
    api.user.setAppMetadata('crm_contact_id', contact.id);
  }
};
`,
}

export const blockClosedAccounts: ActionSpec = {
  name: 'Block closed CRM accounts',
  code: `${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  // Set by the CRM action earlier in this login.
  if (event.transaction?.metadata.crm_status === 'closed') {
    api.access.deny('Your account is closed. Contact support@example.com to reopen it.');
  }
};
`,
}

export const CRM_MOCKS: HttpMock[] = [
  {
    method: 'POST', url: 'https://crm.example.com/oauth/token', status: 200,
    body: { access_token: 'crm-at-3b9d1f', token_type: 'Bearer', expires_in: 3600 }, headers: {},
  },
  {
    method: 'GET', url: 'https://crm.example.com/api/v2/contacts', status: 200,
    body: { id: 'ct_80412', account_id: 'acct_1187', tier: 'enterprise', status: 'active', owner: 'dana@example.com' }, headers: {},
  },
]

// ---- 8. Block countries ---------------------------------------------------------------------------------

export const blockCountries: ActionSpec = {
  name: 'Block embargoed countries',
  code: `// ISO 3166-1 alpha-2 codes of the countries the service may not be offered in.
const BLOCKED_COUNTRIES = ['CU', 'IR', 'KP', 'SY'];

${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  const country = event.request.geoip.countryCode;
  if (!country) {
    // A private or unknown IP address: nothing to decide on.
    console.warn(\`No country for \${event.request.ip}\`);
    return;
  }
  if (BLOCKED_COUNTRIES.includes(country)) {
    api.access.deny('This service is not available in your region.');
  }
};
`,
}

export const countryClaim: ActionSpec = {
  name: 'Country into tokens',
  code: `${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  const { countryCode } = event.request.geoip;
  if (countryCode) {
    api.idToken.setCustomClaim('${NAMESPACE}/country', countryCode);
    api.accessToken.setCustomClaim('${NAMESPACE}/country', countryCode);
  }
};
`,
}

export const loginFromNorthKorea: EventChange = (event) => {
  event.request.ip = '175.45.176.12'
  event.request.geoip = { continentCode: 'AS', countryCode: 'KP', countryCode3: 'PRK', countryName: 'North Korea', cityName: 'Pyongyang', timeZone: 'Asia/Pyongyang' }
}

// ---- 9. Require a verified email ------------------------------------------------------------------------

export const requireVerifiedEmail: ActionSpec = {
  name: 'Require a verified email (database logins)',
  code: `${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  if (event.user.email_verified) {
    return;
  }
  // Social providers vouch for their users and some never send email_verified: let them through.
  const identity = event.user.identities.find((item) => item.connection === event.connection.name);
  if (identity && identity.isSocial) {
    return;
  }
  api.access.deny('Please verify your email address with the link we sent you, then log in again.');
};
`,
}

export const unverifiedDatabaseUser: EventChange = (event) => {
  event.user.email_verified = false
}

export const unverifiedGithubUser: EventChange = (event) => {
  event.connection = { id: 'con_Gh7x2PqL9mZ4tR1k', name: 'github', strategy: 'github', metadata: {} }
  event.user.user_id = 'github|4812907'
  event.user.email_verified = false
  event.user.identities = [{ connection: 'github', provider: 'github', isSocial: true, user_id: '4812907', profileData: {} }]
  event.authentication.methods = [{ name: 'federated', timestamp: '2026-05-01T12:00:00.000Z' }]
}

// ---- 10. Progressive profiling --------------------------------------------------------------------------

export const PROFILE_SITE_SECRET = 'shared-with-profile.example.com'

export const progressiveProfiling: ActionSpec = {
  name: 'Ask for company and job title',
  secrets: { PROFILE_SITE_SECRET },
  code: `const PROFILE_URL = 'https://profile.example.com/complete';
// The first logins stay friction-free; ask from the third one.
const ASK_FROM_LOGIN = 3;

${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  const { company, job_title: jobTitle } = event.user.user_metadata;
  if ((company && jobTitle) || event.stats.logins_count < ASK_FROM_LOGIN) {
    return;
  }
  // Silent authentication (prompt=none) cannot show a page; a redirect would fail the login.
  if (event.request.query.prompt === 'none') {
    return;
  }
  const missing = [];
  if (!company) missing.push('company');
  if (!jobTitle) missing.push('job_title');
  const sessionToken = api.redirect.encodeToken({
    secret: event.secrets.PROFILE_SITE_SECRET,
    expiresInSeconds: 600,
    payload: { email: event.user.email, missing },
  });
  api.redirect.sendUserTo(PROFILE_URL, { query: { session_token: sessionToken } });
};

${ALSO_ON_CONTINUE}
exports.onContinuePostLogin = async (event, api) => {
  // The profile page posts the answers back to /continue in a token signed with the shared secret.
  const answers = api.redirect.validateToken({ secret: event.secrets.PROFILE_SITE_SECRET });
  if (typeof answers.company === 'string' && answers.company) {
    api.user.setUserMetadata('company', answers.company);
  }
  if (typeof answers.job_title === 'string' && answers.job_title) {
    api.user.setUserMetadata('job_title', answers.job_title);
  }
};
`,
}

export const profileClaims: ActionSpec = {
  name: 'Company and job title into the ID token',
  code: `${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  const { company, job_title: jobTitle } = event.user.user_metadata;
  if (company) {
    api.idToken.setCustomClaim('${NAMESPACE}/company', company);
  }
  if (jobTitle) {
    api.idToken.setCustomClaim('${NAMESPACE}/job_title', jobTitle);
  }
};
`,
}

export const silentLogin: EventChange = (event) => {
  event.request.query.prompt = 'none'
  event.transaction.prompt = ['none']
}

// ---- 11. Organization roles, scopes and session policy --------------------------------------------------

export const organizationClaims: ActionSpec = {
  name: 'Organization and roles into tokens',
  code: `${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  if (!event.organization) {
    return;
  }
  // Auth0 adds org_id to the tokens itself; org_name and roles are restricted: namespace them.
  const roles = event.authorization?.roles ?? [];
  api.idToken.setCustomClaim('${NAMESPACE}/org_name', event.organization.name);
  api.idToken.setCustomClaim('${NAMESPACE}/roles', roles);
  api.accessToken.setCustomClaim('${NAMESPACE}/roles', roles);
};
`,
}

export const scopesFromRoles: ActionSpec = {
  name: 'API scopes from roles',
  code: `const API_AUDIENCE = 'https://api.example.com';
/** @type {Record<string, string[]>} */
const SCOPES_BY_ROLE = {
  admin: ['org:manage', 'users:invite'],
  editor: ['content:write'],
  viewer: ['content:read'],
};

${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  // Scopes belong to one API: never add them to a token for another audience.
  if (event.resource_server?.identifier !== API_AUDIENCE) {
    return;
  }
  const roles = event.authorization?.roles ?? [];
  const scopes = new Set(roles.flatMap((role) => SCOPES_BY_ROLE[role] ?? []));
  for (const scope of scopes) {
    api.accessToken.addScope(scope);
  }
};
`,
}

export const organizationSessionPolicy: ActionSpec = {
  name: 'Session policy from the organization',
  code: `${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  // Organization metadata values are strings, set by the organization's admins.
  const metadata = event.organization?.metadata ?? {};
  const idleMinutes = Number(metadata.idle_timeout_minutes);
  if (idleMinutes > 0 && event.session) {
    api.session.setIdleExpiresAt(Date.now() + idleMinutes * 60 * 1000);
  }
  if (metadata.shared_devices === 'true' && event.session) {
    // Kiosks and shared desktops: the session ends when the browser closes.
    api.session.setCookieMode('non-persistent');
  }
};
`,
}

export const organizationWithPolicy: EventChange = (event) => {
  event.organization.metadata = { idle_timeout_minutes: '30', shared_devices: 'true' }
}

// ---- 12. Risk-based MFA ---------------------------------------------------------------------------------

export const denyListedIp: ActionSpec = {
  name: 'Deny logins from deny-listed IPs',
  code: `${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  const untrustedIp = event.authentication?.riskAssessment?.assessments?.UntrustedIP;
  if (untrustedIp && untrustedIp.code === 'found_on_deny_list') {
    const source = untrustedIp.details?.source ?? 'unknown';
    console.warn(\`Denied \${event.request.ip}: on the \${source} deny list\`);
    api.access.deny('This login was blocked for security reasons. Please contact support.');
  }
};
`,
}

export const adaptiveMfa: ActionSpec = {
  name: 'MFA when the risk assessment is not confident',
  code: `${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  const risk = event.authentication?.riskAssessment;
  // "low" confidence: the login looks unlike the user's usual ones (new device, impossible travel).
  if (!risk || !['low', 'medium'].includes(risk.confidence)) {
    return;
  }
  // Only users with an authenticator can be challenged: enrolling one now could help an attacker.
  if (!event.user.multifactor || event.user.multifactor.length === 0) {
    console.warn(\`Risky login (\${risk.confidence}) by a user without MFA: \${event.user.user_id}\`);
    return;
  }
  // Deferred: the challenge comes after the last action of the flow.
  api.multifactor.enable('any', { allowRememberBrowser: false });
};
`,
}

export const riskClaim: ActionSpec = {
  name: 'Risk confidence into the access token',
  code: `${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  // APIs can refuse sensitive operations to tokens from logins Auth0 was not confident about.
  const confidence = event.authentication?.riskAssessment?.confidence;
  if (confidence) {
    api.accessToken.setCustomClaim('${NAMESPACE}/risk_confidence', confidence);
  }
};
`,
}

/** A login from a device Auth0 has not seen for this user (Adaptive MFA's NewDevice assessment). */
export const loginFromNewDevice: EventChange = (event) => {
  event.authentication.riskAssessment = {
    confidence: 'low',
    version: '1',
    assessments: {
      NewDevice: { confidence: 'low', code: 'no_match', details: { device: 'unknown', useragent: 'unknown' } },
      ImpossibleTravel: { confidence: 'high', code: 'minimal_travel_from_last_login' },
      UntrustedIP: { confidence: 'high', code: 'not_found_on_deny_list' },
    },
  }
}

// ---- 13. First-login webhook ----------------------------------------------------------------------------

export const SLACK_WEBHOOK_URL = 'https://hooks.slack.com/services/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'

export const notifySlackOfNewUsers: ActionSpec = {
  name: 'Tell Slack about new users',
  secrets: { SLACK_WEBHOOK_URL },
  code: `${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  // logins_count includes this login: 1 is the first login, right after signing up.
  if (event.stats.logins_count !== 1) {
    return;
  }
  const who = event.user.email ?? event.user.user_id;
  try {
    const response = await fetch(event.secrets.SLACK_WEBHOOK_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        text: \`New user \${who} signed up with \${event.connection.name} on \${event.client.name}\`,
      }),
    });
    if (!response.ok) {
      console.error(\`Slack answered \${response.status}: \${await response.text()}\`);
    }
  } catch (error) {
    // A notification must never block a login.
    console.error(\`Slack notification failed: \${error.message}\`);
  }
};
`,
}

export const startOnboarding: ActionSpec = {
  name: 'Start onboarding for new users',
  code: `${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  if (event.stats.logins_count !== 1) {
    return;
  }
  const startedAt = new Date().toISOString();
  api.user.setAppMetadata('onboarding', { status: 'pending', started_at: startedAt });
  // The app shows its welcome tour when the ID token says so.
  api.idToken.setCustomClaim('${NAMESPACE}/new_user', true);
};
`,
}

/** Matches any webhook, so the mock (which share links carry) does not give the secret webhook URL away. */
export const SLACK_MOCK: HttpMock = { method: 'POST', url: 'https://hooks.slack.com/services/*', status: 200, body: 'ok', headers: {} }

export const firstLogin: EventChange = (event) => {
  event.stats.logins_count = 1
  event.user.created_at = '2026-05-01T11:58:00.000Z'
  event.user.app_metadata = {}
  event.user.user_metadata = {}
}
