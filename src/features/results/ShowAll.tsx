import { useState } from 'react'
import { cutString, STRING_LIMIT } from './cut.ts'

/** Whether the whole of a cut value is shown, and the button that switches. */
export function useShowAll() {
  const [all, setAll] = useState(false)
  return { all, toggle: () => setAll((shown) => !shown) }
}

/** "Show all (9,998,000 more characters)" under a cut value; "Show less" once it is whole. */
export function ShowAllButton({ all, hidden, onToggle }: { all: boolean; hidden: string | null; onToggle(): void }) {
  if (!all && !hidden) return null
  return (
    <button type="button" aria-expanded={all} onClick={onToggle} className="ml-1 text-[11px] text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300">
      {all ? 'Show less' : `Show all (${hidden})`}
    </button>
  )
}

/** Plain text that may be very long: its first characters, and the rest on demand. */
export function LongText({ text, max = STRING_LIMIT }: { text: string; max?: number }) {
  const { all, toggle } = useShowAll()
  const shown = all ? { text, hidden: null } : cutString(text, max)
  return (
    <>
      {shown.text}
      <ShowAllButton all={all} hidden={shown.hidden} onToggle={toggle} />
    </>
  )
}
