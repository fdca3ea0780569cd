/**
 * The flow's trigger, and the others to start a flow for: a flow's actions are written for one trigger's event and
 * api, so picking another opens a new playground for it and keeps this one as it is.
 */
import { useStoreApi, useTriggerId } from '../../store/hooks.ts'
import { selectFlowName } from '../../store/selectors.ts'
import { triggerCatalog, useTrigger, useTriggers } from './triggerCatalog.ts'

export default function TriggerPicker() {
  const store = useStoreApi()
  const current = useTriggerId()
  const trigger = useTrigger(current)
  const triggers = useTriggers()
  const pick = async (id: string) => {
    if (id === current) return
    const { emptyFlow, triggerOf } = await triggerCatalog.load()
    const state = store.getState()
    const left = selectFlowName(state)
    state.openAsNew(emptyFlow(id))
    state.setNotice({ tone: 'info', text: `Opened a new ${triggerOf(id).title} flow; “${left}” is kept in your playgrounds.` })
  }
  return (
    <label className="hidden items-center gap-1 text-xs text-slate-600 lg:flex dark:text-slate-400" title={trigger?.summary}>
      <span>Trigger</span>
      <select
        value={current}
        onChange={(event) => void pick(event.target.value)}
        className="max-w-48 rounded border border-slate-300 bg-white px-1 py-0.5 text-xs text-slate-800 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200"
      >
        {triggers.length === 0 && <option value={current}>{current}</option>}
        {triggers.map((option) => <option key={option.id} value={option.id}>{option.title} · {option.id}</option>)}
      </select>
    </label>
  )
}
