import { spawn } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { waitForContentBuild } from '@/lib/content/gate'
import { tempDir } from './helpers'

describe('the gate a rebuild’s pages wait at while the content build runs', () => {
  it('opens at once when there is no gate file', () => {
    expect(waitForContentBuild(path.join(tempDir('gate'), 'none'))).toBeUndefined()
  })

  it('holds the reader until the content build removes the file', async () => {
    const gate = path.join(tempDir('gate'), 'gate')
    writeFileSync(gate, '')
    // Another process opens it: this one is blocked while it waits.
    const remover = spawn('sh', ['-c', `sleep 0.4; rm "${gate}"`], { stdio: 'ignore' })
    const exited = new Promise((resolve) => remover.on('exit', resolve))
    const started = performance.now()
    waitForContentBuild(gate)
    expect(existsSync(gate)).toBe(false)
    expect(performance.now() - started).toBeGreaterThanOrEqual(300)
    await exited
  })

  it('fails, naming the gate, when the content build failed', () => {
    const gate = path.join(tempDir('gate'), 'gate')
    writeFileSync(gate, 'failed')
    expect(() => waitForContentBuild(gate)).toThrow(/content build failed .*gate/)
  })
})
