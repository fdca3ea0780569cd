/** How each kind of timeline entry looks, in the rows and on the filter chips. */
import type { TimelineKind } from '../../engine/types.ts'

export const KIND_BADGE: Record<TimelineKind, string> = {
  api: 'bg-indigo-100 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-300',
  console: 'bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-200',
  http: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300',
  engine: 'bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300',
}
