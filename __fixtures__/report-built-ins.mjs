// Loaded with node --import before a bundle: on exit, writes to stderr the Node built-in modules loaded after it
// (so by the bundle, not by Node's own start-up or module loader), one line, for tests of what a run loads
// (process.moduleLoadList is Node's own record of them).
const before = new Set(process.moduleLoadList)
process.on('exit', () => {
  const builtIns = process.moduleLoadList
    .filter(name => name.startsWith('NativeModule ') && !before.has(name))
    .map(name => name.slice(13))
  process.stderr.write(`built-ins loaded: ${JSON.stringify(builtIns)}\n`)
})
