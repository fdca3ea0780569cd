// src/runtime/sandbox/sandboxProcess.ts
import { readFileSync } from "node:fs";

// src/runtime/workerProtocol.ts
var WORKER_READY = "actions-playground:engine-worker-ready";

// src/runtime/sandbox/lockDown.ts
import dgram from "node:dgram";
import dns from "node:dns";
import http from "node:http";
import http2 from "node:http2";
import https from "node:https";
import { syncBuiltinESMExports } from "node:module";
import net from "node:net";
import tls from "node:tls";
var ownFunctions = (target) => Object.getOwnPropertyNames(target).filter((name) => name !== "constructor" && typeof target[name] === "function");
var NETWORK = [
  ["net", net, ["connect", "createConnection", "createServer"]],
  ["net.Socket.prototype", net.Socket.prototype, ["connect"]],
  ["net.Server.prototype", net.Server.prototype, ["listen"]],
  ["tls", tls, ["connect", "createServer"]],
  ["dgram", dgram, ["createSocket"]],
  ["dgram.Socket.prototype", dgram.Socket.prototype, ["bind", "connect", "send"]],
  ["http", http, ["request", "get", "createServer"]],
  ["https", https, ["request", "get", "createServer"]],
  ["http2", http2, ["connect", "createServer", "createSecureServer"]],
  ["dns", dns, ownFunctions(dns).filter((name) => name !== "Resolver")],
  ["dns.promises", dns.promises, ownFunctions(dns.promises).filter((name) => name !== "Resolver")],
  ["dns.Resolver.prototype", dns.Resolver.prototype, ownFunctions(dns.Resolver.prototype)],
  ["dns.promises.Resolver.prototype", dns.promises.Resolver.prototype, ownFunctions(dns.promises.Resolver.prototype)]
];
var PROCESS = ["kill", "_kill", "exit", "reallyExit", "abort", "_debugProcess", "_debugEnd", "dlopen", "binding", "_linkedBinding", "getBuiltinModule"];
var GLOBALS = ["fetch", "WebSocket", "EventSource"];
function refuse(target, name, label, why) {
  const blocked = () => {
    throw new Error(`${label} is not available in the Actions Playground's sandbox process: ${why}.`);
  };
  Object.defineProperty(target, name, { value: blocked, writable: false, configurable: false, enumerable: false });
}
function lockDown() {
  const real = process;
  const reallyExit = real.reallyExit.bind(process);
  for (const [owner, target, names] of NETWORK) {
    for (const name of names) refuse(target, name, `${owner}.${name}`, "it has no network");
  }
  for (const name of PROCESS) refuse(process, name, `process.${name}`, "it cannot signal, exit or load modules");
  for (const name of GLOBALS) delete globalThis[name];
  syncBuiltinESMExports();
  return { exit: reallyExit };
}

// src/runtime/sandbox/sandboxHost.ts
import { randomBytes, randomUUID } from "node:crypto";
import vm from "node:vm";

// src/runtime/sandbox/hostCrypto.ts
import { webcrypto } from "node:crypto";

// src/runtime/sandbox/protocol.ts
var URL_SETTERS = ["href", "protocol", "username", "password", "host", "hostname", "port", "pathname", "search", "hash"];
var SUBTLE_METHODS = [
  "encrypt",
  "decrypt",
  "sign",
  "verify",
  "digest",
  "generateKey",
  "deriveKey",
  "deriveBits",
  "importKey",
  "exportKey",
  "wrapKey",
  "unwrapKey"
];

