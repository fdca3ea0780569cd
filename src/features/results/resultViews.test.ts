import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { runFlow } from '../../engine/pipeline.ts'
import { onExecute, testFlow } from '../../engine/testing.ts'
import type { RunResult } from '../../engine/types.ts'
import { EXAMPLES, findExample } from '../../examples/catalog.ts'
import { PlaygroundProvider } from '../../store/context.tsx'
import { ConsoleView } from './ConsoleView.tsx'
import { DetailsView } from './DetailsView.tsx'
import { MetadataDiff } from './MetadataDiff.tsx'
import { TimelineEntryRow } from './TimelineEntryRow.tsx'
import { TokensView } from './TokensView.tsx'

const BEFORE = { app_metadata: { plan: 'gold' }, user_metadata: { language: 'en' } }

function renderViews(result: RunResult) {
  return {
    // A token's claims are masked with the secrets of the run in the store of its provider.
    tokens: renderToStaticMarkup(createElement(PlaygroundProvider, null, createElement(TokensView, { result }))),
    metadata: renderToStaticMarkup(createElement(MetadataDiff, { result, before: BEFORE })),
    details: renderToStaticMarkup(createElement(DetailsView, { result })),
    // A console line reveals its line in the code: it acts on the store of its provider.
    console: renderToStaticMarkup(createElement(PlaygroundProvider, null, createElement(ConsoleView, { result }))),
  }
}

async function runExample(slug: string) {
  return runFlow(findExample(slug)!.document, { now: '2026-05-04T12:00:00Z', seed: 1 })
}

