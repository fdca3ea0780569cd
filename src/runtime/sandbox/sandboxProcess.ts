/**
 * Layer 2 of the CLI's sandbox (see `sandboxHost.ts`): the child process `../nodeRunner.ts` starts, built
 * into `dist-node/sandbox-process.mjs`. It locks itself down, then serves the runner's requests over IPC,
 * each in a fresh context of layer 1. The path of the context bundle is its one argument.
 */
import { readFileSync } from 'node:fs'
import { WORKER_READY, type SandboxProcessMessage, type SandboxProcessRequest } from '../workerProtocol.ts'
import { lockDown } from './lockDown.ts'
import { createSandboxHost } from './sandboxHost.ts'

const { exit } = lockDown()
const send = (message: SandboxProcessMessage) => process.send?.(message)
const crash = (detail: string) => send({ type: 'crash', detail })
const host = createSandboxHost(readFileSync(process.argv[2], 'utf8'), crash)

process.on('message', async ({ id, request }: SandboxProcessRequest) => {
  const result = await host.serve(request, (event) => send({ type: 'progress', id, event }))
  send({ type: 'result', id, result })
})
// Handled here, so that Node never prints (and inspects) a value of a context itself.
process.on('unhandledRejection', (reason) => crash(host.describe(reason)))
process.on('uncaughtException', (error) => crash(host.describe(error)))
process.on('disconnect', () => exit(0))
host.ready.then(() => send({ type: WORKER_READY }), (error: Error) => crash(error.message))
