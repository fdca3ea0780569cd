import { expect, test } from '@playwright/test'
import { openDesigner, selectNode } from './helpers.ts'

test('an action\'s npm dependencies are added, versioned and removed in the Dependencies tab, and a share link carries them', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await openDesigner(page)
  await selectNode(page, 'Roles into tokens')
  await page.getByRole('tab', { name: 'Dependencies' }).click()
  const panel = page.getByTestId('dependencies-panel')
  await expect(panel).toContainText('No dependencies yet.')

  await panel.getByLabel('New dependency name').click()
  await page.keyboard.type('Json Web Token')
  await expect(panel.getByRole('alert')).toContainText('lowercase')
  await expect(panel.getByRole('button', { name: 'Add dependency' })).toBeDisabled()
  await panel.getByLabel('New dependency name').fill('')
  await page.keyboard.type('jsonwebtoken')
  await panel.getByLabel('New dependency version').fill('')
  await page.keyboard.type('9.0.2')
  await page.keyboard.press('Enter')
  await panel.getByLabel('New dependency name').click()
  await page.keyboard.type('ipaddr.js')
  await panel.getByRole('button', { name: 'Add dependency' }).click()

  const list = panel.getByRole('list', { name: 'Dependencies' })
  await expect(list.getByRole('listitem')).toHaveCount(2)
  await expect(panel.getByLabel('Version of ipaddr.js')).toHaveValue('latest')
  await panel.getByLabel('Version of ipaddr.js').fill('2.2.0')
  const dependencies = () => page.evaluate(() => window.__playgroundStore!.getState().doc.actions.find((action) => action.name === 'Roles into tokens')!.dependencies)
  expect(await dependencies()).toEqual([{ name: 'jsonwebtoken', version: '9.0.2' }, { name: 'ipaddr.js', version: '2.2.0' }])

  await page.getByTestId('share').click()
  const link = await page.getByTestId('share-link').inputValue()
  await page.keyboard.press('Escape')
  await panel.getByRole('button', { name: 'Remove jsonwebtoken' }).click()
  expect(await dependencies()).toEqual([{ name: 'ipaddr.js', version: '2.2.0' }])

  const other = await context.newPage()
  await other.goto(link)
  const shared = await other.evaluate(() => window.__playgroundStore!.getState().doc.actions.find((action) => action.name === 'Roles into tokens')!.dependencies)
  expect(shared).toEqual([{ name: 'jsonwebtoken', version: '9.0.2' }, { name: 'ipaddr.js', version: '2.2.0' }])
})
