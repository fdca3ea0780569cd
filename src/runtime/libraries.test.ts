import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import nodeAxios from 'axios'
import { describe, expect, it } from 'vitest'
import { testFlow, onExecute } from '../engine/testing.ts'
import { librariesFor, LIBRARY_FILES, libraryLoaders, librarySources } from './libraries.ts'
import { contextBundleIn, sandboxFolder } from './sandbox/bundle.ts'

const axiosSource = readFileSync(createRequire(import.meta.url).resolve(LIBRARY_FILES.axios), 'utf8')

describe('libraries sent with a run', () => {
  it('are the ones an enabled action names', () => {
    expect(librariesFor(testFlow([onExecute('const axios = require("axios")')]))).toEqual(['axios'])
    expect(librariesFor(testFlow([onExecute('await fetch("https://a.test")')]))).toEqual([])
    expect(librariesFor(testFlow([{ code: onExecute('require("axios")'), enabled: false }]))).toEqual([])
    expect(librariesFor(testFlow([onExecute('const myaxios_ = 1')]))).toEqual([])
  })

  it('are read only for a flow that needs them', async () => {
    const asked: string[] = []
    const load = async (name: string) => { asked.push(name); return 'source' }
    expect(await librarySources(testFlow([onExecute('')]), load)).toEqual({})
    expect(await librarySources(testFlow([onExecute('require("node:axios")')]), load)).toEqual({ axios: 'source' })
    expect(asked).toEqual(['axios'])
  })

  it('are evaluated in the realm on first use, once', () => {
    const loaders = libraryLoaders({ axios: axiosSource })
    const axios = loaders.axios!()
    expect(typeof axios.create).toBe('function')
    const config = { url: 'https://a.test/x', params: { list: [1, 2], at: new Date(0) } }
    expect(axios.getUri(config)).toBe(nodeAxios.getUri(config))
    expect(loaders.axios!()).toBe(axios)
    expect(libraryLoaders({})).toEqual({})
  })

  it('are not part of the engine bundle', () => {
    const bundle = readFileSync(contextBundleIn(sandboxFolder()), 'utf8')
    expect(bundle).toContain('onExecutePostLogin')
    expect(axiosSource).toContain('ERR_BAD_OPTION_VALUE')
    expect(bundle).not.toContain('ERR_BAD_OPTION_VALUE')
  })
})
