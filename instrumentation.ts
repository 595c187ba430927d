/**
 * Runs once when the server starts: every request passes through lib/server-request.ts before
 * Next handles it (answers for methods Next cannot parse, the real peer address, no Range).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const http = await import('node:http')
  const { prepareRequest } = await import('./lib/server-request')
  type Emit = (this: unknown, event: string | symbol, ...args: unknown[]) => boolean
  const prototype = http.Server.prototype as unknown as { emit: Emit }
  const emit = prototype.emit
  prototype.emit = function (event, ...args) {
    if (event === 'request' && prepareRequest(args[0] as InstanceType<typeof http.IncomingMessage>, args[1] as InstanceType<typeof http.ServerResponse>)) return true
    return emit.call(this, event, ...args)
  }
}
