/**
 * Action templates of the credentials-exchange trigger for the palette: the examples of Auth0's "Credentials Exchange"
 * trigger page (deny by continent, a claim with the request's IP) and a few common M2M patterns.
 */
import type { HttpMock } from '../../engine/flowDocument.ts'
import type { ActionSpec, ActionTemplate } from '../content.ts'

/** The JSDoc Auth0's editor puts above the handler: it types `event` and `api` in the playground's editor too. */
export const JSDOC = `/**
 * @param {Event} event - Details about client credentials grant request.
 * @param {CredentialsExchangeAPI} api - Interface whose methods can be used to change the behavior of client credentials grant.
 */`

export const BLANK_ACTION: ActionSpec = {
  name: 'New action',
  code: `/**
 * Handler that will be called during the execution of a Client Credentials exchange.
 *
 * @param {Event} event - Details about client credentials grant request.
 * @param {CredentialsExchangeAPI} api - Interface whose methods can be used to change the behavior of client credentials grant.
 */
exports.onExecuteCredentialsExchange = async (event, api) => {
};
`,
}

export const denyUntrustedClient: ActionSpec = {
  name: 'Deny untrusted clients',
  code: `${JSDOC}
exports.onExecuteCredentialsExchange = async (event, api) => {
  // The application's metadata (Dashboard > Applications > Advanced settings) marks the clients we trust.
  if (event.client.metadata.trusted !== "true") {
    api.access.deny("invalid_request", \`\${event.client.name} may not get tokens for \${event.resource_server.identifier}.\`);
  }
};
`,
}

export const claimsFromClientMetadata: ActionSpec = {
  name: 'Claims from client metadata',
  code: `${JSDOC}
exports.onExecuteCredentialsExchange = async (event, api) => {
  const namespace = "https://api.example.com";
  const { partner_id, tier } = event.client.metadata;
  if (partner_id) api.accessToken.setCustomClaim(\`\${namespace}/partner_id\`, partner_id);
  api.accessToken.setCustomClaim(\`\${namespace}/tier\`, tier || "standard");
};
`,
}

export const requestIpClaim: ActionSpec = {
  name: 'Request IP claim',
  code: `${JSDOC}
exports.onExecuteCredentialsExchange = async (event, api) => {
  api.accessToken.setCustomClaim("https://my-api.exampleco.com/request-ip", event.request.ip);
};
`,
}

export const denyNorthAmerica: ActionSpec = {
  name: 'Deny North America',
  code: `${JSDOC}
exports.onExecuteCredentialsExchange = async (event, api) => {
  if (event.request.geoip.continentCode === "NA") {
    api.access.deny("invalid_request", "Access from North America is not allowed.");
  }
};
`,
}

export const restrictScopesAndAudience: ActionSpec = {
  name: 'Known APIs, write scopes for trusted clients',
  code: `${JSDOC}
exports.onExecuteCredentialsExchange = async (event, api) => {
  const knownApis = ["https://api.example.com"];
  if (!knownApis.includes(event.resource_server.identifier)) {
    return api.access.deny("invalid_request", \`Unknown API: \${event.resource_server.identifier}\`);
  }
  const writes = event.transaction.requested_scopes.filter((scope) => /^(write|delete):/.test(scope));
  if (writes.length && event.client.metadata.trusted !== "true") {
    api.access.deny("invalid_scope", \`Only trusted clients may ask for \${writes.join(", ")}.\`);
  }
};
`,
}

export const ENTITLEMENTS_URL = 'https://entitlements.example.com/clients'

export const cachedEntitlements: ActionSpec = {
  name: 'Cached entitlements',
  code: `${JSDOC}
exports.onExecuteCredentialsExchange = async (event, api) => {
  const key = \`entitlements:\${event.client.client_id}\`;
  const cached = api.cache.get(key);
  let entitlements;
  if (cached) {
    entitlements = JSON.parse(cached.value);
  } else {
    const response = await fetch(\`${ENTITLEMENTS_URL}/\${event.client.client_id}\`, {
      headers: { authorization: \`Bearer \${event.secrets.ENTITLEMENTS_API_KEY}\` },
    });
    if (!response.ok) {
      return api.access.deny("server_error", "The entitlements service is unavailable.");
    }
    entitlements = await response.json();
    api.cache.set(key, JSON.stringify(entitlements), { ttl: 10 * 60 * 1000 });
  }
  api.accessToken.setCustomClaim("https://api.example.com/entitlements", entitlements.features);
};
`,
  secrets: { ENTITLEMENTS_API_KEY: 'ent_test_4f9c2e7a1b' },
}

/** The entitlements service's answer for the default event's client. */
export const ENTITLEMENTS_MOCK: HttpMock = {
  method: 'GET', url: `${ENTITLEMENTS_URL}/Zq4Lr8XkD2mWb7NcV1sHtY5pJ0aFeG3u`, status: 200, body: { features: ['reports', 'exports'] }, headers: {},
}

export const TEMPLATES: ActionTemplate[] = [
  { ...denyUntrustedClient, slug: 'deny-untrusted-client', teaches: 'Deny a client by its metadata: api.access.deny(code, reason) sends code as error and reason as error_description.' },
  { ...claimsFromClientMetadata, slug: 'claims-from-client-metadata', teaches: 'Add namespaced custom claims to the M2M access token from the application\'s metadata.' },
  { ...restrictScopesAndAudience, slug: 'restrict-scopes-and-audience', teaches: 'Allow only known APIs (invalid_request) and write scopes only for trusted clients (invalid_scope).' },
  { ...denyNorthAmerica, slug: 'deny-north-america', teaches: 'Auth0\'s example: deny token requests from one continent with event.request.geoip.' },
  { ...requestIpClaim, slug: 'request-ip-claim', teaches: 'Auth0\'s example: put the request\'s IP address into a custom claim.' },
  { ...cachedEntitlements, slug: 'cached-entitlements', teaches: 'Fetch entitlements once (answered by an HTTP mock), keep them in api.cache, put them into a claim.', mocks: [ENTITLEMENTS_MOCK] },
]
