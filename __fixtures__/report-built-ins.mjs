// Loaded with node --import before a bundle: on exit, writes to stderr the Node built-in modules the run loaded,
// one line, for tests of what a run loads (process.moduleLoadList is Node's own record of them).
process.on('exit', () => {
  const builtIns = process.moduleLoadList.filter(name => name.startsWith('NativeModule ')).map(name => name.slice(13))
  process.stderr.write(`built-ins loaded: ${JSON.stringify(builtIns)}\n`)
})
