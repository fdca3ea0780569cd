import { defineConfig } from 'vitest/config'

export default defineConfig({
  // The CLI's sandbox, tested in-process, needs it to keep import() inside its contexts (sandbox/sandboxHost.ts).
  test: { environment: 'node', include: ['src/**/*.test.ts'], testTimeout: 30_000, execArgv: ['--experimental-vm-modules'] },
})
