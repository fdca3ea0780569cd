/** A button for a command: its label, its shortcut in the tooltip and for assistive technology, disabled when the command is. */
import type { ReactNode } from 'react'
import type { CommandContext, CommandId } from './commands.ts'
import { useCommand } from './useCommand.ts'

export function CommandButton({ id, context, className, role, children, onDone }: {
  id: CommandId
  context?: CommandContext
  className?: string
  role?: 'menuitem'
  /** Shown instead of the label (an icon); the label stays the accessible name. */
  children?: ReactNode
  /** After the command ran (a menu closes). */
  onDone?: () => void
}) {
  const command = useCommand(id, context)
  return (
    <button
      type="button"
      role={role}
      disabled={!command.enabled}
      aria-label={children ? command.label : undefined}
      aria-keyshortcuts={command.ariaKeys}
      title={command.shortcut ? `${command.label} (${command.shortcut})` : command.label}
      onClick={(event) => { event.stopPropagation(); command.run(); onDone?.() }}
      className={className}
    >
      {children ?? command.label}
      {role === 'menuitem' && command.shortcut && <kbd className="ml-auto pl-4 font-sans text-xs text-slate-500 dark:text-slate-400">{command.shortcut}</kbd>}
    </button>
  )
}
