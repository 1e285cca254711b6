import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";

var __webpack_modules__ = {
    770: (module, __unused_webpack_exports, __nccwpck_require__) => {},
    218: (__unused_webpack_module, exports, __nccwpck_require__) => {
        var http = __nccwpck_require__(611);
        var events = __nccwpck_require__(434);
        var util = __nccwpck_require__(23);
        function TunnelingAgent(options) {
            var self = this;
            self.options = options || {};
            self.proxyOptions = self.options.proxy || {};
            self.maxSockets = self.options.maxSockets || http.Agent.defaultMaxSockets;
            self.requests = [];
            self.sockets = [];
            self.on("free", function(socket, host, port, localAddress) {
                var options = toOptions(host, port, localAddress);
                for (var i = 0, len = self.requests.length; i < len; ++i) {
                    var pending = self.requests[i];
                    if (pending.host === options.host && pending.port === options.port) {
                        self.requests.splice(i, 1);
                        pending.request.onSocket(socket);
                        return;
                    }
                }
                socket.destroy();
                self.removeSocket(socket);
            });
        }
        util.inherits(TunnelingAgent, events.EventEmitter);
        TunnelingAgent.prototype.addRequest = function(req, host, port, localAddress) {
            var self = this;
            var options = mergeOptions({
                request: req
            }, self.options, toOptions(host, port, localAddress));
            if (self.sockets.length >= this.maxSockets) {
                self.requests.push(options);
                return;
            }
            self.createSocket(options, function(socket) {
                socket.on("free", onFree);
                socket.on("close", onCloseOrRemove);
                socket.on("agentRemove", onCloseOrRemove);
                req.onSocket(socket);
                function onFree() {
                    self.emit("free", socket, options);
                }
                function onCloseOrRemove(err) {
                    self.removeSocket(socket);
                    socket.removeListener("free", onFree);
                    socket.removeListener("close", onCloseOrRemove);
                    socket.removeListener("agentRemove", onCloseOrRemove);
                }
            });
        };
        TunnelingAgent.prototype.createSocket = function(options, cb) {
            var self = this;
            var placeholder = {};
            self.sockets.push(placeholder);
            var connectOptions = mergeOptions({}, self.proxyOptions, {
                method: "CONNECT",
                path: options.host + ":" + options.port,
                agent: !1,
                headers: {
                    host: options.host + ":" + options.port
                }
            });
            options.localAddress && (connectOptions.localAddress = options.localAddress);
            if (connectOptions.proxyAuth) {
                connectOptions.headers = connectOptions.headers || {};
                connectOptions.headers["Proxy-Authorization"] = "Basic " + new Buffer(connectOptions.proxyAuth).toString("base64");
            }
            debug("making CONNECT request");
            var connectReq = self.request(connectOptions);
            connectReq.useChunkedEncodingByDefault = !1;
            connectReq.once("response", onResponse);
            connectReq.once("upgrade", onUpgrade);
            connectReq.once("connect", onConnect);
            connectReq.once("error", onError);
            connectReq.end();
            function onResponse(res) {
                res.upgrade = !0;
            }
            function onUpgrade(res, socket, head) {
                process.nextTick(function() {
                    onConnect(res, socket, head);
                });
            }
            function onConnect(res, socket, head) {
                connectReq.removeAllListeners();
                socket.removeAllListeners();
                if (res.statusCode !== 200) {
                    debug("tunneling socket could not be established, statusCode=%d", res.statusCode);
                    socket.destroy();
                    var error = new Error("tunneling socket could not be established, statusCode=" + res.statusCode);
                    error.code = "ECONNRESET";
                    options.request.emit("error", error);
                    self.removeSocket(placeholder);
                    return;
                }
                if (head.length > 0) {
                    debug("got illegal response body from proxy");
                    socket.destroy();
                    error = new Error("got illegal response body from proxy");
                    error.code = "ECONNRESET";
                    options.request.emit("error", error);
                    self.removeSocket(placeholder);
                    return;
                }
                debug("tunneling connection has established");
                self.sockets[self.sockets.indexOf(placeholder)] = socket;
                return cb(socket);
            }
            function onError(cause) {
                connectReq.removeAllListeners();
                debug("tunneling socket could not be established, cause=%s\n", cause.message, cause.stack);
                var error = new Error("tunneling socket could not be established, cause=" + cause.message);
                error.code = "ECONNRESET";
                options.request.emit("error", error);
                self.removeSocket(placeholder);
            }
        };
        TunnelingAgent.prototype.removeSocket = function(socket) {
            var pos = this.sockets.indexOf(socket);
            if (pos === -1) return;
            this.sockets.splice(pos, 1);
            var pending = this.requests.shift();
            pending && this.createSocket(pending, function(socket) {
                pending.request.onSocket(socket);
            });
        };
        function toOptions(host, port, localAddress) {
            if (typeof host === "string") return {
                host: host,
                port: port,
                localAddress: localAddress
            };
            return host;
        }
        function mergeOptions(target) {
            for (var i = 1, len = arguments.length; i < len; ++i) {
                var overrides = arguments[i];
                if (typeof overrides === "object") {
                    var keys = Object.keys(overrides);
                    for (var j = 0, keyLen = keys.length; j < keyLen; ++j) {
                        var k = keys[j];
                        overrides[k] !== void 0 && (target[k] = overrides[k]);
                    }
                }
            }
            return target;
        }
        var debug;
        debug = process.env.NODE_DEBUG && /\btunnel\b/.test(process.env.NODE_DEBUG) ? function() {
            var args = Array.prototype.slice.call(arguments);
            typeof args[0] === "string" ? args[0] = "TUNNEL: " + args[0] : args.unshift("TUNNEL:");
            console.error.apply(console, args);
        } : function() {};
    },
    613: module => {
        module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");
    },
    434: module => {
        module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");
    },
    611: module => {
        module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");
    },
    692: module => {
        module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");
    },
    278: module => {
        module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");
    },
    756: module => {
        module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");
    },
    23: module => {
        module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");
    }
};

