import { chromium } from '@playwright/test'
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] })
const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, colorScheme: process.argv[4] ?? 'light' })
const errors = []
page.on('pageerror', (e) => errors.push(e.message)); page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()) })
await page.goto(process.argv[2] ?? 'http://127.0.0.1:4173/')
await page.waitForTimeout(1500)
if (process.argv[5]) { await page.locator('[data-testid^="action-node-"]').nth(1).click(); await page.waitForTimeout(300) }
await page.screenshot({ path: process.argv[3] ?? '/tmp/shot.png' })
console.log('errors', errors)
await browser.close()
