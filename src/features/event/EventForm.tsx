/**
 * The event fields people change most, as a form kept in step with the JSON: a change here replaces
 * the event (and so the JSON text), and the JSON's changes show here.
 */
import { useMemo, useState, type ReactNode } from 'react'
import { useEvent, useStoreApi } from '../../store/hooks.ts'
import { selectDoc } from '../../store/selectors.ts'
import { CONTINENTS, COUNTRIES } from './countries.ts'
import { readEventForm, writeEventForm, type EventFormField, type EventFormValues } from './eventForm.ts'
import { megabytes } from '../../engine/serialize.ts'

type Parsed<T> = { ok: true; value: T } | { ok: false; error: string }

const input = 'w-full rounded border border-slate-300 bg-white px-2 py-1 text-xs dark:border-slate-600 dark:bg-slate-800 disabled:opacity-50'

/** Writes a field of the form into the event of the store's current playground. */
function useCommit() {
  const store = useStoreApi()
  return <F extends EventFormField>(field: F, value: EventFormValues[F]) => {
    const state = store.getState()
    state.replaceEvent(writeEventForm(selectDoc(state).event, field, value))
  }
}

/**
 * Text that does not round-trip through its value (a list being typed, JSON half written) is kept as
 * typed while the value it stands for is still the event's; a change from elsewhere replaces it.
 */
function useDraft<T>(value: T, format: (value: T) => string, parse: (text: string) => Parsed<T>, onValue: (value: T) => void) {
  const [draft, setDraft] = useState<{ text: string; base: string } | null>(null)
  const current = JSON.stringify(value)
  const text = draft?.base === current ? draft.text : format(value)
  const parsed = parse(text)
  const change = (next: string) => {
    const result = parse(next)
    setDraft({ text: next, base: result.ok ? JSON.stringify(result.value) : current })
    if (result.ok) onValue(result.value)
  }
  return { text, error: parsed.ok ? null : parsed.error, change }
}

const parseRoles = (text: string): Parsed<string[]> => ({ ok: true, value: text.split(',').map((role) => role.trim()).filter(Boolean) })

function parseCount(text: string): Parsed<number> {
  const value = Number(text)
  return text.trim() && Number.isInteger(value) && value >= 0 ? { ok: true, value } : { ok: false, error: 'A whole number, 0 or more.' }
}

function parseObject(text: string): Parsed<Record<string, unknown>> {
  try {
    const value: unknown = JSON.parse(text)
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return { ok: true, value: value as Record<string, unknown> }
    return { ok: false, error: 'Must be a JSON object, e.g. {"plan": "gold"}.' }
  } catch (error) {
    return { ok: false, error: (error as Error).message }
  }
}

function Field({ label, field, error, wide, children }: { label: string; field: EventFormField; error?: string | null; wide?: boolean; children: ReactNode }) {
  return (
    <label className={`block text-xs text-slate-600 dark:text-slate-400 ${wide ? 'col-span-2' : ''}`}>
      <span className="mb-0.5 block">{label}</span>
      {children}
      {error && <span data-testid={`event-form-${field}-error`} className="mt-0.5 block text-red-700 dark:text-red-400">{error}</span>}
    </label>
  )
}

/** Past this many characters, metadata is not put in a text field: megabytes in a textarea freeze the page. */
const FIELD_SIZE_LIMIT = 100_000

function JsonObjectField({ label, field, value }: { label: string; field: 'app_metadata' | 'user_metadata'; value: Record<string, unknown> }) {
  const size = useMemo(() => JSON.stringify(value).length, [value])
  if (size <= FIELD_SIZE_LIMIT) return <JsonObjectEditor label={label} field={field} value={value} />
  return (
    <Field label={label} field={field} wide>
      <span data-testid={`event-form-${field}`} className="block text-slate-700 dark:text-slate-300">{megabytes(size)} of JSON: too big to edit in this form; the event JSON below holds it.</span>
    </Field>
  )
}

