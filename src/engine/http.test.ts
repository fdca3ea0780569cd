import { describe, expect, it } from 'vitest'
import type { HttpMock } from './flowDocument.ts'
import { runFlow } from './pipeline.ts'
import { onExecute, testFlow } from './testing.ts'

/** Runs one action and returns what it logged as JSON. */
async function logged(body: string, mocks: HttpMock[] = []) {
  const result = await runFlow(testFlow([onExecute(body)], { mocks }))
  expect(result.error).toBeUndefined()
  return { value: JSON.parse(result.actions[0].logs[0].message) as unknown, result }
}

describe('mocked HTTP responses', () => {
  const mocks = [
    { method: 'GET', url: 'https://api.test/fail', status: 500, body: { error: 'boom' }, headers: {} },
    { method: 'GET', url: 'https://api.test/missing', status: 404, body: 'no', headers: {} },
    { method: 'GET', url: 'https://api.test/ok', status: 200, body: {}, headers: {} },
    { method: 'GET', url: 'https://api.test/odd', status: 299, body: {}, headers: {} },
  ]

  it('carry the reason phrase of their status as statusText, in fetch and axios', async () => {
    const { value } = await logged(`
      const axios = require("axios")
      const texts = []
      for (const path of ["fail", "missing", "ok", "odd"]) texts.push((await fetch("https://api.test/" + path)).statusText)
      texts.push((await axios.get("https://api.test/ok")).statusText)
      texts.push(await axios.get("https://api.test/fail").catch((error) => error.response.statusText))
      console.log(JSON.stringify(texts))`, mocks)
    expect(value).toEqual(['Internal Server Error', 'Not Found', 'OK', '', 'OK', 'Internal Server Error'])
  })
})

describe('fetch request bodies', () => {
  const mocks = [{ method: 'POST', url: 'https://api.test/form', status: 200, body: {}, headers: {} }]

  it('records the content type fetch adds for a FormData or URLSearchParams body', async () => {
    const { result } = await logged(`
      const form = new FormData(); form.append("a", "1")
      await fetch("https://api.test/form", { method: "POST", body: form })
      await fetch("https://api.test/form", { method: "POST", body: new URLSearchParams({ a: "1", b: "2" }) })
      await fetch("https://api.test/form", { method: "POST", body: new URLSearchParams("a=1"), headers: { "Content-Type": "text/x-mine" } })
      console.log("[]")`, mocks)
    expect(result.http.map((h) => h.headers['content-type'])).toEqual([
      expect.stringMatching(/^multipart\/form-data; boundary=-+formdata-undici-0\d{11}$/),
      'application/x-www-form-urlencoded;charset=UTF-8',
      'text/x-mine',
    ])
    expect(result.http.map((h) => h.body)).toEqual([{ a: '1' }, 'a=1&b=2', 'a=1'])
  })
})
