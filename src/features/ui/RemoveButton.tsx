/** The ✕ that removes one row of a list (a secret, a dependency), named for what it removes. */
export function RemoveButton({ what, onRemove }: { what: string; onRemove: () => void }) {
  return (
    <button
      type="button"
      aria-label={`Remove ${what}`}
      onClick={onRemove}
      className="rounded px-1.5 text-slate-600 hover:bg-red-50 hover:text-red-600 dark:text-slate-400 dark:hover:bg-red-950"
    >
      ✕
    </button>
  )
}