var __webpack_module_cache__ = {};

function __nccwpck_require__(moduleId) {
    var cachedModule = __webpack_module_cache__[moduleId];
    if (cachedModule !== void 0) return cachedModule.exports;
    var module = __webpack_module_cache__[moduleId] = {
        exports: {}
    };
    var threw = !0;
    try {
        __webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
        threw = !1;
    } finally {
        threw && delete __webpack_module_cache__[moduleId];
    }
    return module.exports;
}

typeof __nccwpck_require__ !== "undefined" && (__nccwpck_require__.ab = decodeURIComponent(new URL(".", import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/");

const external_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

function utils_toCommandValue(input) {
    if (input === null || input === void 0) return "";
    if (typeof input === "string" || input instanceof String) return input;
    return JSON.stringify(input);
}

function utils_toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) return {};
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}

function command_issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_namespaceObject.EOL);
}

const CMD_STRING = "::";

class Command {
    constructor(command, properties, message) {
        command || (command = "missing.command");
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += " ";
            let first = !0;
            for (const key in this.properties) if (this.properties.hasOwnProperty(key)) {
                const val = this.properties[key];
                if (val) {
                    first ? first = !1 : cmdStr += ",";
                    cmdStr += `${key}=${escapeProperty(val)}`;
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}

function escapeData(s) {
    return utils_toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(s) {
    return utils_toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}

const external_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

const external_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

function file_command_issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) throw new Error(`Unable to find environment variable for file command ${command}`);
    if (!external_fs_namespaceObject.existsSync(filePath)) throw new Error(`Missing file at path: ${filePath}`);
    external_fs_namespaceObject.appendFileSync(filePath, `${utils_toCommandValue(message)}${external_os_namespaceObject.EOL}`, {
        encoding: "utf8"
    });
}

function file_command_prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_namespaceObject.randomUUID()}`;
    const convertedValue = utils_toCommandValue(value);
    if (key.includes(delimiter)) throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    if (convertedValue.includes(delimiter)) throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    return `${key}<<${delimiter}${external_os_namespaceObject.EOL}${convertedValue}${external_os_namespaceObject.EOL}${delimiter}`;
}

const external_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

URL;

var HttpCodes;

(function(HttpCodes) {
    HttpCodes[HttpCodes["OK"] = 200] = "OK";
    HttpCodes[HttpCodes["MultipleChoices"] = 300] = "MultipleChoices";
    HttpCodes[HttpCodes["MovedPermanently"] = 301] = "MovedPermanently";
    HttpCodes[HttpCodes["ResourceMoved"] = 302] = "ResourceMoved";
    HttpCodes[HttpCodes["SeeOther"] = 303] = "SeeOther";
    HttpCodes[HttpCodes["NotModified"] = 304] = "NotModified";
    HttpCodes[HttpCodes["UseProxy"] = 305] = "UseProxy";
    HttpCodes[HttpCodes["SwitchProxy"] = 306] = "SwitchProxy";
    HttpCodes[HttpCodes["TemporaryRedirect"] = 307] = "TemporaryRedirect";
    HttpCodes[HttpCodes["PermanentRedirect"] = 308] = "PermanentRedirect";
    HttpCodes[HttpCodes["BadRequest"] = 400] = "BadRequest";
    HttpCodes[HttpCodes["Unauthorized"] = 401] = "Unauthorized";
    HttpCodes[HttpCodes["PaymentRequired"] = 402] = "PaymentRequired";
    HttpCodes[HttpCodes["Forbidden"] = 403] = "Forbidden";
    HttpCodes[HttpCodes["NotFound"] = 404] = "NotFound";
    HttpCodes[HttpCodes["MethodNotAllowed"] = 405] = "MethodNotAllowed";
    HttpCodes[HttpCodes["NotAcceptable"] = 406] = "NotAcceptable";
    HttpCodes[HttpCodes["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
    HttpCodes[HttpCodes["RequestTimeout"] = 408] = "RequestTimeout";
    HttpCodes[HttpCodes["Conflict"] = 409] = "Conflict";
    HttpCodes[HttpCodes["Gone"] = 410] = "Gone";
    HttpCodes[HttpCodes["TooManyRequests"] = 429] = "TooManyRequests";
    HttpCodes[HttpCodes["InternalServerError"] = 500] = "InternalServerError";
    HttpCodes[HttpCodes["NotImplemented"] = 501] = "NotImplemented";
    HttpCodes[HttpCodes["BadGateway"] = 502] = "BadGateway";
    HttpCodes[HttpCodes["ServiceUnavailable"] = 503] = "ServiceUnavailable";
    HttpCodes[HttpCodes["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes || (HttpCodes = {}));

var Headers;

(function(Headers) {
    Headers["Accept"] = "accept";
    Headers["ContentType"] = "content-type";
})(Headers || (Headers = {}));

var MediaTypes;

(function(MediaTypes) {
    MediaTypes["ApplicationJson"] = "application/json";
})(MediaTypes || (MediaTypes = {}));

Error;

var summary_awaiter = function(thisArg, _arguments, P, generator) {
    function adopt(value) {
        return value instanceof P ? value : new P(function(resolve) {
            resolve(value);
        });
    }
    return new (P || (P = Promise))(function(resolve, reject) {
        function fulfilled(value) {
            try {
                step(generator.next(value));
            } catch (e) {
                reject(e);
            }
        }
        function rejected(value) {
            try {
                step(generator["throw"](value));
            } catch (e) {
                reject(e);
            }
        }
        function step(result) {
            result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
        }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};

const {access: access, appendFile: appendFile, writeFile: writeFile} = external_fs_namespaceObject.promises;

const SUMMARY_ENV_VAR = "GITHUB_STEP_SUMMARY";

class Summary {
    constructor() {
        this._buffer = "";
    }
    filePath() {
        return summary_awaiter(this, void 0, void 0, function*() {
            if (this._filePath) return this._filePath;
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            try {
                yield access(pathFromEnv, external_fs_namespaceObject.constants.R_OK | external_fs_namespaceObject.constants.W_OK);
            } catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs).map(([key, value]) => ` ${key}="${value}"`).join("");
        if (!content) return `<${tag}${htmlAttrs}>`;
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    write(options) {
        return summary_awaiter(this, void 0, void 0, function*() {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, {
                encoding: "utf8"
            });
            return this.emptyBuffer();
        });
    }
    clear() {
        return summary_awaiter(this, void 0, void 0, function*() {
            return this.emptyBuffer().write({
                overwrite: !0
            });
        });
    }
    stringify() {
        return this._buffer;
    }
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    emptyBuffer() {
        this._buffer = "";
        return this;
    }
    addRaw(text, addEOL = !1) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    addEOL() {
        return this.addRaw(external_os_namespaceObject.EOL);
    }
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, lang && {
            lang: lang
        });
        const element = this.wrap("pre", this.wrap("code", code), attrs);
        return this.addRaw(element).addEOL();
    }
    addList(items, ordered = !1) {
        const tag = ordered ? "ol" : "ul";
        const listItems = items.map(item => this.wrap("li", item)).join("");
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    addTable(rows) {
        const tableBody = rows.map(row => {
            const cells = row.map(cell => {
                if (typeof cell === "string") return this.wrap("td", cell);
                const {header: header, data: data, colspan: colspan, rowspan: rowspan} = cell;
                const tag = header ? "th" : "td";
                const attrs = Object.assign(Object.assign({}, colspan && {
                    colspan: colspan
                }), rowspan && {
                    rowspan: rowspan
                });
                return this.wrap(tag, data, attrs);
            }).join("");
            return this.wrap("tr", cells);
        }).join("");
        const element = this.wrap("table", tableBody);
        return this.addRaw(element).addEOL();
    }
    addDetails(label, content) {
        const element = this.wrap("details", this.wrap("summary", label) + content);
        return this.addRaw(element).addEOL();
    }
    addImage(src, alt, options) {
        const {width: width, height: height} = options || {};
        const attrs = Object.assign(Object.assign({}, width && {
            width: width
        }), height && {
            height: height
        });
        const element = this.wrap("img", null, Object.assign({
            src: src,
            alt: alt
        }, attrs));
        return this.addRaw(element).addEOL();
    }
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = [ "h1", "h2", "h3", "h4", "h5", "h6" ].includes(tag) ? tag : "h1";
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    addSeparator() {
        const element = this.wrap("hr", null);
        return this.addRaw(element).addEOL();
    }
    addBreak() {
        const element = this.wrap("br", null);
        return this.addRaw(element).addEOL();
    }
    addQuote(text, cite) {
        const attrs = Object.assign({}, cite && {
            cite: cite
        });
        const element = this.wrap("blockquote", text, attrs);
        return this.addRaw(element).addEOL();
    }
    addLink(text, href) {
        const element = this.wrap("a", text, {
            href: href
        });
        return this.addRaw(element).addEOL();
    }
}

new Summary;

process;

process;

external_os_namespaceObject.platform();

external_os_namespaceObject.arch();

var ExitCode;

(function(ExitCode) {
    ExitCode[ExitCode["Success"] = 0] = "Success";
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));

function addPath(inputPath) {
    const filePath = process.env["GITHUB_PATH"] || "";
    filePath ? file_command_issueFileCommand("PATH", inputPath) : command_issueCommand("add-path", {}, inputPath);
    process.env["PATH"] = `${inputPath}${external_path_namespaceObject.delimiter}${process.env["PATH"]}`;
}

function setOutput(name, value) {
    const filePath = process.env["GITHUB_OUTPUT"] || "";
    if (filePath) return file_command_issueFileCommand("OUTPUT", file_command_prepareKeyValueMessage(name, value));
    process.stdout.write(external_os_namespaceObject.EOL);
    command_issueCommand("set-output", {
        name: name
    }, utils_toCommandValue(value));
}

function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}

function error(message, properties = {}) {
    command_issueCommand("error", utils_toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}

function info(message) {
    process.stdout.write(message + external_os_namespaceObject.EOL);
}

const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

Error;

function describeError(error) {
    return error instanceof Error ? error.message : String(error);
}

const VERSION = "1.1.0";

const LAUNCHER_NAMES = {
    posix: "token-mint",
    windows: "token-mint.cmd"
};

function unusablePath(path) {
    if (!(0, external_node_path_namespaceObject.isAbsolute)(path)) return "is not an absolute path";
    if (/[\u0000-\u001f\u007f]/.test(path)) return "holds a control character or line break";
    if (path.includes('"')) return "holds a double quote";
    return;
}

function posixLauncher({node: node, script: script}) {
    const quote = text => `'${text.replace(/'/g, "'\\''")}'`;
    return [ "#!/bin/sh", `# token-mint ${VERSION}, put on PATH by token-mint-action: its bundled CLI, run by the runner's Node.js.`, `exec ${quote(node)} ${quote(script)} "$@"`, "" ].join("\n");
}

