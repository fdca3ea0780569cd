import type { TriggerDefinition } from '../../engine/trigger.ts'

/**
 * What makes `event` and `api` typed in any action, with or without Auth0's JSDoc header: action models
 * are TypeScript to the language service, where `exports.onExecutePostLogin = async (event, api) => …`
 * takes its parameter types (the trigger's `Event` and `API`) from a declared `exports` (in JavaScript,
 * `exports` is the module itself and its parameters stay `any`). `require` of each declared module returns
 * that module's types.
 */
export function actionModuleTypes(runtimeTypes: string, handlers: TriggerDefinition['handlers']): string {
  const modules = [...runtimeTypes.matchAll(/^declare module '([^']+)'/gm)].map((match) => match[1])
  return [
    ...modules.map((name) => `declare function require(id: '${name}'): typeof import('${name}')`),
    'declare function require(id: string): any',
    'interface ActionExports {',
    ...[handlers.execute, handlers.continue].filter(Boolean).map((name) => `  ${name}?(event: Event, api: API): Promise<void> | void`),
    '  [name: string]: any',
    '}',
    'declare var exports: ActionExports',
    'declare var module: { exports: ActionExports }',
    '',
  ].join('\n')
}

/** The compiler options of action models: each file its own module, nothing checked (problems come from `findProblems`). */
export const ACTION_COMPILER_OPTIONS = {
  target: 9, // ES2022: Monaco's copy of the enum stops at ES2020
  lib: ['es2022'], // no `dom`: `Event` must be the trigger's event
  module: 1, // CommonJS
  moduleDetection: 3, // force: one action's top-level names never show up in another's completions
  allowNonTsExtensions: true,
}
