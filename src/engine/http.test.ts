import { describe, expect, it } from 'vitest'
import type { HttpMock } from './flowDocument.ts'
import { runFlow } from './pipeline.ts'
import { LIBRARIES, onExecute, testFlow } from './testing.ts'

/** Runs one action and returns what it logged as JSON. */
async function logged(body: string, mocks: HttpMock[] = []) {
  const result = await runFlow(testFlow([onExecute(body)], { mocks }), { libraries: LIBRARIES })
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

describe('axios', () => {
  const mocks = [{ method: '*', url: 'https://api.test/*', status: 200, body: { ok: true }, headers: { 'x-answer': '42' } }]

  it('serializes array, object and Date params as axios does', async () => {
    const { result } = await logged(`
      const axios = require("axios")
      await axios.get("https://api.test/p", { params: { ids: [1, 2], filter: { name: "x" }, at: new Date(0), skip: undefined, none: null } })
      console.log("[]")`, mocks)
    expect(result.http[0].url).toBe('https://api.test/p?ids%5B%5D=1&ids%5B%5D=2&filter%5Bname%5D=x&at=1970-01-01T00:00:00.000Z')
  })

  it('runs interceptors, exposes AxiosHeaders and getUri, and keeps create and isAxiosError', async () => {
    const { value, result } = await logged(`
      const axios = require("axios")
      const client = axios.create({ baseURL: "https://api.test/v1", headers: { "X-Base": "b" } })
      client.interceptors.request.use((config) => { config.headers.set("X-Trace", "t1"); return config })
      client.interceptors.response.use((response) => ({ ...response, data: { wrapped: response.data } }))
      const response = await client.post("/things", { a: 1 })
      const headers = new axios.AxiosHeaders({ "Content-Type": "text/plain" })
      console.log(JSON.stringify([
        response.data, response.headers.get("x-answer"), response.headers instanceof axios.AxiosHeaders, headers.getContentType(),
        client.getUri({ url: "/x", params: { q: [1, 2] } }), axios.isAxiosError(await axios.get("https://none.test/").catch((e) => e)),
      ]))`, [...mocks])
    expect(value).toEqual([{ wrapped: { ok: true } }, '42', true, 'text/plain', 'https://api.test/v1/x?q%5B%5D=1&q%5B%5D=2', true])
    expect(result.http[0]).toMatchObject({ method: 'POST', url: 'https://api.test/v1/things', body: { a: 1 } })
    expect(result.http[0].headers).toMatchObject({ 'x-base': 'b', 'x-trace': 't1', 'content-type': 'application/json' })
  })
})
