/** A button for a command: its label, its shortcut in the tooltip and for assistive technology, disabled when the command is. */
import type { ReactNode } from 'react'
import type { CommandContext, CommandId } from './commands.ts'
import { useCommand } from './useCommand.ts'

export function CommandButton({ id, context, className, role, children, iconOnly, onDone }: {
  id: CommandId
  context?: CommandContext
  className?: string
  role?: 'menuitem'
  /** Shown instead of the label; the label stays the accessible name. */
  children?: ReactNode
  /** Shows the command's icon instead of the label. */
  iconOnly?: boolean
  /** After the command ran (a menu closes). */
  onDone?: () => void
}) {
  const command = useCommand(id, context)
  const content = children ?? (iconOnly ? command.icon : null)
  return (
    <button
      type="button"
      role={role}
      disabled={!command.enabled}
      aria-label={content ? command.label : undefined}
      aria-keyshortcuts={command.ariaKeys}
      title={command.shortcut ? `${command.label} (${command.shortcut})` : command.label}
      onClick={(event) => { event.stopPropagation(); command.run(); onDone?.() }}
      className={className}
    >
      {content ?? command.label}
      {role === 'menuitem' && command.shortcut && <kbd className="ml-auto pl-4 font-sans text-xs text-slate-600 dark:text-slate-400">{command.shortcut}</kbd>}
    </button>
  )
}
