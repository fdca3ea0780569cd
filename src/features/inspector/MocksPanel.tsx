import { useState } from 'react'
import type { HttpMock } from '../../engine/flowDocument.ts'
import { parseJson } from '../../engine/json.ts'
import { useHttpMocks, useStore } from '../../store/hooks.ts'

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', '*']
const field = 'rounded border border-slate-300 bg-white px-2 py-1 text-xs dark:border-slate-600 dark:bg-slate-800'

function bodyText(body: unknown): string {
  if (body === undefined) return ''
  return typeof body === 'string' ? body : JSON.stringify(body, null, 2)
}

function headersText(headers: Record<string, string>): string {
  return Object.entries(headers).map(([name, value]) => `${name}: ${value}`).join('\n')
}

/** `Name: value` lines; lines without a colon are reported, not dropped silently. */
function parseHeaders(text: string): { headers: Record<string, string>; bad: string[] } {
  const headers: Record<string, string> = {}
  const bad: string[] = []
  for (const line of text.split('\n').map((item) => item.trim()).filter(Boolean)) {
    const colon = line.indexOf(':')
    if (colon <= 0) bad.push(line)
    else headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim()
  }
  return { headers, bad }
}

function MockEditor({ mock, index, onChange, onRemove }: { mock: HttpMock; index: number; onChange: (mock: HttpMock) => void; onRemove: () => void }) {
  // What the user typed is kept as typed; the mock gets the parsed value.
  const [body, setBody] = useState(() => bodyText(mock.body))
  const [headers, setHeaders] = useState(() => headersText(mock.headers))
  const parsedBody = body.trim() ? parseJson(body) : null
  const badHeaders = parseHeaders(headers).bad
  return (
    <li data-testid={`mock-${index}`} className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-700">
      <div className="flex gap-2">
        <select aria-label="Method" value={mock.method} onChange={(event) => onChange({ ...mock, method: event.target.value })} className={field}>
          {METHODS.map((method) => <option key={method} value={method}>{method === '*' ? 'any' : method}</option>)}
        </select>
        <input aria-label="URL" value={mock.url} placeholder="https://api.example.com/path (* matches anything)" onChange={(event) => onChange({ ...mock, url: event.target.value })} className={`${field} min-w-0 flex-1 font-mono`} />
        <input aria-label="Status" type="number" min={100} max={599} value={mock.status} onChange={(event) => onChange({ ...mock, status: Math.min(599, Math.max(100, Number(event.target.value) || 200)) })} className={`${field} w-16`} />
        <button type="button" aria-label="Remove mock" onClick={onRemove} className="rounded px-1.5 text-slate-600 dark:text-slate-400 hover:bg-red-50 hover:text-red-600 dark:hover:bg-red-950">✕</button>
      </div>
      <label className="block text-xs text-slate-600 dark:text-slate-400">
        Response body
        <textarea
          aria-label="Response body"
          value={body}
          rows={4}
          spellCheck={false}
          onChange={(event) => {
            const text = event.target.value
            setBody(text)
            const parsed = text.trim() ? parseJson(text) : null
            onChange({ ...mock, body: parsed === null ? undefined : parsed.ok ? parsed.value : text })
          }}
          className={`${field} mt-1 block w-full font-mono`}
        />
      </label>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {parsedBody === null ? 'No body.' : parsedBody.ok ? 'Sent as JSON.' : `Not JSON, so sent as text (${parsedBody.errors[0]}).`}
      </p>
      <label className="block text-xs text-slate-600 dark:text-slate-400">
        Response headers, one <code>Name: value</code> per line
        <textarea
          aria-label="Response headers"
          value={headers}
          rows={2}
          spellCheck={false}
          onChange={(event) => { setHeaders(event.target.value); onChange({ ...mock, headers: parseHeaders(event.target.value).headers }) }}
          className={`${field} mt-1 block w-full font-mono`}
        />
      </label>
      {badHeaders.length > 0 && <p role="alert" className="text-xs text-red-700 dark:text-red-400">Not a header (missing “:”): {badHeaders.join(', ')}</p>}
    </li>
  )
}

/** The flow's HTTP mocks: what `fetch` and `require('axios')` in actions get back. */
export function MocksPanel() {
  const mocks = useHttpMocks()
  const setMocks = useStore((state) => state.setMocks)
  // Editors are keyed by a counter so removing one never hands its typed text to another.
  const [keys, setKeys] = useState(() => mocks.map((_, index) => index))
  const [nextKey, setNextKey] = useState(mocks.length)
  const add = () => {
    setMocks([...mocks, { method: 'GET', url: 'https://api.example.com/', status: 200, body: {}, headers: {} }])
    setKeys([...keys, nextKey])
    setNextKey(nextKey + 1)
  }
  return (
    <div data-testid="mocks-panel" className="space-y-3 p-4 text-sm">
      <p className="text-slate-600 dark:text-slate-400">
        Actions reach the network only through <code>fetch</code> and <code>require('axios')</code>, answered here. A mock URL without a query matches any query; an unmocked request fails with its URL.
      </p>
      <ul className="space-y-3">
        {mocks.map((mock, index) => (
          <MockEditor
            key={keys[index] ?? `extra-${index}`}
            mock={mock}
            index={index}
            onChange={(next) => setMocks(mocks.map((item, position) => (position === index ? next : item)))}
            onRemove={() => { setMocks(mocks.filter((_, position) => position !== index)); setKeys(keys.filter((_, position) => position !== index)) }}
          />
        ))}
      </ul>
      <button type="button" onClick={add} className="rounded border border-dashed border-slate-400 px-3 py-1.5 text-xs hover:border-indigo-500 hover:text-indigo-700 dark:hover:text-indigo-300">
        + Add HTTP mock
      </button>
    </div>
  )
}
