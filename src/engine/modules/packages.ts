/**
 * The npm packages among the modules action code can require (`PLAYGROUND_MODULES`; the others are Node's own), with
 * the version the playground runs: the installed package's, read from its package.json when the app is built and
 * when the CLI starts, so an export names the version that was tested.
 */
import axiosPackage from 'axios/package.json' with { type: 'json' }

export const PLAYGROUND_PACKAGES: Readonly<Record<string, string>> = { axios: axiosPackage.version }
