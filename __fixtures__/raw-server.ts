import { createServer, type AddressInfo, type Socket } from 'node:net'

/**
 * What the server writes on one connection once it has read the request head, byte for byte, and what it does
 * next: close the connection, destroy it mid-stream, or hold it open and say nothing more.
 */
export interface RawReply {
  readonly bytes: string
  readonly then: 'end' | 'destroy' | 'hold'
}

export interface RawServer {
  /** e.g. http://127.0.0.1:40000 */
  readonly origin: string
  readonly port: number
  /** The head of each request received (request line and headers). */
  readonly requests: string[]
  /** Queues replies, one per connection; past them, every connection gets `fallback`. */
  script(...replies: RawReply[]): void
  close(): Promise<void>
}

/**
 * A TCP server on 127.0.0.1 that answers with exactly the bytes a test scripts: the answers node:http will not
 * write (a Content-Length it then breaks, a body cut off mid-way, a proxy's refusal of CONNECT).
 */
export async function startRawServer(fallback: RawReply = rawHttp(404, '', 'end')): Promise<RawServer> {
  const requests: string[] = []
  const queue: RawReply[] = []
  const sockets = new Set<Socket>()
  const server = createServer(socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => {})
    let head = ''
    const onData = (chunk: Buffer) => {
      head += chunk.toString('latin1')
      const end = head.indexOf('\r\n\r\n')
      if (end < 0) return
      socket.off('data', onData)
      requests.push(head.slice(0, end))
      const reply = queue.shift() ?? fallback
      socket.write(reply.bytes, 'latin1')
      if (reply.then === 'end') socket.end()
      if (reply.then === 'destroy') socket.destroy()
    }
    socket.on('data', onData)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    script: (...replies) => void queue.push(...replies),
    close: () =>
      new Promise<void>(resolve => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}

/** An HTTP/1.1 answer: the status line, `headers`, and `body` (no Content-Length unless `headers` has one). */
export function rawHttp(
  status: number,
  body: string,
  then: RawReply['then'],
  headers: Record<string, string> = {}
): RawReply {
  const lines = [`HTTP/1.1 ${status} Status`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)]
  return { bytes: `${lines.join('\r\n')}\r\n\r\n${body}`, then }
}
