import { readdirSync, readFileSync, readlinkSync } from 'node:fs'

// Which TCP ports a process listens on, read from Linux's /proc as `ss -lpt` reads it: the sockets among its open
// descriptors (`socket:[inode]`) matched against the kernel's TCP tables (state 0A is LISTEN).

/** The ports listening in these /proc/net/tcp{,6} tables whose socket inode is one of `inodes`. */
export function listeningPorts(tcpTables: string, inodes: ReadonlySet<string>): number[] {
  const ports: number[] = []
  for (const line of tcpTables.split('\n')) {
    const fields = line.trim().split(/\s+/)
    // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
    const [, local, , state, , , , , , inode] = fields
    if (state === '0A' && inode !== undefined && inodes.has(inode) && local) {
      ports.push(parseInt(local.split(':').at(-1) as string, 16))
    }
  }
  return ports
}

/** The socket inodes in an `ls -l /proc/PID/fd` listing, or among the links of /proc/PID/fd. */
export function socketInodes(links: string): Set<string> {
  return new Set([...links.matchAll(/socket:\[(\d+)\]/g)].map(match => match[1] as string))
}

/** The ports process `pid` listens on, read from /proc now. */
export function listeningPortsOf(pid: number): number[] {
  const fds = readdirSync(`/proc/${pid}/fd`).map(fd => {
    try {
      return readlinkSync(`/proc/${pid}/fd/${fd}`)
    } catch {
      return ''
    }
  })
  const tables = ['tcp', 'tcp6'].map(table => readFileSync(`/proc/${pid}/net/${table}`, 'utf8')).join('\n')
  return listeningPorts(tables, socketInodes(fds.join('\n')))
}
