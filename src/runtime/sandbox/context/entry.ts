/**
 * The sandbox bundle's entry, evaluated in a fresh `vm` context for each run (see `../sandboxHost.ts`):
 * the globals first, then the engine, then the functions the host may call.
 */
import './globals.ts'
import { hardenGlobals } from '../../hardenGlobals.ts'
import { serveEngineRequest } from '../../serveEngineRequest.ts'
import type { RsaPrivateJwk } from '../../../engine/rs256.ts'
import type { EngineRequest } from '../../workerProtocol.ts'
import type { ContextEntry } from '../protocol.ts'
import { callHost, settle } from './hostCall.ts'
import { fireTimer } from './timers.ts'
import { describe, reportUncaught } from './uncaught.ts'

const { parse } = JSON
const bindGlobalFetch = hardenGlobals()
/** Tokens are signed by the host's node:crypto: the same signatures, without a few ms of BigInt arithmetic per token. */
const signRs256 = (privateJwk: RsaPrivateJwk, input: string) => callHost('rs256', { privateJwk, input }) as string

function serve(requestJson: string): void {
  const request = parse(requestJson) as EngineRequest
  serveEngineRequest(request, (event) => callHost('progress', event), bindGlobalFetch, signRs256)
    .then((result) => callHost('done', result))
    .catch(reportUncaught)
}

export const entry: ContextEntry = { serve, fireTimer, settle, describe }
