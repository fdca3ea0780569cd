/** The palette's pre-user-registration actions: a blank one and templates from the signup use cases of Auth0's documentation. */
import type { HttpMock } from '../../engine/flowDocument.ts'
import type { ActionSpec, ActionTemplate, TriggerTemplates } from '../content.ts'

/** The JSDoc Auth0's editor puts above a pre-user-registration handler: it types `event` and `api` in the playground's editor too. */
export const JSDOC = `/**
 * Handler that will be called during the execution of a PreUserRegistration flow.
 *
 * @param {Event} event - Details about the context and user that is attempting to register.
 * @param {PreUserRegistrationAPI} api - Interface whose methods can be used to change the behavior of the signup.
 */`

export const BLANK_ACTION: ActionSpec = {
  name: 'My signup action',
  code: `${JSDOC}
exports.onExecutePreUserRegistration = async (event, api) => {
};
`,
}

export const denyDisposableEmail: ActionSpec = {
  name: 'Deny disposable email domains',
  code: `${JSDOC}
const DISPOSABLE_DOMAINS = ["mailinator.com", "guerrillamail.com", "10minutemail.com", "yopmail.com", "sharklasers.com"];

exports.onExecutePreUserRegistration = async (event, api) => {
  const domain = (event.user.email || "").split("@")[1]?.toLowerCase();
  if (domain && DISPOSABLE_DOMAINS.includes(domain)) {
    // The reason goes to the tenant logs; the user message is shown on the signup page.
    api.access.deny(\`disposable_email_domain: \${domain}\`, "Please sign up with a permanent email address.");
  }
};
`,
}

export const defaultMetadata: ActionSpec = {
  name: 'Set a default plan',
  code: `${JSDOC}
exports.onExecutePreUserRegistration = async (event, api) => {
  // Written once, when the user is created after the last action.
  api.user.setAppMetadata("plan", "free");
  api.user.setAppMetadata("signup_client", event.client ? event.client.name : "Authentication API");
  api.user.setUserMetadata("locale", event.transaction ? event.transaction.locale : event.request.language || "en");
};
`,
}

export const validateSignupField: ActionSpec = {
  name: 'Require a first name',
  code: `${JSDOC}
exports.onExecutePreUserRegistration = async (event, api) => {
  // A custom field of the signup prompt (Signup Prompt Customization) arrives in the request body.
  const firstName = (event.request.body["ulp-first-name"] || "").trim();
  if (!firstName) {
    api.validation.error("invalid_payload", "Missing first name");
    return;
  }
  api.user.setUserMetadata("first_name", firstName);
};
`,
}

export const denyByCountry: ActionSpec = {
  name: 'Deny signups from some countries',
  code: `${JSDOC}
const BLOCKED_COUNTRIES = ["KP", "IR", "SY", "CU"];
const MESSAGES = {
  en: "Sign-up is not available in your country.",
  ko: "귀하의 국가에서는 가입할 수 없습니다.",
  es: "El registro no está disponible en tu país.",
};

exports.onExecutePreUserRegistration = async (event, api) => {
  const country = event.request.geoip.countryCode;
  if (country && BLOCKED_COUNTRIES.includes(country)) {
    const language = (event.request.language || "en").slice(0, 2);
    api.access.deny(\`signup_blocked_country: \${country}\`, MESSAGES[language] || MESSAGES.en);
  }
};
`,
}

export const INVITES_URL = 'https://invites.acme.example/api/invites'

export const checkInviteList: ActionSpec = {
  name: 'Sign up by invitation only',
  secrets: { INVITES_API_KEY: 'inv_test_6Yt2Qm9Kx4' },
  code: `${JSDOC}
exports.onExecutePreUserRegistration = async (event, api) => {
  const email = (event.user.email || "").toLowerCase();
  const response = await fetch(\`${INVITES_URL}?email=\${encodeURIComponent(email)}\`, {
    headers: { authorization: \`Bearer \${event.secrets.INVITES_API_KEY}\` },
  });
  if (response.status === 404) {
    api.access.deny("not_invited", "Sign-up is by invitation only. Ask your administrator for an invite.");
    return;
  }
  if (!response.ok) throw new Error(\`The invitation service answered \${response.status}\`);
  const invite = await response.json();
  api.user.setAppMetadata("invited_by", invite.invited_by);
  api.user.setAppMetadata("team", invite.team);
};
`,
}

/** The invitation service: jane.doe@example.org is invited; anyone else is not. */
export const INVITE_MOCKS: HttpMock[] = [
  { method: 'GET', url: `${INVITES_URL}?email=jane.doe%40example.org`, status: 200, body: { email: 'jane.doe@example.org', invited_by: 'admin@acme.example', team: 'design' }, headers: {} },
  { method: 'GET', url: `${INVITES_URL}*`, status: 404, body: { error: 'not_found' }, headers: {} },
]

export const TEMPLATES: ActionTemplate[] = [
  { ...denyDisposableEmail, slug: 'deny-disposable-email', teaches: 'api.access.deny(reason, userMessage): the reason goes to the logs, the message to the signup page; no user is created.' },
  { ...defaultMetadata, slug: 'default-plan', teaches: 'api.user.setAppMetadata/setUserMetadata: the user is created with this metadata after the last action.' },
  { ...validateSignupField, slug: 'require-first-name', teaches: 'A custom signup field arrives in event.request.body; api.validation.error rejects the signup with a message.' },
  { ...denyByCountry, slug: 'deny-by-country', teaches: 'Deny signups by event.request.geoip, with a message in the user\'s language.' },
  { ...checkInviteList, slug: 'invite-only', teaches: 'Check an invitation service with fetch (answered by HTTP mocks) and keep who invited the user in app_metadata.', mocks: INVITE_MOCKS },
]

export const PRE_USER_REGISTRATION_TEMPLATES: TriggerTemplates = { BLANK_ACTION, TEMPLATES }