// src/runtime/sandbox/taggedValues.ts
function taggedValues(keys) {
  const encode = (value) => {
    if (keys.isKey(value)) return keys.encodeKey(value);
    if (value instanceof ArrayBuffer) return { $bytes: Array.from(new Uint8Array(value)) };
    if (ArrayBuffer.isView(value)) return { $uint8: Array.from(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)) };
    if (Array.isArray(value)) return value.map(encode);
    if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, encode(item)]));
    return value;
  };
  const decode = (value) => {
    if (Array.isArray(value)) return value.map(decode);
    if (typeof value !== "object" || value === null) return value;
    const tagged = value;
    if (Array.isArray(tagged.$bytes)) return new Uint8Array(tagged.$bytes).buffer;
    if (Array.isArray(tagged.$uint8)) return new Uint8Array(tagged.$uint8);
    if (typeof tagged.$key === "number") return keys.decodeKey(tagged);
    return Object.fromEntries(Object.entries(tagged).map(([name, item]) => [name, decode(item)]));
  };
  return { encode, decode };
}

// src/runtime/sandbox/hostCrypto.ts
function createKeyTable() {
  const keys = /* @__PURE__ */ new Map();
  const describe = (key) => {
    const id = keys.size + 1;
    keys.set(id, key);
    return { $key: id, type: key.type, extractable: key.extractable, algorithm: encode(key.algorithm), usages: [...key.usages] };
  };
  const { encode, decode } = taggedValues({
    isKey: (value) => value instanceof CryptoKey,
    encodeKey: describe,
    decodeKey: ({ $key }) => {
      const key = keys.get($key);
      if (!key) throw new TypeError("Unknown CryptoKey.");
      return key;
    }
  });
  return {
    async call({ method, args }) {
      if (!SUBTLE_METHODS.includes(method) || !Array.isArray(args)) throw new TypeError(`crypto.subtle.${String(method)} is not available.`);
      const subtle = webcrypto.subtle;
      return encode(await subtle[method].apply(webcrypto.subtle, decode(args)));
    }
  };
}

