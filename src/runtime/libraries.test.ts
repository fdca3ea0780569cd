import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import nodeAxios from 'axios'
import { describe, expect, it } from 'vitest'
import { testFlow, onExecute } from '../engine/testing.ts'
import { librariesFor, LIBRARY_FILES, libraryLoaders, librarySources } from './libraries.ts'
import { contextBundleIn, libraryIn, sandboxFolder } from './sandbox/bundle.ts'

const axiosSource = readFileSync(createRequire(import.meta.url).resolve(LIBRARY_FILES.axios), 'utf8')

describe('libraries sent with a run', () => {
  it('are the ones an enabled action names', () => {
    expect(librariesFor(testFlow([onExecute('const axios = require("axios")')]))).toEqual(['axios'])
    expect(librariesFor(testFlow([onExecute('await fetch("https://a.test")')]))).toEqual([])
    expect(librariesFor(testFlow([{ code: onExecute('require("axios")'), enabled: false }]))).toEqual([])
    expect(librariesFor(testFlow([onExecute('const myaxios_ = 1')]))).toEqual([])
  })

  it('include the Node shims for a flow whose enabled actions declare dependencies, that mocks modules, or that names one of their modules', () => {
    const withDependency = testFlow([onExecute('')])
    withDependency.actions[0].dependencies = [{ name: 'jsonwebtoken', version: '9.0.3' }]
    expect(librariesFor(withDependency)).toEqual(['nodeShims'])
    expect(librariesFor({ ...withDependency, actions: [{ ...withDependency.actions[0], enabled: false }] })).toEqual([])
    const withMock = testFlow([onExecute('')])
    withMock.mocks.modules = { jsonwebtoken: 'module.exports = {}' }
    expect(librariesFor(withMock)).toEqual(['nodeShims'])
    expect(librariesFor(testFlow([onExecute('const { EventEmitter } = require("node:events"); require(`stream/promises`)')]))).toEqual(['nodeShims'])
    expect(librariesFor(testFlow([onExecute('const axios = require("axios"); require("zlib")')]))).toEqual(['axios', 'nodeShims'])
    expect(librariesFor(testFlow([onExecute('require("crypto"); require("node:util"); const events = []')]))).toEqual([])
    expect(librariesFor(testFlow([onExecute('const key = await crypto.subtle.importKey()')]))).toEqual(['nodeShims'])
    // A package that requires axios gets the playground's, which answers from the mocks.
    expect(librariesFor(withDependency, { '/node_modules/sdk/index.js': "const axios = require('axios')", '/node_modules/axios/index.js': "require('axios')" })).toEqual(['axios', 'nodeShims'])
    expect(librariesFor(withDependency, { '/node_modules/axios/lib/axios.js': "import axios from 'axios'" })).toEqual(['nodeShims'])
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
    const shims = readFileSync(libraryIn(sandboxFolder(), 'nodeShims'), 'utf8')
    for (const text of ['ERR_ACTIONS_PLAYGROUND_UNAVAILABLE', 'ERR_STREAM_PUSH_AFTER_EOF', 'incorrect header check']) {
      expect(shims).toContain(text)
      expect(bundle).not.toContain(text)
    }
  })
})