function cmdLauncher({node: node, script: script}) {
    const quote = text => `"${text.replace(/%/g, "%%")}"`;
    const ascii = /^[\u0020-\u007e]*$/.test(node + script);
    return [ "@echo off", `rem token-mint ${VERSION}, put on PATH by token-mint-action: its bundled CLI, run by the runner's Node.js.`, ...ascii ? [] : [ "chcp 65001 >nul" ], `${quote(node)} ${quote(script)} %*`, "" ].join("\r\n");
}

function writeLaunchers(parent, target) {
    const problems = [ [ "The runner temporary directory (RUNNER_TEMP)", parent ], [ "The path of the Node.js running this action", target.node ], [ "The path of the bundled CLI", target.script ] ].flatMap(([what, path]) => {
        const problem = unusablePath(path);
        return problem ? [ `${what} ${problem}.` ] : [];
    });
    if (problems.length > 0) throw new Error(`Cannot put token-mint on PATH: ${problems.join(" ")}`);
    if (!(0, external_node_fs_namespaceObject.existsSync)(parent) || !(0, external_node_fs_namespaceObject.statSync)(parent).isDirectory()) throw new Error("Cannot put token-mint on PATH: the runner temporary directory (RUNNER_TEMP) does not exist.");
    if (!(0, external_node_fs_namespaceObject.existsSync)(target.script)) throw new Error("Cannot put token-mint on PATH: the bundled CLI (dist/cli/index.js) is missing from this copy of the action.");
    const dir = (0, external_node_fs_namespaceObject.mkdtempSync)((0, external_node_path_namespaceObject.join)(parent, "token-mint-"));
    const posix = (0, external_node_path_namespaceObject.join)(dir, LAUNCHER_NAMES.posix);
    (0, external_node_fs_namespaceObject.writeFileSync)(posix, posixLauncher(target));
    (0, external_node_fs_namespaceObject.chmodSync)(posix, 493);
    (0, external_node_fs_namespaceObject.writeFileSync)((0, external_node_path_namespaceObject.join)(dir, LAUNCHER_NAMES.windows), cmdLauncher(target));
    return dir;
}

