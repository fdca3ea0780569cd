/**
 * A walk through a stepping run (`RunOptions.steps`): every statement the actions ran, with the api calls, console
 * lines and HTTP exchanges that happened in it, and between them the engine's own steps (an action starts, the
 * metadata is written, the flow pauses for a redirect, the tokens are issued), in the order they happened.
 */
import type { IfBranches, RunResult, Step, TimelineEntry } from './types.ts'

export type WalkItem =
  /** A statement; `pass` counts its runs in this call of its action (a loop's body: the iteration). */
  | { kind: 'line'; step: Step; entries: TimelineEntry[]; pass: number; through: number }
  /** An engine step, or an entry no statement of its action owns (a callback that ran after its statement). */
  | { kind: 'event'; entry: TimelineEntry; through: number }

const isLine = (value: unknown) => Number.isInteger(value) && (value as number) >= 1
const isRange = (value: unknown) => Array.isArray(value) && value.length === 2 && value.every(isLine)

/** A step as the engine makes it: the result came from a sandbox that ran strangers' code, so it is checked. */
function isStep(value: unknown): value is Step {
  const step = value as Step
  return typeof step === 'object' && step !== null && typeof step.actionId === 'string' && (step.phase === 'execute' || step.phase === 'continue')
    && isLine(step.line) && isLine(step.column) && isLine(step.endLine) && typeof step.kind === 'string' && Number.isInteger(step.at) && step.at >= 0
    && (step.topLevel === undefined || step.topLevel === true)
    && (step.branches === undefined || [step.branches.then, step.branches.else].every((range) => range === undefined || isRange(range)))
}

const walks = new WeakMap<RunResult, WalkItem[] | null>()

/** The walk through a result (made once per result), or null when the run did not record its steps. */
export function walkOf(result: RunResult): WalkItem[] | null {
  let walk = walks.get(result)
  if (walk === undefined) walks.set(result, walk = buildWalk(result))
  return walk
}

/** The walk through a result, or null when the run did not record its steps. */
export function buildWalk(result: RunResult): WalkItem[] | null {
  if (!Array.isArray(result.steps)) return null
  const steps = result.steps.filter(isStep)
  const timeline = result.timeline
  const items: WalkItem[] = []
  let passes = new Map<string, number>()
  let next = 0
  const addStepsBefore = (index: number) => {
    for (; next < steps.length && steps[next].at <= index; next++) {
      const step = steps[next]
      const key = `${step.actionId} ${step.phase} ${step.line}:${step.column}`
      const pass = (passes.get(key) ?? 0) + 1
      passes.set(key, pass)
      items.push({ kind: 'line', step, entries: [], pass, through: index })
    }
  }
  timeline.forEach((entry, index) => {
    addStepsBefore(index)
    if (entry.call === 'action.start' || entry.call === 'action.continue') passes = new Map()
    // A paused flow's end is its pause step (the redirect, the form, the MFA challenge), said there.
    if (entry.call === 'flow.end' && (entry.args[0] as { status?: unknown } | null)?.status === 'suspended') return
    const last = items.at(-1)
    if (entry.kind !== 'engine' && last?.kind === 'line' && last.step.actionId === entry.actionId && last.step.phase === entry.phase) {
      last.entries.push(entry)
      last.through = index + 1
    } else items.push({ kind: 'event', entry, through: index + 1 })
  })
  addStepsBefore(Number.POSITIVE_INFINITY)
  return items
}

/** Which branch of an `if` ran: the next statement of the same call of its action tells. */
export type BranchTaken = { branches: IfBranches; taken: 'then' | 'else' | 'neither' }

export function branchTaken(walk: WalkItem[], index: number): BranchTaken | null {
  const item = walk[index]
  if (item?.kind !== 'line' || !item.step.branches) return null
  const { branches, actionId, phase } = item.step
  let next: Step | null = null
  for (const candidate of walk.slice(index + 1)) {
    if (candidate.kind === 'line') {
      if (candidate.step.actionId === actionId && candidate.step.phase === phase) next = candidate.step
      break
    }
    if (candidate.entry.call === 'action.end') break
  }
  const within = (range: [number, number] | undefined) => next !== null && range !== undefined && next.line >= range[0] && next.line <= range[1]
  // A one-line `if (x) return` has its branch on its own line, after the condition.
  const taken = within(branches.then) && (next!.line !== item.step.line || next!.column > item.step.column) ? 'then' : within(branches.else) ? 'else' : 'neither'
  return { branches, taken }
}

/** The lines a walk step leaves out: the branch of an `if` that did not run. */
export function skippedLines({ branches, taken }: BranchTaken): [number, number] | null {
  return (taken === 'then' ? branches.else : branches.then) ?? null
}
