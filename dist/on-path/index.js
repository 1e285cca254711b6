import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";


var __webpack_modules__ = {
    770: ((module, __unused_webpack_exports, __nccwpck_require__) => {}),
    218: ((__unused_webpack_module, exports, __nccwpck_require__) => {
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
    }),
    613: (module => {
        module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");
    }),
    434: (module => {
        module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");
    }),
    611: (module => {
        module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");
    }),
    692: (module => {
        module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");
    }),
    278: (module => {
        module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");
    }),
    756: (module => {
        module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");
    }),
    23: (module => {
        module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");
    })
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

(() => {
    __nccwpck_require__.d = (exports, definition) => {
        for (var key in definition) __nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key) && Object.defineProperty(exports, key, {
            enumerable: !0,
            get: definition[key]
        });
    };
})();

(() => {
    __nccwpck_require__.o = (obj, prop) => Object.prototype.hasOwnProperty.call(obj, prop);
})();

function refuseInspectorSignal() {
    process.on("SIGUSR1", () => {});
}

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

const external_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

URL;

var x = y => {
    var x = {};
    __nccwpck_require__.d(x, y);
    return x;
};

x({});

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

process;

process;

external_os_namespaceObject.platform();

external_os_namespaceObject.arch();

var ExitCode;

(function(ExitCode) {
    ExitCode[ExitCode["Success"] = 0] = "Success";
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));

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

const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

Error;

function describeError(error) {
    return error instanceof Error ? error.message : String(error);
}

const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

const NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

function runner_files_setOutput(name, value, env = process.env) {
    append("GITHUB_OUTPUT", namedValue(name, value), env);
}

function runner_files_addPath(dir, env = process.env) {
    append("GITHUB_PATH", oneLine("a PATH directory", dir), env);
}

function hasRunnerFile(file, env = process.env) {
    return (0, external_node_fs_namespaceObject.existsSync)(env[file] ?? "");
}

function namedValue(name, value) {
    if (!NAME.test(name)) throw new Error(`"${name}" cannot be the name of an output or a variable.`);
    return `${name}=${oneLine(name, value)}`;
}

const NOT_ONE_LINE = /[\0-\x1f\x7f\x85\u2028\u2029]/;

function oneLine(what, value) {
    if (NOT_ONE_LINE.test(value)) throw new Error(`The value of ${what} holds a line break or a control character: nothing was written.`);
    return value;
}

function append(file, text, env) {
    if (!hasRunnerFile(file, env)) throw new Error(`The runner's ${file} file is missing: nothing was written to it.`);
    (0, external_node_fs_namespaceObject.appendFileSync)(env[file], `${text}${external_node_os_namespaceObject.EOL}`);
}

const VERSION = "1.1.0";

const LAUNCHER_NAMES = {
    posix: "token-mint",
    powershell: "token-mint.ps1",
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

const POWERSHELL_QUOTES = /['\u2018\u2019\u201a\u201b]/g;

function powershellLauncher({node: node, script: script}) {
    const quote = text => `'${text.replace(POWERSHELL_QUOTES, mark => mark + mark)}'`;
    const run = `& ${quote(node)} ${quote(script)} '--from-powershell' @args`;
    return "\ufeff" + [ `# token-mint ${VERSION}, put on PATH by token-mint-action: its bundled CLI, run by the runner's Node.js.`, "if ($MyInvocation.ExpectingInput) {", `  $input | ${run}`, "} else {", `  ${run}`, "}", "exit $LASTEXITCODE", "" ].join("\r\n");
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
    (0, external_node_fs_namespaceObject.writeFileSync)((0, external_node_path_namespaceObject.join)(dir, LAUNCHER_NAMES.powershell), powershellLauncher(target));
    (0, external_node_fs_namespaceObject.writeFileSync)((0, external_node_path_namespaceObject.join)(dir, LAUNCHER_NAMES.windows), cmdLauncher(target));
    return dir;
}

function bundledCli(bundleUrl, up) {
    const dist = (0, external_node_path_namespaceObject.dirname)(up === 0 ? (0, external_node_url_namespaceObject.fileURLToPath)(bundleUrl) : (0, 
    external_node_path_namespaceObject.dirname)((0, external_node_url_namespaceObject.fileURLToPath)(bundleUrl)));
    return (0, external_node_path_namespaceObject.join)(dist, "cli", "index.js");
}

function putCliOnPath(cliScript, env = process.env) {
    if (!hasRunnerFile("GITHUB_PATH", env)) throw new Error("The runner's GITHUB_PATH file is missing, so token-mint cannot be put on PATH: this works only in a GitHub Actions job.");
    if (!hasRunnerFile("GITHUB_OUTPUT", env)) throw new Error("The runner's GITHUB_OUTPUT file is missing, so token-mint was not put on PATH.");
    if (!env.RUNNER_TEMP) throw new Error("RUNNER_TEMP is not set, so token-mint cannot be put on PATH: this works only in a GitHub Actions job.");
    const dir = writeLaunchers(env.RUNNER_TEMP, {
        node: process.execPath,
        script: cliScript
    });
    runner_files_addPath(dir, env);
    runner_files_setOutput("cli-path", dir, env);
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

refuseInspectorSignal();

runOnPathAction(bundledCli(import.meta.url, 1));
