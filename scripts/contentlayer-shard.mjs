/**
 * Contentlayer's build of one content shard (scripts/content-build.ts runs it in the shard's
 * folder): what `contentlayer2 build --config <file>` does, through Contentlayer's own API.
 *
 * Not the CLI, because the CLI switches on the Effect runtime's fiber tracing before anything
 * else (`@contentlayer2/utils/effect/Tracing/Enable`): every fiber it forks then copies its
 * execution trace, which took half of a shard's CPU time on the real corpus. The traces only
 * enrich the stack of an unexpected crash; Contentlayer's own errors are reported all the same.
 *
 *   node scripts/contentlayer-shard.mjs <contentlayer.config.ts>
 */
import * as contentlayer from 'contentlayer2/core'

const configPath = process.argv[2]
if (!configPath) throw new Error('usage: contentlayer-shard.mjs <contentlayer.config.ts>')
// runMain prints a failure and exits with 1; on success it resolves with the effect's value.
const run = contentlayer.runMain({ tracingServiceName: 'contentlayer', verbose: false })
const config = await run(contentlayer.getConfig({ configPath }))
const result = await run(contentlayer.generateDotpkg({ config, verbose: false }))
await run(contentlayer.logGenerateInfo(result))
