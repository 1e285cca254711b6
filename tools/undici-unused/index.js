// @actions/http-client imports undici for one method, HttpClient.getAgentDispatcher(), which builds a fetch
// dispatcher for proxies. Neither this action nor @actions/core calls it: our requests go through node:https
// and our own CONNECT tunnel. Bundling the real undici cost 900 KB and about a third of the action's start-up,
// so package.json's "overrides" points undici here. If a future change does reach this, it fails loudly.
export class ProxyAgent {
  constructor() {
    throw new Error('undici is not bundled with token-mint-action: HttpClient.getAgentDispatcher() is not available.')
  }
}
