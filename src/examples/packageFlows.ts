/**
 * Example flows whose actions use npm packages (`dependencies` of the action, loaded by the engine's CommonJS
 * loader): what teams require most in post-login Actions. The CLI reads the packages from this project's
 * node_modules (they are devDependencies), the browser from the curated offline set; the versions are the
 * installed ones, as Auth0 records an exact version per dependency.
 */
import type { ManagementApiMocks } from '../engine/flowDocument.ts'
import type { HttpMock } from '../engine/flowDocument.ts'
import { JSDOC, type ActionSpec } from './actionSpec.ts'

type EventChange = (event: Record<string, any>) => void

const dependency = (name: string, version: string) => ({ name, version })
const JSONWEBTOKEN = dependency('jsonwebtoken', '9.0.3')
const JWKS_RSA = dependency('jwks-rsa', '4.1.0')
const AUTH0 = dependency('auth0', '7.1.0')
const IPADDR = dependency('ipaddr.js', '2.5.0')
const XMLDOM = dependency('@xmldom/xmldom', '0.9.12')
const XPATH = dependency('xpath', '0.0.34')
const DEBUG = dependency('debug', '4.4.3')

/** The tenant's own domain: the Management API (and its stand-in) lives there. */
const TENANT_DOMAIN = 'acme-dev.us.auth0.com'
const MANAGEMENT_SECRETS = { CLIENT_ID: 'Mgmt4hT8kQ1wE6rY3uI9oP2aS5dF7gH0', CLIENT_SECRET: 'mgmt-client-secret-7f3a' }

// ---- 1. A partner's JWT, verified against the partner's JWKS (jsonwebtoken + jwks-rsa) --------------------

export const PARTNER_ISSUER = 'https://login.northwind.example/'
export const PARTNER_JWKS_URL = `${PARTNER_ISSUER}.well-known/jwks.json`

/**
 * The partner's signing key, made once for this example with Node:
 *   const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' })
 *   publicKey.export({ format: 'jwk' })  // plus kid, use and alg below
 *   jwt.sign({ sub: 'nw-customer-8841', email: 'j+smith@example.com', partner_tier: 'gold', iat: 1777636800, exp: 2093256000 },
 *     privateKey, { algorithm: 'ES256', keyid: 'northwind-2026-05', issuer: PARTNER_ISSUER, audience: 'https://acme-dev.us.auth0.com/' })
 * The private key was thrown away: only the public JWK (in the JWKS mock) and the signed token (in the event) remain.
 * The token was issued on 2026-05-01 and expires on 2036-05-01.
 */
export const PARTNER_JWK = {
  kty: 'EC',
  crv: 'P-256',
  x: 'M5nnes863IAQS07HWdA-Y9B1jDq95ahaEOygSQorw4o',
  y: 't_ldjIF4pkAgYfAlV68FA-648LqcTQZC5DWgylmiH6s',
  kid: 'northwind-2026-05',
  use: 'sig',
  alg: 'ES256',
}
export const PARTNER_JWT = 'eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6Im5vcnRod2luZC0yMDI2LTA1In0.eyJzdWIiOiJudy1jdXN0b21lci04ODQxIiwiZW1haWwiOiJqK3NtaXRoQGV4YW1wbGUuY29tIiwicGFydG5lcl90aWVyIjoiZ29sZCIsImlhdCI6MTc3NzYzNjgwMCwiZXhwIjoyMDkzMjU2MDAwLCJhdWQiOiJodHRwczovL2FjbWUtZGV2LnVzLmF1dGgwLmNvbS8iLCJpc3MiOiJodHRwczovL2xvZ2luLm5vcnRod2luZC5leGFtcGxlLyJ9.ptRYxY8G78OKN697IpiyKZuQKo-fftkX4Cg2GGUGmMJjs3LMk3Z3W9j_kwAbxellZowedFuvRvAXykUlAeM5uQ'

export const PARTNER_JWKS_MOCK: HttpMock = {
  method: 'GET', url: PARTNER_JWKS_URL, status: 200,
  headers: { 'content-type': 'application/json', 'cache-control': 'public, max-age=3600' },
  body: { keys: [PARTNER_JWK] },
}

