/** Always throws: see index.js. */
export declare class ProxyAgent {
  constructor()
}
