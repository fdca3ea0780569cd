/**
 * The curated offline set: packages real Actions use most, built into a chunk of the app
 * (`virtual:curated-packages`, made by src/build/curatedPackages.ts from this project's node_modules) that
 * the page loads only for a run whose actions declare one of them. Each package holds the files reachable
 * by require from its entry and the listing of all its files: a file left out (`lodash/get`) is fetched from
 * the package CDN like any other.
 */

/** The curated packages. */
export const CURATED_PACKAGES: ReadonlyArray<{ name: string }> = [
  { name: 'auth0' },
  { name: 'jsonwebtoken' },
  { name: 'jwks-rsa' },
  { name: 'jose' },
  { name: 'uuid' },
  { name: 'lodash' },
  { name: 'ipaddr.js' },
  { name: '@xmldom/xmldom' },
  { name: 'xpath' },
  { name: 'openid-client' },
  { name: 'debug' },
]

export const CURATED_NAMES: ReadonlySet<string> = new Set(CURATED_PACKAGES.map((item) => item.name))

export interface CuratedPackage {
  name: string
  version: string
  /** The files bundled, by path in the package. */
  files: Record<string, string>
  /** Every loadable file of the package (.js, .cjs, .json), bundled or not. */
  listing: string[]
  /** The version each of its dependencies resolved to when the set was built. */
  dependencies: Record<string, string>
}

export interface CuratedSet {
  /** The curated packages' versions, by name (their dependencies are in `packages` too). */
  roots: Record<string, string>
  packages: CuratedPackage[]
}