export const verifyPartnerJwt: ActionSpec = {
  name: 'Verify the partner JWT with its JWKS',
  dependencies: [JSONWEBTOKEN, JWKS_RSA],
  code: `const jwt = require('jsonwebtoken');
const jwksRsa = require('jwks-rsa');

const PARTNER_ISSUER = '${PARTNER_ISSUER}';
const AUDIENCE = 'https://${TENANT_DOMAIN}/';

// Created once per container: its key cache serves the next logins without asking the partner again.
const partnerKeys = jwksRsa({
  jwksUri: \`\${PARTNER_ISSUER}.well-known/jwks.json\`,
  cache: true,
  cacheMaxAge: 60 * 60 * 1000,
  timeout: 5000,
});

/** The token's claims, once its signature (a key of the partner's JWKS, by kid), issuer, audience and expiry check out. */
function verifyPartnerToken(token) {
  const keyFor = (header, callback) => {
    partnerKeys.getSigningKey(header.kid)
      .then((key) => callback(null, key.getPublicKey()))
      .catch((error) => callback(error));
  };
  return new Promise((resolve, reject) => {
    jwt.verify(token, keyFor, { algorithms: ['ES256'], issuer: PARTNER_ISSUER, audience: AUDIENCE }, (error, claims) => {
      if (error) reject(error);
      else resolve(claims);
    });
  });
}

${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  const token = event.request.query.partner_token;
  if (!token) {
    return;
  }

  let claims;
  try {
    claims = await verifyPartnerToken(token);
  } catch (error) {
    console.warn(\`Refused a partner token: \${error.message}\`);
    api.access.deny('Your partner sign-in link is invalid or has expired.');
    return;
  }
  if (claims.email !== event.user.email) {
    console.warn(\`Refused a partner token for \${claims.sub}: it was issued for another email\`);
    api.access.deny('This partner sign-in link belongs to another account.');
    return;
  }

  api.idToken.setCustomClaim('https://example.com/partner', { id: 'northwind', customer: claims.sub, tier: claims.partner_tier });
  api.accessToken.setCustomClaim('https://example.com/partner_tier', claims.partner_tier);
};
`,
}

export const partnerLinkLogin: EventChange = (event) => {
  event.request.query.partner_token = PARTNER_JWT
}

// ---- 2. Account linking through the auth0 SDK's ManagementClient -----------------------------------------

export const linkWithManagementClient: ActionSpec = {
  name: 'Link accounts with the same email (auth0 SDK)',
  secrets: MANAGEMENT_SECRETS,
  dependencies: [AUTH0],
  code: `const { ManagementClient } = require('auth0');

${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  // Only a verified address may take over an account: anyone can sign up with someone else's email.
  if (!event.user.email || !event.user.email_verified || event.user.identities.length > 1) {
    return;
  }

  // The client gets (and keeps) a client-credentials token for the Management API itself.
  const management = new ManagementClient({
    domain: '${TENANT_DOMAIN}',
    clientId: event.secrets.CLIENT_ID,
    clientSecret: event.secrets.CLIENT_SECRET,
  });

  try {
    const sameEmail = await management.users.listUsersByEmail({ email: event.user.email });
    const existing = sameEmail.find((user) => user.user_id !== event.user.user_id && user.email_verified);
    if (!existing) {
      return;
    }
    // The older account stays the primary one; this login's identity becomes one of its identities.
    const identity = event.user.identities[0];
    await management.users.identities.link(existing.user_id, { provider: identity.provider, user_id: identity.user_id });
    api.authentication.setPrimaryUser(existing.user_id);
    console.log(\`Linked \${event.user.user_id} into \${existing.user_id}\`);
  } catch (error) {
    // Linking can wait for the next login: never block this one for it.
    console.error(\`Account linking failed: \${error.message}\`);
  }
};
`,
}

// ---- 3. A default role on the first login (ManagementClient) ---------------------------------------------

export const MEMBER_ROLE_ID = 'rol_Mb3rQ8vT2kL6yW1x'
export const ROLE_DIRECTORY: ManagementApiMocks = {
  roles: [
    { id: MEMBER_ROLE_ID, name: 'member', description: 'Every signed-up user' },
    { id: 'rol_Ad9nF4cJ7pZ0sE5u', name: 'admin', description: 'Tenant administrators' },
  ],
}

