/**
 * npm packages as data: the files a run's actions may `require`, as a small read-only file system that a runtime
 * fills (the CLI from the node_modules nearest the flow file, the browser from its package CDN, its cache or the
 * curated offline set) and hands to the engine with the run. Paths are absolute and POSIX, laid out as npm
 * installs them: `/node_modules/jsonwebtoken/package.json`, `/node_modules/jws/lib/sign-stream.js`, nested
 * `/node_modules/a/node_modules/b/…` where versions differ.
 */
export type ModuleFiles = Record<string, string>
