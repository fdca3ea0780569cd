import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig, devices } from '@playwright/test'

const DEV = !!process.env.E2E_DEV
// E2E_PORT lets several checkouts run their suites side by side.
const PORT = Number(process.env.E2E_PORT) || (DEV ? 5173 : 4173)
/** Where the static server logs every request it gets (e2e tests read it to see what reached the server). */
export const REQUEST_LOG = join(tmpdir(), `actions-playground-requests-${PORT}.log`)
// Debian's Chromium when present (this machine, CI); otherwise Playwright's own browser.
const SYSTEM_CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const executablePath = existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined

export default defineConfig({
  testDir: './e2e',
  timeout: 30_000,
  // A shared 2-core machine can take seconds for what usually takes a frame; an assertion still has to hold.
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: 'list',
  // The README's screenshots are taken on demand (`npm run screenshots`), not in every test run.
  grepInvert: process.env.SCREENSHOTS ? undefined : /@screenshots/,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    // A returning user: the examples gallery that greets a first visit stays closed (the gallery tests clear this).
    storageState: { cookies: [], origins: [{ origin: `http://127.0.0.1:${PORT}`, localStorage: [{ name: 'actions-playground:welcomed', value: '1' }] }] },
  },
  webServer: {
    // The built app on a plain static file server, as it will be hosted (the dev server only with E2E_DEV).
    // Every request is logged, so tests can check what reached the app's own server.
    command: DEV
      ? `npx vite --port ${PORT} --strictPort --host 127.0.0.1`
      : `node e2e/serve.mjs dist ${PORT} ${REQUEST_LOG}`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath,
          args: [
            '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
            '--disable-background-networking', '--disable-component-update', '--disable-sync',
            '--disable-dev-shm-usage',
          ],
        },
      },
    },
  ],
})
