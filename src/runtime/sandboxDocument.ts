/**
 * The sandbox document: an opaque-origin iframe (`sandbox="allow-scripts"`, no `allow-same-origin`) that
 * starts one engine worker per run from a Blob of the engine bundle the page hands it (a classic worker:
 * Chromium does not start a module worker from an opaque origin's Blob), relays the worker's
 * plain-data messages to the page, and terminates the worker when the run ends. Its own CSP gives it, and
 * the workers it starts (a Blob worker inherits its creator's policy), no network at all, no script but
 * this one, and `eval` for compiling action code. vite.config.ts serves and builds it as `sandbox.html`,
 * with the policy naming this script by its SHA-256 hash.
 */
/** Where the dev server serves the engine worker as one script (vite.config.ts). */
export const ENGINE_DEV_PATH = 'engine-worker.dev.js'
/** Where the dev server serves the Node shims library (the build emits it as an asset). */
export const NODE_SHIMS_DEV_PATH = 'node-shims.dev.js'

export const SANDBOX_SCRIPT = `'use strict';
(() => {
  const host = window.parent;
  const post = (message) => host.postMessage(message, '*');
  let engineUrl = null;
  let spare = null;
  let current = null;
  const start = () => new Worker(engineUrl, { name: 'actions-engine' });
  // The next run's realm starts once this run is over, so its loading and warm-up never compete with a run for
  // the processor. The next run is most often this flow again: the spare compiles its actions while it waits.
  const startSpare = (actions) => {
    spare = start();
    spare.postMessage({ type: 'prepare', actions: actions.map((action) => ({ id: action.id, code: action.code, enabled: action.enabled })) });
  };
  const finish = (run) => {
    clearInterval(run.heartbeat);
    run.worker.terminate();
    if (current === run) current = null;
    if (!spare) startSpare(run.actions);
  };
  const begin = (runId, request) => {
    if (current) finish(current);
    const worker = spare || start();
    spare = null;
    const actions = request && request.doc && Array.isArray(request.doc.actions) ? request.doc.actions : [];
    const run = { runId, worker, actions, heartbeat: setInterval(() => post({ type: 'alive', runId }), 250) };
    current = run;
    const crash = (detail) => {
      if (current !== run) return;
      post({ type: 'crashed', runId, detail });
      finish(run);
    };
    worker.onmessage = (event) => {
      const message = event.data;
      if (current !== run || !message) return;
      if (message.type === 'progress') post({ type: 'progress', runId, events: message.events });
      else if (message.type === 'result') { post({ type: 'result', runId, result: message.result }); finish(run); }
    };
    worker.onerror = (event) => { event.preventDefault(); crash(event.message || 'the engine worker failed.'); };
    worker.onmessageerror = () => crash('a message from the engine could not be read.');
    worker.postMessage({ type: 'run', request });
  };
  addEventListener('message', (event) => {
    const message = event.data;
    if (event.source !== host || !message) return;
    if (message.type === 'init' && engineUrl === null && typeof message.engine === 'string') {
      engineUrl = URL.createObjectURL(new Blob([message.engine], { type: 'text/javascript' }));
      spare = start();
      post({ type: 'ready' });
    } else if (message.type === 'run' && engineUrl !== null && typeof message.runId === 'number') {
      begin(message.runId, message.request);
    } else if (message.type === 'stop' && current && current.runId === message.runId) {
      finish(current);
    }
  });
})();
`

/** The policy: nothing but this script, Blob workers and eval; no connections, no imports, no other scripts. */
export function sandboxPolicy(scriptHash: string): string {
  return `default-src 'none'; script-src '${scriptHash}' 'unsafe-eval'; worker-src blob:`
}

/** `scriptHash` is `sha256-<base64 of SHA-256(SANDBOX_SCRIPT)>`, as CSP names an inline script. */
export function sandboxHtml(scriptHash: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${sandboxPolicy(scriptHash)}">
<title>Actions Playground sandbox</title>
</head>
<body>
<script>${SANDBOX_SCRIPT}</script>
</body>
</html>
`
}