export const assignDefaultRole: ActionSpec = {
  name: 'Assign the member role on the first login',
  secrets: MANAGEMENT_SECRETS,
  dependencies: [AUTH0],
  code: `const { ManagementClient } = require('auth0');

const DEFAULT_ROLE = 'member';
const NAMESPACE = 'https://example.com';

${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  const roles = (event.authorization && event.authorization.roles) || [];
  if (event.stats.logins_count !== 1 || roles.length > 0) {
    return;
  }

  const management = new ManagementClient({
    domain: '${TENANT_DOMAIN}',
    clientId: event.secrets.CLIENT_ID,
    clientSecret: event.secrets.CLIENT_SECRET,
  });

  try {
    const page = await management.roles.list({ name_filter: DEFAULT_ROLE });
    const role = page.data.find((candidate) => candidate.name === DEFAULT_ROLE);
    if (!role) {
      console.warn(\`The tenant has no "\${DEFAULT_ROLE}" role: nothing assigned\`);
      return;
    }
    await management.users.roles.assign(event.user.user_id, { roles: [role.id] });
    // This login's event.authorization.roles was read before the assignment: put the role in the tokens now.
    api.idToken.setCustomClaim(\`\${NAMESPACE}/roles\`, [DEFAULT_ROLE]);
    api.accessToken.setCustomClaim(\`\${NAMESPACE}/roles\`, [DEFAULT_ROLE]);
  } catch (error) {
    console.error(\`Could not assign the default role: \${error.message}\`);
  }
};
`,
}

export const newSignUp: EventChange = (event) => {
  event.stats.logins_count = 1
  event.user.created_at = '2026-11-23T11:59:00.000Z'
  event.user.app_metadata = {}
  event.user.user_metadata = {}
  event.authorization.roles = []
}

// ---- 4. The corporate network, with ipaddr.js ------------------------------------------------------------

export const corporateNetwork: ActionSpec = {
  name: 'Corporate network only for the back office',
  dependencies: [IPADDR],
  code: `const ipaddr = require('ipaddr.js');

// The office's public ranges, IPv4 and IPv6.
const CORPORATE_RANGES = ['198.51.100.0/24', '2001:db8:4a00::/40'].map((cidr) => ipaddr.parseCIDR(cidr));
const INTERNAL_APPS = ['Back office'];

function isCorporate(ip) {
  if (!ipaddr.isValid(ip)) {
    return false;
  }
  // process() turns an IPv4-mapped IPv6 address (::ffff:198.51.100.7) into the IPv4 one.
  const address = ipaddr.process(ip);
  return CORPORATE_RANGES.some(([range, bits]) => address.kind() === range.kind() && address.match(range, bits));
}

${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  const corporate = isCorporate(event.request.ip);
  if (!corporate && INTERNAL_APPS.includes(event.client.name)) {
    api.access.deny(\`\${event.client.name} is only available from the corporate network.\`);
    return;
  }
  // Other apps let the user in, and the API decides what an outside login may do.
  api.accessToken.setCustomClaim('https://example.com/network', corporate ? 'corporate' : 'external');
  if (!corporate) {
    api.idToken.setCustomClaim('https://example.com/outside_network', true);
  }
};
`,
}

// ---- 5. A legacy SOAP entitlement service (@xmldom/xmldom + xpath) ---------------------------------------

export const ENTITLEMENTS_URL = 'https://entitlements.legacy.example/EntitlementService.svc'

export const ENTITLEMENTS_MOCK: HttpMock = {
  method: 'POST', url: ENTITLEMENTS_URL, status: 200,
  headers: { 'content-type': 'text/xml; charset=utf-8' },
  body: `<?xml version="1.0" encoding="utf-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
  <soap:Body>
    <GetEntitlementsResponse xmlns="urn:acme:entitlements:v2">
      <EmployeeId>E-20417</EmployeeId>
      <CostCenter>CC-4410</CostCenter>
      <Entitlements>
        <Entitlement><Code>expenses.submit</Code><Active>true</Active></Entitlement>
        <Entitlement><Code>expenses.approve</Code><Active>true</Active></Entitlement>
        <Entitlement><Code>payroll.view</Code><Active>false</Active></Entitlement>
      </Entitlements>
    </GetEntitlementsResponse>
  </soap:Body>
</soap:Envelope>
`,
}