describe('result views', () => {
  it('render every example', async () => {
    // An endless loop can only be stopped by a worker runtime, not inline.
    for (const example of EXAMPLES.filter((item) => item.slug !== 'endless-loop')) {
      const views = renderViews(await runExample(example.slug))
      expect(views.tokens, example.slug).toMatch(/data-testid="(tokens-view|tokens-none)"/)
      expect(views.metadata, example.slug).toContain('data-testid="metadata-diff"')
      expect(views.details, example.slug).toContain('data-testid="details-view"')
      expect(views.console, example.slug).toContain('data-testid="console-view"')
    }
  })

  it('show both tokens with the custom claims marked', async () => {
    const { tokens, details, console } = renderViews(await runExample('roles-into-tokens'))
    for (const key of ['id', 'access']) {
      expect(tokens).toContain(`data-testid="token-${key}"`)
      expect(tokens).toContain(`data-testid="token-verified-${key}" data-state="pending"`)
      expect(tokens).toMatch(new RegExp(`data-testid="token-payload-${key}"[^]*data-claim="https://my-app.example.com/roles"[^>]*>[^]*← custom claim`))
    }
    expect(tokens).toContain('← granted scopes')
    expect(tokens).toContain('2026-05-04 22:00:00 UTC, 10 h after iat')
    expect(details).toContain('data-testid="details-empty"')
    expect(console).toContain('No console output.')
  })

  it('say why a denied login has no tokens, and show the metadata written anyway', async () => {
    const result = await runExample('deny-skips-later-actions')
    const { tokens, metadata, console } = renderViews(result)
    expect(tokens).toContain('The login was denied in “Deny example.com on My SPA”: no tokens are issued.')
    expect(metadata).toContain('data-testid="diff-app_metadata-last_login_app" data-change="added"')
    expect(metadata).toContain('data-testid="diff-app_metadata-plan" data-change="unchanged"')
    expect(metadata).toContain('1 profile write')
    expect(console).toContain('data-testid="console-line"')
    expect(console).toContain('line 6')
  })

  it('show each thing a run touched in its own section', async () => {
    const result = await runFlow(testFlow([onExecute(`
      api.multifactor.enable('any', { allowRememberBrowser: true })
      api.session.setExpiresAt(Date.parse('2026-06-01T00:00:00Z'))
      api.samlResponse.setAttribute('http://schemas.example.com/role', 'admin')
      api.transaction.setMetadata('step', 2)
      api.cache.set('seen', 'yes')
      api.authentication.recordMethod('https://idp.example.com')
      api.idToken.setCustomClaim('nonce', 'x')
      await fetch('https://api.example.com/score').catch(() => {})
      console.warn('careful')
    `)]), { now: '2026-05-04T12:00:00Z' })
    const { tokens, details, console } = renderViews(result)
    for (const section of ['mfa', 'saml', 'session', 'transaction-metadata', 'cache', 'http', 'warnings']) {
      expect(details).toContain(`data-testid="details-${section}"`)
    }
    expect(details).not.toContain('data-testid="details-authentication"')
    expect(details).toContain('2026-06-01 00:00:00 UTC')
    expect(details).toContain('no mock')
    expect(details).toContain('recordMethod is only available in onContinuePostLogin')
    expect(details).not.toContain('Auth0 drops the claim')
    expect(tokens).toContain('Auth0 drops the claim &quot;nonce&quot; from the ID token')
    expect(console).toContain('data-level="warn"')
  })

  it('explain an opaque access token', async () => {
    const result = await runFlow(testFlow([onExecute(`api.accessToken.setCustomClaim('https://example.com/x', 1)`)], {
      event: (event) => {
        delete event.resource_server
        delete event.request.query.audience
      },
    }))
    const { tokens, details } = renderViews(result)
    expect(tokens).toContain('data-testid="token-opaque-access"')
    expect(tokens).not.toContain('data-testid="token-payload-access"')
    expect(tokens).toContain('Its custom claims are not delivered: https://example.com/x.')
    expect(details).toContain('data-testid="details-empty"')
  })

  it('show a 10 MB value cut, with a way to show all of it, in the metadata, the tokens, the details and the timeline', async () => {
    const TEN_MB = 'x'.repeat(10_000_000)
    const result = await runFlow(testFlow([onExecute(`
      api.user.setAppMetadata('notes', event.user.name)
      await fetch('https://api.example.com/notes')
    `)], { event: (event) => { event.user.name = TEN_MB }, mocks: [{ method: 'GET', url: 'https://api.example.com/notes', status: 200, body: { notes: TEN_MB }, headers: {} }] }))
    expect(result.status).toBe('completed')
    const views = renderViews(result)
    const row = renderToStaticMarkup(createElement(TimelineEntryRow, {
      entry: { ...result.timeline.find((entry) => entry.call === 'api.user.setAppMetadata')!, args: ['notes', TEN_MB] },
      index: 0, current: false, expanded: true, onSelect: () => {}, onToggle: () => {},
    }))
    for (const [view, markup] of Object.entries({ ...views, row })) {
      if (view === 'console') continue
      expect(markup.length, view).toBeLessThan(200_000)
      // The engine keeps 10,000 characters of a string in the timeline and in HTTP exchanges; the views cut that too.
      expect(markup, view).toMatch(/Show all \((9,998,000|8,\d{3}) more characters\)/)
    }
  })

  it('mark what the Management API stand-in answered, its metadata write apart from the trigger\'s, and its changes', async () => {
    const doc = testFlow([onExecute(`
      const domain = 'acme-dev.us.auth0.com'
      const { access_token } = await (await fetch('https://' + domain + '/oauth/token', { method: 'POST', body: new URLSearchParams({
        grant_type: 'client_credentials', client_id: 'c', client_secret: 's', audience: 'https://' + domain + '/api/v2/' }) })).json()
      const call = (method, path, body) => fetch('https://' + domain + '/api/v2/users/' + encodeURIComponent(event.user.user_id) + path, {
        method, headers: { authorization: 'Bearer ' + access_token, 'content-type': 'application/json' }, body: body && JSON.stringify(body) })
      await call('PATCH', '', { app_metadata: { crm_id: 'C-17' } })
      await call('POST', '/roles', { roles: ['rol_Member000000000'] })
      api.user.setAppMetadata('last_login_app', event.client.name)
    `)])
    doc.mocks.managementApi = { roles: [{ id: 'rol_Member000000000', name: 'member' }] }
    const result = await runFlow(doc, { now: '2026-05-04T12:00:00Z' })
    expect(result.status).toBe('completed')
    const { metadata, details } = renderViews(result)
    expect(metadata).toContain('2 profile writes')
    expect(metadata).toMatch(/data-when="management-api"[^>]*>[^]*through the Management API \(PATCH \/api\/v2\/users\/\{id\} by Action 1, answered by the stand-in\), apart from the trigger&#x27;s write:/)
    expect(metadata).toContain('data-when="end"')
    expect(details).toContain('data-stand-in="management-api"')
    expect(details).toContain('answered by the Management API stand-in (no HTTP mock matched)')
    expect(details).toContain('data-testid="details-management-api"')
    expect(details).toContain('data-kind="user.update"')
    expect(details).toContain('data-kind="roles.assign"')
    const http = result.timeline.find((entry) => entry.kind === 'http')!
    const row = renderToStaticMarkup(createElement(TimelineEntryRow, { entry: http, index: 0, current: false, expanded: false, onSelect: () => {}, onToggle: () => {} }))
    expect(row).toContain('data-testid="timeline-stand-in"')
  })
})
