import type { ContinueSpec, RunResult } from './types.js';
export type * from './types.js';
/** A flow document as JSON: the README's "Flow document v1". It is validated when it runs. */
export interface FlowDocumentJson {
    version: 1;
    trigger: 'post-login';
    name: string;
    actions: Array<{
        id: string;
        name: string;
        code?: string;
        codeFile?: string;
        enabled: boolean;
        secrets?: Record<string, string>;
    }>;
    event: Record<string, unknown>;
    mocks?: {
        http?: Array<{
            method?: string;
            url: string;
            status?: number;
            body?: unknown;
            headers?: Record<string, string>;
        }>;
    };
    [field: string]: unknown;
}
export interface RunFlowOptions {
    /** Fixes the clock (ms since the epoch or an ISO time): Date in actions, token iat/exp, cache expiry. */
    now?: number | string;
    /** Fixes Math.random, crypto.randomUUID, randomBytes and the redirect state. */
    seed?: number;
    /** The run's time limit in ms (default 20000, Auth0's). */
    timeLimitMs?: number;
    /** When the flow suspends (redirect, MFA, form), resumes it with this /continue request; the result is the resumed run's. */
    continue?: ContinueSpec;
}
/** Runs a flow document (or flow file) and returns its result, as `actions-playground run --json` prints it. */
export declare function runFlow(input: FlowDocumentJson | string, options?: RunFlowOptions): Promise<RunResult>;
