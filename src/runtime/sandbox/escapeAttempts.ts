/**
 * For the tests: actions that try to get the host's powers, each with the error it must fail with. An
 * attempt that finds nothing throws what it found, so that every attempt fails the flow with its message.
 * Run in-process (layer 1 alone), through the runner (both layers) and through the CLI.
 */
import { createDefaultEvent } from '../../triggers/post-login/defaultEvent.ts'
import type { FlowDocument } from '../../engine/flowDocument.ts'

/** The tests put this in their own environment; no action may read it. */
export const PARENT_SECRET = { name: 'SECRET_FOR_TEST', value: 'ci-secret-7f3a' }

const handler = (body: string) => `exports.onExecutePostLogin = async (event, api) => {\n${body}\n}`

/** Tries `constructor.constructor('return process')()` on each value; throws if one reaches a `process`. */
const REACH_PROCESS = `
const reach = (values) => {
  let tried = 0
  for (const value of values) {
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null) continue
    tried++
    let found
    try { found = value.constructor.constructor('return process')() } catch {}
    if (found && typeof found === 'object') throw new Error('ESCAPED: reached a process with ' + Object.keys(found.env || {}).length + ' environment variables')
  }
  return tried
}`

export const ESCAPE_ATTEMPTS: { name: string; code: string; error: RegExp }[] = [
  {
    name: 'process.env',
    code: handler(`throw new Error('env: ' + JSON.stringify({ env: process.env, globalProcess: typeof globalThis.process }))`),
    error: /^env: \{"env":\{\},"globalProcess":"undefined"\}$/,
  },
  ...['fs', 'child_process', 'http', 'net'].map((module) => ({
    name: `process.getBuiltinModule('${module}')`,
    code: handler(`(globalThis.process ?? process).getBuiltinModule('${module}')`),
    error: /^process\.getBuiltinModule\(\) is not available in the Actions Playground: actions require\(\) the modules the playground provides/,
  })),
  {
    name: "import('node:fs')",
    code: handler(`await import('node:fs')`),
    error: /^import\("node:fs"\) is not available in the Actions Playground: action code reaches the modules the playground provides with require\(\)\.$/,
  },
  // Packages may require fs and child_process as they load; what they do with them fails.
  {
    name: "require('fs').readFileSync",
    code: handler(`require('fs').readFileSync('/etc/passwd', 'utf8')`),
    error: /^fs\.readFileSync\(\) is not available in the Actions Playground: actions have no file system/,
  },
  {
    name: "require('node:child_process').execSync",
    code: handler(`require('node:child_process').execSync('id')`),
    error: /^child_process\.execSync\(\) is not available in the Actions Playground: actions cannot start processes\.$/,
  },
  {
    name: 'process.kill(process.pid)',
    code: handler(`process.kill(process.pid)`),
    error: /^process\.kill\(\) is not available in the Actions Playground: actions cannot signal processes\.$/,
  },
  {
    name: 'process.exit(1)',
    code: handler(`process.exit(1)`),
    error: /^process\.exit\(\) is not available in the Actions Playground: an action ends when its handler returns or throws\.$/,
  },
  {
    name: "api.constructor.constructor('return process')()",
    code: handler(`api.constructor.constructor('return process')()`),
    error: /^process is not defined$/,
  },
  {
    name: 'event.constructor.constructor',
    code: handler(`event.constructor.constructor('return process')()`),
    error: /^process is not defined$/,
  },
  {
    name: 'the global object, the module and the import() promise',
    code: handler(`${REACH_PROCESS}
const pending = import('node:fs'); pending.catch(() => {})
throw new Error('tried ' + reach([globalThis, Object.getPrototypeOf(globalThis), this, module, require, console, pending]) + ', none reached a process')`),
    error: /^tried 7, none reached a process$/,
  },
  {
    name: "a host error's constructor, and a host promise's",
    code: handler(`${REACH_PROCESS}
const errors = []
try { new URL('not a url') } catch (error) { errors.push(error) }
try { await crypto.subtle.digest('NOPE', new Uint8Array(1)) } catch (error) { errors.push(error) }
try { await fetch('https://unmocked.example.com/') } catch (error) { errors.push(error) }
const promises = [crypto.subtle.digest('SHA-256', new Uint8Array(1)), fetch('https://unmocked.example.com/').catch(() => {})]
throw new Error('tried ' + reach([...errors, ...promises, await promises[0]]) + ', none reached a process')`),
    error: /^tried 6, none reached a process$/,
  },
  {
    name: 'Error.prepareStackTrace and CallSite getFunction()/getThis()',
    code: handler(`${REACH_PROCESS}
const found = []
Error.prepareStackTrace = (error, sites) => {
  for (const site of sites) found.push(site.getFunction(), site.getThis())
  return 'collected'
}
const collect = () => new Error().stack
collect()
await new Promise((resolve) => setTimeout(() => { collect(); resolve() }, 1))
await crypto.subtle.digest('SHA-256', new Uint8Array(1)).then(collect)
await new Promise((resolve) => queueMicrotask(() => { collect(); resolve() }))
api.idToken.setCustomClaim('https://example.com/probe', { get value() { collect(); return 1 } })
Error.prepareStackTrace = undefined
throw new Error('tried ' + (reach(found) > 0 ? 'the call sites' : 'nothing') + ', none reached a process')`),
    error: /^tried the call sites, none reached a process$/,
  },
  {
    name: "Error.prepareStackTrace left unset, for the host's to format the context's errors",
    code: handler(`${REACH_PROCESS}
const callers = []
const error = new Error('probe')
Object.defineProperty(error, 'name', { get: function name() { callers.push(name.caller); return 'Error' } })
Error.prepareStackTrace = undefined
error.stack
reach(callers)
throw new Error('tried ' + callers.length + ' caller, none reached a process')`),
    error: /^tried 1 caller, none reached a process$/,
  },
  {
    name: 'a stack overflow inside a call to the host',
    code: handler(`${REACH_PROCESS}
const errors = new Set()
const dive = () => {
  try { dive() } catch (error) { errors.add(error.constructor) }
  try { new URL('https://example.com/') } catch (error) { errors.add(error.constructor) }
}
dive()
throw new Error('tried ' + (reach([...errors]) > 0 ? 'the errors' : 'nothing') + ', none reached a process')`),
    error: /^tried the errors, none reached a process$/,
  },
  {
    name: "a secret in the parent's environment",
    code: handler(`${REACH_PROCESS}
const routes = [
  () => process.env.${PARENT_SECRET.name},
  () => globalThis.process?.env?.${PARENT_SECRET.name},
  () => Function('return typeof process === "object" ? process.env.${PARENT_SECRET.name} : undefined')(),
  () => Function('return this')().process.env.${PARENT_SECRET.name},
]
const found = routes.map((route) => { try { return route() } catch { return undefined } }).filter(Boolean)
throw new Error('secret: ' + (found.join(', ') || 'not found'))`),
    error: /^secret: not found$/,
  },
]

export function escapeFlow(attempt: { name: string; code: string }): FlowDocument {
  return {
    version: 1,
    trigger: 'post-login',
    name: attempt.name,
    actions: [{ id: 'escape', name: 'Escape attempt', code: attempt.code, enabled: true, secrets: {} }],
    event: createDefaultEvent(),
    mocks: { http: [] },
  }
}