export const soapEntitlements: ActionSpec = {
  name: 'Entitlements from the legacy SOAP service',
  secrets: { SERVICE_USER: 'auth0-actions', SERVICE_PASSWORD: 'legacy-soap-password-2c81' },
  dependencies: [XMLDOM, XPATH],
  code: `const { DOMParser } = require('@xmldom/xmldom');
const xpath = require('xpath');

const SERVICE_URL = '${ENTITLEMENTS_URL}';
const select = xpath.useNamespaces({
  soap: 'http://schemas.xmlsoap.org/soap/envelope/',
  ent: 'urn:acme:entitlements:v2',
});

const escapeXml = (text) => String(text).replace(/[<>&'"]/g, (c) => \`&#\${c.charCodeAt(0)};\`);

function getEntitlementsRequest(employeeId) {
  return \`<?xml version="1.0" encoding="utf-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
  <soap:Body>
    <GetEntitlements xmlns="urn:acme:entitlements:v2"><EmployeeId>\${escapeXml(employeeId)}</EmployeeId></GetEntitlements>
  </soap:Body>
</soap:Envelope>\`;
}

${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  const employeeId = event.user.app_metadata.employee_id;
  if (!employeeId) {
    return;
  }

  const credentials = Buffer.from(\`\${event.secrets.SERVICE_USER}:\${event.secrets.SERVICE_PASSWORD}\`).toString('base64');
  const response = await fetch(SERVICE_URL, {
    method: 'POST',
    headers: {
      'content-type': 'text/xml; charset=utf-8',
      soapaction: '"urn:acme:entitlements:v2/GetEntitlements"',
      authorization: \`Basic \${credentials}\`,
    },
    body: getEntitlementsRequest(employeeId),
  });
  const document = new DOMParser().parseFromString(await response.text(), 'text/xml');

  const fault = select('string(/soap:Envelope/soap:Body/soap:Fault/faultstring)', document);
  if (!response.ok || fault) {
    // Without entitlements the apps would show nothing: better to say so at the login.
    console.error(\`The entitlement service answered \${response.status}: \${fault || 'no SOAP fault'}\`);
    api.access.deny('Your entitlements could not be checked. Try again in a few minutes.');
    return;
  }

  const active = select('//ent:Entitlement[ent:Active = "true"]/ent:Code/text()', document).map((node) => node.nodeValue);
  const costCenter = select('string(//ent:GetEntitlementsResponse/ent:CostCenter)', document);
  api.idToken.setCustomClaim('https://example.com/entitlements', active);
  api.accessToken.setCustomClaim('https://example.com/entitlements', active);
  api.accessToken.setCustomClaim('https://example.com/cost_center', costCenter);
};
`,
}

export const employeeLogin: EventChange = (event) => {
  event.user.app_metadata = { employee_id: 'E-20417' }
}

// ---- 6. Debug logging with debug ------------------------------------------------------------------------

export const debugLogging: ActionSpec = {
  name: 'Risk checks with debug logging',
  dependencies: [DEBUG],
  code: `const debug = require('debug');

// Actions have no DEBUG environment variable: choose the namespaces in code. login:trace stays off.
debug.enable('login:*,-login:trace');
const log = debug('login:risk');
const trace = debug('login:trace');

${JSDOC}
exports.onExecutePostLogin = async (event, api) => {
  log('%s signs in to %s from %s (%s)', event.user.user_id, event.client.name, event.request.ip, event.request.geoip.countryCode);
  trace('the whole event: %O', event);

  const usual = (event.user.app_metadata.usual_countries || []);
  const country = event.request.geoip.countryCode;
  if (usual.length > 0 && !usual.includes(country)) {
    log('country %s is new for this user (usual: %o): MFA', country, usual);
    api.multifactor.enable('any');
  } else {
    log('nothing unusual');
  }
};
`,
}
