import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { FlowDocument } from '../../engine/flowDocument.ts'
import { MissingPackageError, nodeModulesPackages } from './nodeModules.ts'

function write(root: string, files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }
}
const pkg = (name: string, version: string, extra: Record<string, unknown> = {}) => JSON.stringify({ name, version, ...extra })

function flow(code: string, dependencies: Array<{ name: string; version: string }>, enabled = true): FlowDocument {
  return { version: 1, trigger: 'post-login', name: 'f', event: {}, mocks: { http: [] }, actions: [{ id: 'a', name: 'A', code, enabled, secrets: {}, dependencies }] } as FlowDocument
}

/** A project: its node_modules at the top, the flows two folders down. */
function project() {
  const root = mkdtempSync(join(tmpdir(), 'ap-packages-'))
  write(root, {
    'package.json': pkg('team', '1.0.0'),
    'node_modules/jwt/package.json': pkg('jwt', '9.0.2', { main: 'index.js', dependencies: { ms: '^2.0.0', jws: '^3.0.0' } }),
    'node_modules/jwt/index.js': "module.exports = [require('ms'), require('jws'), require('./lib/x')]",
    'node_modules/jwt/lib/x.js': "require('fs'); module.exports = 1",
    'node_modules/jwt/README.md': '# big',
    'node_modules/jwt/index.d.ts': 'export {}',
    'node_modules/jwt/node_modules/ms/package.json': pkg('ms', '2.1.3'),
    'node_modules/jwt/node_modules/ms/index.js': 'module.exports = "ms2"',
    'node_modules/ms/package.json': pkg('ms', '1.0.0'),
    'node_modules/ms/index.js': 'module.exports = "ms1"',
    'store/jws@3/package.json': pkg('jws', '3.2.3'),
    'store/jws@3/index.js': 'module.exports = "jws"',
    'flows/team/flow.json': '{}',
  })
  symlinkSync(join(root, 'store/jws@3'), join(root, 'node_modules/jws'))
  return { root, flows: join(root, 'flows/team') }
}

describe('packages from node_modules (CLI)', () => {
  it('finds the declared packages walking up from the flow file, and their dependencies as Node does', async () => {
    const { root, flows } = project()
    const { packages, warnings } = await nodeModulesPackages(flow("const jwt = require('jwt')", [{ name: 'jwt', version: '9.0.2' }]), flows)
    expect(warnings).toEqual([])
    expect(packages).toEqual({
      '/node_modules/jwt/package.json': pkg('jwt', '9.0.2', { main: 'index.js', dependencies: { ms: '^2.0.0', jws: '^3.0.0' } }),
      '/node_modules/jwt/index.js': "module.exports = [require('ms'), require('jws'), require('./lib/x')]",
      '/node_modules/jwt/lib/x.js': "require('fs'); module.exports = 1",
      // jwt's nested ms@2 is the one it gets; the top's ms@1 is not needed.
      '/node_modules/ms/package.json': pkg('ms', '2.1.3'),
      '/node_modules/ms/index.js': 'module.exports = "ms2"',
      // A linked package (pnpm) is read from its real folder.
      '/node_modules/jws/package.json': pkg('jws', '3.2.3'),
      '/node_modules/jws/index.js': 'module.exports = "jws"',
    })
    expect(root).toBeTruthy()
  })

  it('names a missing package and the command that installs it, in the project folder', async () => {
    const { root, flows } = project()
    const error = await nodeModulesPackages(flow('', [{ name: 'jwt', version: '9.0.2' }, { name: 'jsonwebtoken', version: '9.0.2' }, { name: 'left-pad', version: 'latest' }]), flows).catch((caught) => caught)
    expect(error).toBeInstanceOf(MissingPackageError)
    expect(error.message).toBe(`The packages jsonwebtoken@9.0.2, left-pad are not installed for this flow: run \`npm install jsonwebtoken@9.0.2 left-pad\` in ${root}`)
  })

  it('warns when the installed version does not satisfy the declared one', async () => {
    const { flows } = project()
    const { packages, warnings } = await nodeModulesPackages(flow('', [{ name: 'ms', version: '2.1.3' }]), flows)
    expect(packages?.['/node_modules/ms/index.js']).toBe('module.exports = "ms1"')
    expect(warnings).toEqual([expect.stringMatching(/^ms: the flow declares 2\.1\.3, but 1\.0\.0 is installed \(.*node_modules\/ms\); the run uses 1\.0\.0$/)])
    expect((await nodeModulesPackages(flow('', [{ name: 'ms', version: '^1.0.0' }]), flows)).warnings).toEqual([])
    expect((await nodeModulesPackages(flow('', [{ name: 'ms', version: 'latest' }]), flows)).warnings).toEqual([])
  })

  it('needs nothing for a flow whose enabled actions declare nothing', async () => {
    const { flows } = project()
    expect(await nodeModulesPackages(flow("require('gone')", [{ name: 'gone', version: '1.0.0' }], false), flows)).toEqual({ warnings: [] })
    expect(await nodeModulesPackages(flow('', []), flows)).toEqual({ warnings: [] })
  })

  it('leaves out a package the flow mocks (mocks.modules)', async () => {
    const { flows } = project()
    const doc = flow("require('gone')", [{ name: 'gone', version: '1.0.0' }])
    ;(doc.mocks as Record<string, unknown>).modules = { gone: 'module.exports = {}' }
    expect(await nodeModulesPackages(doc, flows)).toEqual({ warnings: [] })
  })
})
