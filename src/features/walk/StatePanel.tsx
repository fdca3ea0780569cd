import type { JsonValue } from '../../engine/types.ts'
import { JsonInline } from '../results/JsonBlock.tsx'
import type { StateSection } from './walkState.ts'

/** What the action sees and what is queued at this step, with what the step changed marked. */
export function StatePanel({ sections, changed }: { sections: StateSection[]; changed: ReadonlySet<string> }) {
  return (
    <section aria-label="State at this step" className="space-y-3 p-3 text-xs">
      {sections.map((section) => (
        <div key={section.id} data-testid={`walk-state-${section.id}`}>
          <h4 className="font-semibold text-slate-800 dark:text-slate-200">{section.title}</h4>
          <p className="text-slate-600 dark:text-slate-400">{section.hint}</p>
          {Object.keys(section.values).length === 0
            ? <p className="mt-1 text-slate-500 italic dark:text-slate-400">nothing</p>
            : (
              <dl className="mt-1 space-y-0.5">
                {Object.entries(section.values).map(([key, value]) => (
                  <Row key={key} name={key} value={value} changed={changed.has(`${section.id}.${key}`)} />
                ))}
              </dl>
            )}
        </div>
      ))}
    </section>
  )
}

function Row({ name, value, changed }: { name: string; value: JsonValue; changed: boolean }) {
  return (
    <div data-changed={changed || undefined} className={`flex gap-2 rounded px-1 font-mono ${changed ? 'bg-amber-100 dark:bg-amber-900/50' : ''}`}>
      <dt className="shrink-0 text-slate-600 dark:text-slate-400">{name}</dt>
      <dd className="min-w-0 break-all"><JsonInline value={value} />{changed && <span className="ml-1 font-sans text-amber-800 dark:text-amber-300">changed at this step</span>}</dd>
    </div>
  )
}
