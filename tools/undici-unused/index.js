// @actions/http-client imports undici for one method, HttpClient.getAgentDispatcher(), which builds a fetch
// dispatcher for proxies. Neither this action nor @actions/core calls it: our requests go through node:https
// and our own CONNECT tunnel. Bundling the real undici cost 900 KB and about a third of the action's start-up,
// so package.json's "overrides" points undici here. In the bundle, webpack drops this module altogether: the only
// code that names ProxyAgent sits in HttpClient, which no run constructs. Under jest, where modules are not
// bundled, anything that reached it would fail loudly here.
export class ProxyAgent {
  constructor() {
    throw new Error('undici is not bundled with token-mint-action: HttpClient.getAgentDispatcher() is not available.')
  }
}
