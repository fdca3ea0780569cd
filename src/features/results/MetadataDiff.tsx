import type { JsonObject, ProfileUpdate, RunResult } from '../../engine/types.ts'
import { useMemo } from 'react'
import { cutList } from './cut.ts'
import { JsonInline } from './JsonBlock.tsx'
import { diffMetadata, type MetadataChange } from './metadataDiff.ts'
import { LongText, ShowAllButton, useShowAll } from './ShowAll.tsx'

type MetadataField = 'app_metadata' | 'user_metadata'
const FIELDS: MetadataField[] = ['app_metadata', 'user_metadata']

/** A colour and a text marker for each change, so the change does not rest on colour alone. */
const CHANGE_STYLE: Record<MetadataChange, { marker: string; row: string; badge: string }> = {
  added: { marker: '+ added', row: 'bg-emerald-50 dark:bg-emerald-950/40', badge: 'text-emerald-800 dark:text-emerald-300' },
  changed: { marker: '~ changed', row: 'bg-amber-50 dark:bg-amber-950/40', badge: 'text-amber-800 dark:text-amber-300' },
  removed: { marker: '− removed', row: 'bg-red-50 dark:bg-red-950/40', badge: 'text-red-800 dark:text-red-300' },
  unchanged: { marker: '= unchanged', row: '', badge: 'text-slate-600 dark:text-slate-400' },
}

const cell = 'px-2 py-1 align-top'

function FieldDiff({ field, before, after }: { field: MetadataField; before: Record<string, unknown>; after: JsonObject }) {
  const rows = useMemo(() => diffMetadata(before, after), [before, after])
  const { all, toggle } = useShowAll()
  const { shown, hidden } = cutList(rows, all)
  return (
    <section aria-label={field} className="min-w-0">
      <h3 className="mb-1 font-mono text-xs font-semibold text-slate-600 dark:text-slate-300">{field}</h3>
      {rows.length === 0 ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">Empty before and after.</p>
      ) : (
        <table className="w-full table-fixed border-collapse text-xs">
          <thead className="text-left text-slate-600 dark:text-slate-400">
            <tr>
              <th className={`${cell} w-1/4 font-medium`}>Key</th>
              <th className={`${cell} font-medium`}>Before</th>
              <th className={`${cell} font-medium`}>After</th>
              <th className={`${cell} w-24 font-medium`}>Change</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => {
              const style = CHANGE_STYLE[row.change]
              return (
                <tr key={row.key} data-testid={`diff-${field}-${row.key}`} data-change={row.change} className={`border-t border-slate-200 dark:border-slate-800 ${style.row}`}>
                  <td className={`${cell} font-mono break-all`}><LongText text={row.key} max={200} /></td>
                  <td className={cell}>{row.change === 'added' ? <Absent /> : <JsonInline value={row.before} />}</td>
                  <td className={cell}>{row.change === 'removed' ? <Absent /> : <JsonInline value={row.after} />}</td>
                  <td className={`${cell} font-medium whitespace-nowrap ${style.badge}`}>{style.marker}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
      <ShowAllButton all={all} hidden={hidden && `${hidden} keys`} onToggle={toggle} />
    </section>
  )
}

function Absent() {
  return <span className="text-slate-600 dark:text-slate-400">—</span>
}

const WHEN: Record<ProfileUpdate['when'], string> = {
  end: 'at the end of the flow',
  'before-redirect': 'before the user was sent away',
  'management-api': 'through the Management API',
  creation: 'when the user was created',
}

/** When a write happened; a Management API write also says which action sent it and that the stand-in answered. */
function writeLabel(write: ProfileUpdate, index: number): string {
  const when = WHEN[write.when] ?? write.when
  if (write.when !== 'management-api') return `Write ${index + 1}, ${when}:`
  return `Write ${index + 1}, ${when} (PATCH /api/v2/users/{id}${write.action ? ` by ${write.action}` : ''}, answered by the stand-in), apart from the trigger's write:`
}

function WriteChanges({ write }: { write: ProfileUpdate }) {
  const changes = useMemo(() => FIELDS.flatMap((field) => Object.entries(write[field]).map(([key, value]) => ({ field, key, value }))), [write])
  const { all, toggle } = useShowAll()
  const { shown, hidden } = cutList(changes, all)
  return (
    <ul className="mt-0.5 space-y-0.5 pl-4">
      {shown.map(({ field, key, value }) => (
        <li key={`${field}.${key}`} className="font-mono text-xs">
          {field}.<LongText text={key} max={200} /> {value === null ? <span className="font-sans text-red-700 dark:text-red-300">removed</span> : <>= <JsonInline value={value} /></>}
        </li>
      ))}
      {(all || hidden) && <li><ShowAllButton all={all} hidden={hidden && `${hidden} changes`} onToggle={toggle} /></li>}
    </ul>
  )
}

function ProfileWrites({ result }: { result: RunResult }) {
  const { count, writes } = result.profileUpdates
  return (
    <section data-testid="profile-writes" aria-label="Profile writes" className="text-sm">
      <h3 className="font-medium">{count === 0 ? 'No profile writes' : `${count} profile ${count === 1 ? 'write' : 'writes'}`}</h3>
      {count === 0 && (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {result.status === 'failed' ? 'The login failed: metadata changes the actions queued are not written.' : 'No action changed the metadata.'}
        </p>
      )}
      <ol className="mt-1 space-y-2">
        {writes.map((write, index) => (
          <li key={index} className="text-xs" data-when={write.when}>
            <span className="text-slate-600 dark:text-slate-300">{writeLabel(write, index)}</span>
            <WriteChanges write={write} />
          </li>
        ))}
      </ol>
    </section>
  )
}

/** The user's metadata before the run and after its profile writes, key by key. */
export function MetadataDiff({ result, before }: { result: RunResult; before: { app_metadata: Record<string, unknown>; user_metadata: Record<string, unknown> } }) {
  return (
    <div data-testid="metadata-diff" className="space-y-4">
      <div className="grid gap-4 md:grid-cols-2">
        {FIELDS.map((field) => <FieldDiff key={field} field={field} before={before[field]} after={result.user[field]} />)}
      </div>
      <ProfileWrites result={result} />
    </div>
  )
}
