import { existsSync } from 'node:fs'
import path from 'node:path'
import { defineConfig, devices } from '@playwright/test'
import { CORPUS_DIR, CORPUS_SITE_DIR, sharedCorpusPresent } from './scripts/shared-corpus'
import { chromiumLaunchOptions } from './scripts/chromium'

const port = Number(process.env.E2E_PORT ?? 3210)
/** The preview deployment (`npm run build:preview`) is served next to production. */
const previewPort = port + 1
// port + 2: e2e/search-dev.spec.ts's `npm run dev`; + 10, + 11, + 20: e2e/shared-cache.spec.ts.
/** The build over the real corpus (`npm run build:corpus`), where ../shared is present. */
const corpusPort = port + 3
const corpusBuilt = existsSync(path.join(CORPUS_SITE_DIR, '.next', 'BUILD_ID'))
const withCorpus = sharedCorpusPresent(CORPUS_DIR, 'the real-corpus end-to-end tests') && (corpusBuilt || Boolean(process.env.CI))
if (withCorpus && !corpusBuilt) throw new Error(`the real-corpus build is missing (${CORPUS_SITE_DIR}): run \`npm run build:corpus\` first`)
if (!withCorpus && !corpusBuilt) console.warn('the real-corpus end-to-end tests skipped: run `npm run build:corpus` first (npm test does)')
/** A test-only value; production deployments set their own PREVIEW_SECRET. */
export const E2E_PREVIEW_SECRET = 'e2e-preview-secret'
/** What `npm test` builds with (package.json): feeds and canonical links name this origin. */
const SITE_URL = 'http://localhost:3000'

/**
 * Debian's Chromium when present (offline machines, CI); Playwright's own browser elsewhere. It
 * resolves no host name but 127.0.0.1: remote requests (thumbnails on feed CDNs) fail at once, as
 * on an offline machine, with nothing intercepted (routing every request through Playwright to
 * abort the remote ones cost the browser tests a tenth of their time).
 */
const launchOptions = { ...chromiumLaunchOptions, args: [...chromiumLaunchOptions.args, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'] }

/** Specs that run in a project of their own (below), against another server or after the others. */
const ownProjects = /preview-deployment|content-refresh|shared-cache|real-corpus/

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  workers: 2,
  reporter: process.env.CI ? 'line' : 'list',
  // A failed test runs once more, recording a trace (playwright-report/, test-results/): recording
  // one for every test costs a passing run a quarter of its time. A test that passes only on that
  // second run still fails the run (failOnFlakyTests).
  retries: 1,
  failOnFlakyTests: true,
  use: { baseURL: `http://127.0.0.1:${port}`, trace: 'on-first-retry' },
  // Every browser test runs on a desktop and on a phone, except two kinds that would only repeat
  // themselves there: @http tests ask the server only (no browser; the server's answer does not
  // depend on the device) and run once in the HTTP project; @once tests set their own viewport (or
  // start a dev server) and run once, in Desktop Chrome.
  projects: [
    { name: 'Desktop Chrome', testIgnore: ownProjects, grepInvert: /@http/, use: { ...devices['Desktop Chrome'], launchOptions } },
    { name: 'Pixel 7', testIgnore: ownProjects, grepInvert: /@http|@once/, use: { ...devices['Pixel 7'], launchOptions } },
    // Raw HTTP against the production server, no browser.
    { name: 'HTTP', testIgnore: ownProjects, grep: /@http/ },
    {
      name: 'Preview deployment',
      testMatch: /preview-deployment/,
      use: { ...devices['Desktop Chrome'], launchOptions, baseURL: `http://127.0.0.1:${previewPort}` },
    },
    {
      // Adds articles and runs `npm run content` beside the running server: after everything else.
      name: 'Content refresh',
      testMatch: /content-refresh/,
      dependencies: ['Desktop Chrome', 'Pixel 7', 'HTTP', 'Preview deployment'],
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
    // Two more instances of the production build sharing a Redis of their own (no browser).
    { name: 'Shared cache', testMatch: /shared-cache/, dependencies: ['Content refresh'] },
    ...(withCorpus
      ? [
          {
            // Its own server; it waits for the others only to run beside Content refresh, whose
            // scheduled article leaves a worker waiting.
            name: 'Real corpus',
            testMatch: /real-corpus/,
            dependencies: ['Desktop Chrome', 'Pixel 7', 'HTTP', 'Preview deployment'],
            use: { ...devices['Desktop Chrome'], launchOptions, baseURL: `http://127.0.0.1:${corpusPort}` },
          },
        ]
      : []),
  ],
  // The production build, the preview build and the real-corpus build (`npm test` runs the builds first).
  webServer: [
    {
      command: `npx next start -H 127.0.0.1 -p ${port}`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      // TRUSTED_PROXIES=1: the tests play a reverse proxy, each naming its client in X-Forwarded-For.
      env: { NEXT_TELEMETRY_DISABLED: '1', PREVIEW_SECRET: E2E_PREVIEW_SECRET, TRUSTED_PROXIES: '1', SITE_URL },
    },
    {
      // Its own deployment folder (scripts/build-preview.ts): its own public/, with its own index.
      command: `npx next start .preview-deployment -H 127.0.0.1 -p ${previewPort}`,
      url: `http://127.0.0.1:${previewPort}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      env: { NEXT_TELEMETRY_DISABLED: '1', VERCEL_ENV: 'preview', NEXT_DIST_DIR: '.next', SITE_URL },
    },
    ...(withCorpus
      ? [
          {
            command: `npx next start -H 127.0.0.1 -p ${corpusPort}`,
            cwd: CORPUS_SITE_DIR,
            url: `http://127.0.0.1:${corpusPort}/`,
            reuseExistingServer: !process.env.CI,
            timeout: 60_000,
            env: { NEXT_TELEMETRY_DISABLED: '1', SITE_URL },
          },
        ]
      : []),
  ],
})
