/** Versions as npm reads them (semver ranges, exact versions, `latest`), for the CLI's warnings and the browser's choice of copy. */
import maxSatisfying from 'semver/ranges/max-satisfying.js'
import validRange from 'semver/ranges/valid.js'
import satisfies from 'semver/functions/satisfies.js'
import valid from 'semver/functions/valid.js'

/** A declared version that takes whatever is newest: `latest`, `*`, or nothing. */
export const isAnyVersion = (declared: string | undefined): boolean => !declared || declared === 'latest' || declared === '*' || declared === 'x'

/** Does `version` satisfy what a package.json or an action declares? A tag other than `latest` matches nothing. */
export function versionSatisfies(version: string, declared: string | undefined): boolean {
  if (isAnyVersion(declared)) return true
  if (!validRange(declared!)) return version === declared
  return satisfies(version, declared!, { includePrerelease: true })
}

/** The newest of `versions` that satisfies `declared`, or null. */
export function bestVersion(versions: readonly string[], declared: string | undefined): string | null {
  if (isAnyVersion(declared)) return maxSatisfying([...versions], '*', { includePrerelease: true })
  if (!validRange(declared!)) return versions.includes(declared!) ? declared! : null
  return maxSatisfying([...versions], declared!, { includePrerelease: true })
}

/** An exact version (`9.0.2`): its files can be fetched without asking the CDN what it resolves to. */
export const isExactVersion = (declared: string | undefined): boolean => !!declared && valid(declared) === declared
