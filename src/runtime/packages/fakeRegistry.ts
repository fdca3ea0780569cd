/** Test helper: packages held in memory, as a PackageSource that resolves ranges among the versions it has. */
import type { PackageRef, PackageSource } from './collect.ts'
import { bestVersion } from './versions.ts'

export interface FakePackage {
  name: string
  version: string
  /** Files by path; `package.json` is made from `manifest` unless given. */
  files: Record<string, string>
  manifest?: Record<string, unknown>
}

export function fakePackage(name: string, version: string, files: Record<string, string>, manifest: Record<string, unknown> = {}): FakePackage {
  return { name, version, files: { 'package.json': JSON.stringify({ name, version, ...manifest }), ...files } }
}

export function fakeSource(packages: FakePackage[]): PackageSource & { reads: string[] } {
  const byKey = new Map(packages.map((item) => [`${item.name}@${item.version}`, item]))
  const reads: string[] = []
  return {
    reads,
    async resolve(name, range) {
      if (range === undefined) return null
      const version = bestVersion(packages.filter((item) => item.name === name).map((item) => item.version), range)
      return version ? { name, version, key: `${name}@${version}` } : null
    },
    async list(pkg: PackageRef) {
      return new Set(Object.keys(byKey.get(pkg.key)!.files))
    },
    async read(pkg, path) {
      reads.push(`${pkg.key}/${path}`)
      const text = byKey.get(pkg.key)?.files[path]
      if (text === undefined) throw new Error(`no ${pkg.key}/${path}`)
      return text
    },
  }
}
