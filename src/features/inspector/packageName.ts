/** npm's rules for a package name: lowercase, URL-safe, at most 214 characters, optionally `@scope/name`. */
const PACKAGE_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/

/** What is wrong with `name` as an npm package name, or null. */
export function packageNameProblem(name: string): string | null {
  return name.length > 214 || !PACKAGE_NAME.test(name) ? 'npm package names are lowercase letters, digits, - . _ ~, optionally @scope/name.' : null
}