// src/runtime/sandbox/sandboxHost.ts
var BUNDLE_FILE_NAME = "engine-sandbox.js";
var MAX_RANDOM_BYTES = 65536;
function importRefusal(specifier) {
  return `import(${JSON.stringify(specifier)}) is not available in the Actions Playground: action code reaches the modules the playground provides with require().`;
}
function bridgeError(error) {
  if (!(error instanceof Error)) return { name: "Error", message: String(error) };
  const code = error.code;
  return { name: error.name, message: error.message, ...typeof code === "string" ? { code } : {} };
}
function describeWith(describe, value) {
  let text;
  try {
    text = describe?.(value);
  } catch {
  }
  return typeof text === "string" ? text : "an error that cannot be described";
}
function urlParts(url) {
  const { href, origin, protocol, username, password, host: host2, hostname, port, pathname, search, hash } = url;
  return { href, origin, protocol, username, password, host: host2, hostname, port, pathname, search, hash };
}
var refuseImport = (specifier) => {
  throw importRefusal(String(specifier));
};
function createContext() {
  return vm.createContext(/* @__PURE__ */ Object.create(null), {
    name: "actions-playground-sandbox",
    codeGeneration: { strings: true, wasm: false },
    importModuleDynamically: refuseImport
  });
}
function compile(source) {
  return new vm.Script(source, { filename: BUNDLE_FILE_NAME, importModuleDynamically: refuseImport });
}
var importCheck = null;
function checkImportRefusal() {
  importCheck ??= (async () => {
    const probe = compile(`import('node:fs').then(() => 'imported', (reason) => typeof reason === 'string' ? 'refused' : 'foreign')`);
    if (await probe.runInContext(createContext()) !== "refused") {
      throw new Error("The sandbox needs Node's --experimental-vm-modules: without it, import() in action code fails with an error of the host's realm, a way out of the sandbox.");
    }
  })();
  return importCheck;
}
function createTimers(fire) {
  const timers = /* @__PURE__ */ new Map();
  const cancel = (id) => {
    timers.get(id)?.();
    timers.delete(id);
  };
  return {
    set({ id, ms, repeat }) {
      cancel(id);
      const run = () => {
        if (!repeat) timers.delete(id);
        fire(id);
      };
      if (ms === 0) {
        const immediate = setImmediate(run);
        timers.set(id, () => clearImmediate(immediate));
      } else {
        const timer = repeat ? setInterval(run, ms) : setTimeout(run, ms);
        timers.set(id, () => clearTimeout(timer));
      }
    },
    cancel,
    cancelAll() {
      for (const id of [...timers.keys()]) cancel(id);
    }
  };
}
function createSandboxHost(bundleSource, onCrash) {
  let latestDescribe = null;
  const script = compile(bundleSource);
  const ready = checkImportRefusal();
  async function serve(request, onProgress) {
    await ready;
    const context = createContext();
    const keys = createKeyTable();
    const timers = createTimers((id) => enter(() => fireTimer(id)));
    let finished = false;
    let resolveResult;
    const result = new Promise((resolve) => {
      resolveResult = resolve;
    });
    const ops = {
      now: () => performance.now(),
      randomBytes: (payload) => {
        const size = Number(payload);
        if (!Number.isInteger(size) || size < 0 || size > MAX_RANDOM_BYTES) throw new RangeError("Invalid number of random bytes.");
        return [...randomBytes(size)];
      },
      randomUUID: () => randomUUID(),
      "timer.set": (timer) => timers.set(timer),
      "timer.clear": (id) => timers.cancel(Number(id)),
      "url.parse": (payload) => {
        const [input, base] = payload;
        return urlParts(new URL(String(input), base === null ? void 0 : String(base)));
      },
      "url.set": (payload) => {
        const [href, name, value] = payload;
        if (!URL_SETTERS.includes(name)) throw new TypeError(`URL has no "${String(name)}" to set.`);
        const url = new URL(String(href));
        url[name] = String(value);
        return urlParts(url);
      },
      subtle: (payload) => {
        const call = payload;
        void keys.call(call).then((value) => ({ ok: value ?? null }), (error) => ({ error: bridgeError(error) })).then((reply) => {
          if (!finished) enter(() => settle(call.id, JSON.stringify(reply)));
        });
      },
      progress: (event) => onProgress(event),
      done: (value) => {
        finished = true;
        timers.cancelAll();
        resolveResult(value);
      },
      crash: (detail) => onCrash(String(detail))
    };
    const hostCall = (op, payload) => {
      try {
        if (typeof op !== "string" || typeof payload !== "string" || !Object.hasOwn(ops, op)) throw new TypeError("Invalid call to the sandbox host.");
        if (finished && op !== "crash") throw new Error("This run is over.");
        return JSON.stringify({ ok: ops[op](JSON.parse(payload)) ?? null });
      } catch (error) {
        return JSON.stringify({ error: bridgeError(error) });
      }
    };
    const { serve: serveInContext, fireTimer, settle, describe } = script.runInContext(context)(hostCall);
    latestDescribe = describe;
    function enter(call) {
      try {
        call();
      } catch (error) {
        onCrash(describeWith(describe, error));
      }
    }
    enter(() => serveInContext(JSON.stringify(request)));
    return result;
  }
  return { ready, serve, describe: (value) => describeWith(latestDescribe, value) };
}

// src/runtime/sandbox/sandboxProcess.ts
var { exit } = lockDown();
var send = (message) => process.send?.(message);
var crash = (detail) => send({ type: "crash", detail });
var host = createSandboxHost(readFileSync(process.argv[2], "utf8"), crash);
process.on("message", async ({ id, request }) => {
  const result = await host.serve(request, (event) => send({ type: "progress", id, event }));
  send({ type: "result", id, result });
});
process.on("unhandledRejection", (reason) => crash(host.describe(reason)));
process.on("uncaughtException", (error) => crash(host.describe(error)));
process.on("disconnect", () => exit(0));
host.ready.then(() => send({ type: WORKER_READY }), (error) => crash(error.message));