function bundledCli(bundleUrl, up) {
    const dist = (0, external_node_path_namespaceObject.dirname)(up === 0 ? (0, external_node_url_namespaceObject.fileURLToPath)(bundleUrl) : (0, 
    external_node_path_namespaceObject.dirname)((0, external_node_url_namespaceObject.fileURLToPath)(bundleUrl)));
    return (0, external_node_path_namespaceObject.join)(dist, "cli", "index.js");
}

function putCliOnPath(cliScript, env = process.env) {
    const pathFile = env.GITHUB_PATH;
    if (!pathFile || !(0, external_node_fs_namespaceObject.existsSync)(pathFile)) throw new Error("The runner's GITHUB_PATH file is missing, so token-mint cannot be put on PATH: this works only in a GitHub Actions job.");
    if (env.GITHUB_OUTPUT && !(0, external_node_fs_namespaceObject.existsSync)(env.GITHUB_OUTPUT)) throw new Error("The runner's GITHUB_OUTPUT file is missing, so token-mint was not put on PATH.");
    if (!env.RUNNER_TEMP) throw new Error("RUNNER_TEMP is not set, so token-mint cannot be put on PATH: this works only in a GitHub Actions job.");
    const dir = writeLaunchers(env.RUNNER_TEMP, {
        node: process.execPath,
        script: cliScript
    });
    addPath(dir);
    setOutput("cli-path", dir);
    info(`token-mint ${VERSION} is on PATH for the following steps of this job (directory in the cli-path output).`);
    return dir;
}

function runOnPathAction(cliScript) {
    try {
        putCliOnPath(cliScript);
    } catch (error) {
        setFailed(describeError(error));
    }
}

runOnPathAction(bundledCli(import.meta.url, 1));