function JsonObjectEditor({ label, field, value }: { label: string; field: 'app_metadata' | 'user_metadata'; value: Record<string, unknown> }) {
  const commit = useCommit()
  const draft = useDraft(value, (object) => JSON.stringify(object, null, 2), parseObject, (object) => commit(field, object))
  return (
    <Field label={label} field={field} error={draft.error} wide>
      <textarea
        data-testid={`event-form-${field}`}
        value={draft.text}
        rows={Math.min(6, draft.text.split('\n').length)}
        spellCheck={false}
        aria-invalid={!!draft.error}
        onChange={(event) => draft.change(event.target.value)}
        className={`${input} font-mono`}
      />
    </Field>
  )
}

export function EventForm({ disabled }: { disabled: boolean }) {
  const commit = useCommit()
  const values = readEventForm(useEvent())
  const roles = useDraft(values.roles, (list) => list.join(', '), parseRoles, (list) => commit('roles', list))
  const logins = useDraft(values.logins_count, String, parseCount, (count) => commit('logins_count', count))
  const countries = COUNTRIES.some((country) => country.code === values.country) || !values.country
    ? COUNTRIES
    : [{ code: values.country, name: values.country }, ...COUNTRIES]

  return (
    <fieldset disabled={disabled} data-testid="event-form" className="grid grid-cols-2 gap-x-3 gap-y-2">
      <Field label="Email (user.email)" field="email">
        <input data-testid="event-form-email" type="email" value={values.email} onChange={(event) => commit('email', event.target.value)} className={input} />
      </Field>
      <Field label="Client name (client.name)" field="client_name">
        <input data-testid="event-form-client_name" value={values.client_name} onChange={(event) => commit('client_name', event.target.value)} className={input} />
      </Field>
      <Field label="Roles, comma-separated (authorization.roles)" field="roles">
        <input data-testid="event-form-roles" value={roles.text} onChange={(event) => roles.change(event.target.value)} className={input} />
      </Field>
      <Field label="Logins (stats.logins_count)" field="logins_count" error={logins.error}>
        <input data-testid="event-form-logins_count" type="number" min={0} step={1} value={logins.text} aria-invalid={!!logins.error} onChange={(event) => logins.change(event.target.value)} className={input} />
      </Field>
      <Field label="API audience (resource_server)" field="audience">
        <input data-testid="event-form-audience" value={values.audience} placeholder="none: no API requested" onChange={(event) => commit('audience', event.target.value.trim())} className={input} />
      </Field>
      <label className="flex items-center gap-1.5 self-end pb-1 text-xs text-slate-600 dark:text-slate-300">
        <input data-testid="event-form-email_verified" type="checkbox" checked={values.email_verified} onChange={(event) => commit('email_verified', event.target.checked)} />
        Email verified (user.email_verified)
      </label>
      <Field label="Country (request.geoip)" field="country">
        <select data-testid="event-form-country" value={values.country} onChange={(event) => commit('country', event.target.value)} className={input}>
          {!values.country && <option value="">unknown</option>}
          {countries.map((country) => <option key={country.code} value={country.code}>{country.name} ({country.code})</option>)}
        </select>
      </Field>
      <Field label="Continent (request.geoip.continentCode)" field="continent">
        <select data-testid="event-form-continent" value={values.continent} onChange={(event) => commit('continent', event.target.value)} className={input}>
          {!(values.continent in CONTINENTS) && <option value={values.continent}>{values.continent || 'unknown'}</option>}
          {Object.entries(CONTINENTS).map(([code, name]) => <option key={code} value={code}>{name} ({code})</option>)}
        </select>
      </Field>
      <JsonObjectField label="App metadata (user.app_metadata)" field="app_metadata" value={values.app_metadata} />
      <JsonObjectField label="User metadata (user.user_metadata)" field="user_metadata" value={values.user_metadata} />
    </fieldset>
  )
}
