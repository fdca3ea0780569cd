/**
 * Node's `process` as action code sees it: no environment variables, a fixed platform and version, and
 * none of the ways out of an action (exit, signals, native code, Node's own modules): those throw and say why.
 */
import { PLAYGROUND_MODULES } from './registry.ts'

const REFUSED: Record<string, string> = {
  exit: 'an action ends when its handler returns or throws',
  reallyExit: 'an action ends when its handler returns or throws',
  abort: 'an action ends when its handler returns or throws',
  kill: 'actions cannot signal processes',
  getBuiltinModule: `actions require() the modules the playground provides (${PLAYGROUND_MODULES.join(', ')})`,
  binding: 'actions cannot reach Node\'s internals',
  _linkedBinding: 'actions cannot reach Node\'s internals',
  dlopen: 'actions cannot load native code',
}

export function createProcess(): Record<string, unknown> {
  const process: Record<string, unknown> = {
    env: {}, platform: 'linux', version: 'v22.12.0', versions: { node: '22.12.0' }, cwd: () => '/',
    nextTick: (callback: (...args: unknown[]) => void, ...args: unknown[]) => queueMicrotask(() => callback(...args)),
  }
  for (const [name, why] of Object.entries(REFUSED)) {
    process[name] = () => { throw new Error(`process.${name}() is not available in the Actions Playground: ${why}.`) }
  }
  return process
}
