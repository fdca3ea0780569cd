import { useEffect, useState } from 'react'

/** A name edited in place: committed on Enter or blur when it changed and is not blank; Escape restores it. */
export function NameInput({ value, onCommit, label, testId, className }: { value: string; onCommit: (name: string) => void; label: string; testId: string; className: string }) {
  const [draft, setDraft] = useState(value)
  useEffect(() => setDraft(value), [value])
  const commit = () => {
    const next = draft.trim()
    if (next && next !== value) onCommit(next)
    // The store may keep another name (a unique one, or none): the new value, if any, comes back as a prop.
    setDraft(value)
  }
  return (
    <input
      data-testid={testId}
      aria-label={label}
      value={draft}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') event.currentTarget.blur()
        if (event.key === 'Escape') { setDraft(value); event.currentTarget.blur() }
      }}
      className={`rounded border border-transparent bg-transparent hover:border-slate-300 focus:border-indigo-500 focus:outline-none dark:hover:border-slate-600 ${className}`}
    />
  )
}
