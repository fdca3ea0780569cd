/** The npm packages a flow file's actions declare, from the node_modules nearest it, for `run`, `test` and the library. */
import { dirname } from 'node:path'
import type { FlowDocument } from '../engine/flowDocument.ts'
import type { ModuleFiles } from '../engine/packages/moduleFiles.ts'
import { MissingPackageError, nodeModulesPackages } from '../runtime/packages/nodeModules.ts'
import type { Runner } from '../runtime/supervisedRunner.ts'
import { InputError } from './inputs.ts'

/**
 * The packages' files, or undefined when no enabled action declares one. Warnings (a version that does not
 * satisfy the declared one) go to `warn`; a package that is not installed is an `InputError` naming it and
 * the command that installs it.
 */
export async function flowPackages(doc: FlowDocument, base: string, where: string, warn: (line: string) => void): Promise<ModuleFiles | undefined> {
  try {
    const { packages, warnings } = await nodeModulesPackages(doc, base)
    for (const warning of warnings) warn(`${where}: ${warning}`)
    return packages
  } catch (error) {
    if (error instanceof MissingPackageError) throw new InputError(`${where}: ${error.message}`)
    throw new InputError(`${where}: its packages cannot be read: ${(error as Error).message}`)
  }
}

/** The folder a flow file's packages resolve from. */
export const packagesBase = (flowFile: string): string => dirname(flowFile)

export const warnOnStderr = (line: string): void => { process.stderr.write(`warning: ${line}\n`) }

/** A runner whose every run and continue carries the flow's packages. */
export function withPackages(runner: Runner, packages: ModuleFiles | undefined): Pick<Runner, 'run' | 'continue'> {
  if (!packages) return runner
  return {
    run: (doc, options) => runner.run(doc, { ...options, packages }),
    continue: (doc, previous, request, options) => runner.continue(doc, previous, request, { ...options, packages }),
  }
}
