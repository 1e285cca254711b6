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
    788: ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {
        __nccwpck_require__.d(__webpack_exports__, {
            e: () => run
        });
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
        const external_crypto_namespaceObject = { randomUUID: () => {
          const fs = process.getBuiltinModule("node:fs");
          const bytes = Buffer.alloc(16);
          try {
            const fd = fs.openSync("/dev/urandom", "r");
            try { if (fs.readSync(fd, bytes, 0, 16, null) !== 16) throw new Error("short read"); } finally { fs.closeSync(fd); }
          } catch {
            return process.getBuiltinModule("node:crypto").randomUUID();
          }
          bytes[6] = (bytes[6] & 0x0f) | 0x40;
          bytes[8] = (bytes[8] & 0x3f) | 0x80;
          const hex = bytes.toString("hex");
          return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
        } };
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
        function exportVariable(name, val) {
            const convertedVal = utils_toCommandValue(val);
            process.env[name] = convertedVal;
            const filePath = process.env["GITHUB_ENV"] || "";
            if (filePath) return file_command_issueFileCommand("ENV", file_command_prepareKeyValueMessage(name, val));
            command_issueCommand("set-env", {
                name: name
            }, convertedVal);
        }
        function core_setSecret(secret) {
            command_issueCommand("add-mask", {}, secret);
        }
        function getInput(name, options) {
            const val = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "";
            if (options && options.required && !val) throw new Error(`Input required and not supplied: ${name}`);
            if (options && options.trimWhitespace === !1) return val;
            return val.trim();
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
        function core_debug(message) {
            command_issueCommand("debug", {}, message);
        }
        function error(message, properties = {}) {
            command_issueCommand("error", utils_toCommandProperties(properties), message instanceof Error ? message.toString() : message);
        }
        function warning(message, properties = {}) {
            command_issueCommand("warning", utils_toCommandProperties(properties), message instanceof Error ? message.toString() : message);
        }
        function info(message) {
            process.stdout.write(message + external_os_namespaceObject.EOL);
        }
        const EXIT_CODES = {
            "fix-input": 2,
            "fix-credentials": 1,
            "fix-network": 1,
            "retry-later": 3
        };
        class ActionError extends Error {
            get exitCode() {
                return EXIT_CODES[this.remedy];
            }
            get retryable() {
                return this.remedy === "retry-later";
            }
            within(context) {
                this.message = `${context}: ${this.message.replace(/\.$/, "")}.`;
                return this;
            }
        }
        class InputError extends ActionError {
            problems;
            name="InputError";
            remedy="fix-input";
            constructor(problems) {
                super(problems.map(problem => `Input '${problem.input}' ${problem.message}`).join(" "));
                this.problems = problems;
            }
        }
        class SealError extends ActionError {
            name="SealError";
            remedy="fix-input";
            constructor(problem, options) {
                super(`The sealed-token ${problem}`, options);
            }
        }
        class TokenRequestError extends ActionError {
            status;
            name="TokenRequestError";
            remedy="fix-credentials";
            constructor(message, status, options) {
                super(message, options);
                this.status = status;
            }
        }
        class TokenLifetimeError extends ActionError {
            name="TokenLifetimeError";
            remedy="fix-credentials";
        }
        class TransientFailureError extends ActionError {
            attempts;
            name="TransientFailureError";
            remedy="retry-later";
            status;
            timedOut;
            reason;
            retryAfterMs;
            constructor(message, attempts = 1, options) {
                super(message, options);
                this.attempts = attempts;
                this.status = options?.status;
                this.timedOut = options?.timedOut ?? !1;
                this.reason = options?.reason;
                this.retryAfterMs = options?.retryAfterMs;
            }
        }
        class NetworkError extends ActionError {
            name="NetworkError";
            remedy="fix-network";
        }
        function errors_describeError(error) {
            return error instanceof Error ? error.message : String(error);
        }
        function getEnumValues(entries) {
            const numericValues = Object.values(entries).filter(v => typeof v === "number");
            const values = Object.entries(entries).filter(([k, _]) => numericValues.indexOf(+k) === -1).map(([_, v]) => v);
            return values;
        }
        function jsonStringifyReplacer(_, value) {
            if (typeof value === "bigint") return value.toString();
            return value;
        }
        class Cached {
            constructor(getter) {
                this._getter = getter;
                this._value = void 0;
            }
            get value() {
                const getter = this._getter;
                if (getter !== void 0) {
                    this._value = getter();
                    this._getter = void 0;
                }
                return this._value;
            }
        }
        function cached(getter) {
            return new Cached(getter);
        }
        function nullish(input) {
            return input === null || input === void 0;
        }
        function cleanRegex(source) {
            const start = source.startsWith("^") ? 1 : 0;
            const end = source.endsWith("$") ? source.length - 1 : source.length;
            return source.slice(start, end);
        }
        function assignProp(target, prop, value) {
            Object.defineProperty(target, prop, {
                value: value,
                writable: !0,
                enumerable: !0,
                configurable: !0
            });
        }
        const captureStackTrace = "captureStackTrace" in Error ? Error.captureStackTrace : (..._args) => {};
        function util_isObject(data) {
            return typeof data === "object" && data !== null && !Array.isArray(data);
        }
        function isPlainObject(o) {
            if (util_isObject(o) === !1) return !1;
            const ctor = o.constructor;
            if (ctor === void 0) return !0;
            if (typeof ctor !== "function") return !0;
            const prot = ctor.prototype;
            if (util_isObject(prot) === !1) return !1;
            if (Object.prototype.hasOwnProperty.call(prot, "isPrototypeOf") === !1) return !1;
            return !0;
        }
        const propertyKeyTypes = new Set([ "string", "number", "symbol" ]);
        function escapeRegex(str) {
            return str.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        }
        function clone(inst, def, params) {
            const cl = new inst._zod.constr(def ?? inst._zod.def);
            def && !params?.parent || (cl._zod.parent = inst);
            return cl;
        }
        function normalizeParams(_params) {
            const params = _params;
            if (!params) return {};
            if (typeof params === "string") return {
                error: () => params
            };
            if (params?.message !== void 0) {
                if (params?.error !== void 0) throw new Error("Cannot specify both `message` and `error` params");
                params.error = params.message;
            }
            delete params.message;
            if (typeof params.error === "string") return {
                ...params,
                error: () => params.error
            };
            return params;
        }
        function optionalKeys(shape) {
            return Object.keys(shape).filter(k => shape[k]._zod.optin !== void 0 && shape[k]._zod.optout === "optional");
        }
        function aborted(x, startIndex = 0) {
            if (x.aborted === !0) return !0;
            for (let i = startIndex; i < x.issues.length; i++) if (x.issues[i]?.continue !== !0) return !0;
            return !1;
        }
        function explicitlyAborted(x, startIndex = 0) {
            if (x.aborted === !0) return !0;
            for (let i = startIndex; i < x.issues.length; i++) if (x.issues[i]?.continue === !1) return !0;
            return !1;
        }
        function prefixIssues(path, issues) {
            return issues.map(iss => {
                var _a;
                (_a = iss).path ?? (_a.path = []);
                iss.path.unshift(path);
                return iss;
            });
        }
        function unwrapMessage(message) {
            return typeof message === "string" ? message : message?.message;
        }
        function attachSchema(issues, start, inst) {
            var _a;
            for (let i = start; i < issues.length; i++) (_a = issues[i]).schema ?? (_a.schema = inst);
        }
        function finalizeIssue(iss, ctx, config) {
            var _a;
            const traits = iss.inst?._zod?.traits;
            traits?.has("$ZodType") && (traits.has("$ZodCheck") ? (_a = iss).schema ?? (_a.schema = iss.inst) : iss.schema = iss.inst);
            const schemaError = iss.schema !== iss.inst ? iss.schema?._zod.def?.error : void 0;
            const message = iss.message ? iss.message : unwrapMessage(iss.inst?._zod.def?.error?.(iss)) ?? unwrapMessage(schemaError?.(iss)) ?? unwrapMessage(ctx?.error?.(iss)) ?? unwrapMessage(config.customError?.(iss)) ?? unwrapMessage(config.localeError?.(iss)) ?? "Invalid input";
            const full = {};
            for (const k of Object.keys(iss)) {
                if (k === "inst" || k === "schema" || k === "continue" || k === "input" || k === "__proto__") continue;
                full[k] = iss[k];
            }
            full.path ?? (full.path = []);
            full.message = message;
            ctx?.reportInput && (full.input = iss.input);
            return full;
        }
        const highSurrogate = /[\uD800-\uDBFF]/;
        function codePointLength(str) {
            const units = str.length;
            if (!highSurrogate.test(str)) return units;
            let count = units;
            for (let i = 0; i < units - 1; i++) if ((str.charCodeAt(i) & 64512) === 55296 && (str.charCodeAt(i + 1) & 64512) === 56320) {
                count--;
                i++;
            }
            return count;
        }
        function getLengthableOrigin(input) {
            if (Array.isArray(input)) return "array";
            if (typeof input === "string") return "string";
            return "unknown";
        }
        function util_issue(...args) {
            const [iss, input, inst] = args;
            if (typeof iss === "string") return {
                message: iss,
                code: "custom",
                input: input,
                inst: inst
            };
            return {
                ...iss
            };
        }
        function members(proto, table) {
            for (const key in table) {
                const desc = Object.getOwnPropertyDescriptor(table, key);
                desc.get ? Object.defineProperty(proto, key, {
                    ...desc,
                    enumerable: !1
                }) : defineBound(proto, key, desc.value);
            }
        }
        function own(inst, key, value, enumerable = !0) {
            Object.defineProperty(inst, key, {
                configurable: !0,
                writable: !0,
                enumerable: enumerable,
                value: value
            });
            return value;
        }
        function hide(inst, key, value) {
            return own(inst, key, value, !1);
        }
        function defineBound(proto, key, fn) {
            Object.defineProperty(proto, key, {
                configurable: !0,
                get() {
                    return this == null ? fn : own(this, key, fn.bind(this));
                },
                set(value) {
                    own(this, key, value);
                }
            });
        }
        function claim(inst, sentinel) {
            const proto = Object.getPrototypeOf(inst);
            return sentinel in proto ? void 0 : proto;
        }
        let installing;
        let broke = !1;
        const breaker = {
            configurable: !0,
            get() {
                broke = !0;
                return;
            }
        };
        function defineLazyInternal(inst, key, compute) {
            const proto = Object.getPrototypeOf(inst._zod);
            if (key in proto && installing !== inst._zod) {
                installing = void 0;
                return;
            }
            installing = inst._zod;
            Object.defineProperty(proto, key, {
                configurable: !0,
                get() {
                    Object.defineProperty(this, key, breaker);
                    const outer = broke;
                    broke = !1;
                    try {
                        const value = compute(this);
                        broke ? delete this[key] : Object.defineProperty(this, key, {
                            configurable: !0,
                            writable: !0,
                            value: value
                        });
                        broke = broke || outer;
                        return value;
                    } catch (err) {
                        delete this[key];
                        broke = broke || outer;
                        throw err;
                    }
                },
                set(value) {
                    Object.defineProperty(this, key, {
                        configurable: !0,
                        writable: !0,
                        value: value
                    });
                }
            });
        }
        function installLazyProp(inst, key, make, enumerable) {
            const proto = claim(inst, key);
            if (!proto) return;
            Object.defineProperty(proto, key, {
                configurable: !0,
                get() {
                    const desc = {
                        configurable: !0,
                        writable: !0,
                        enumerable: enumerable,
                        value: void 0
                    };
                    Object.defineProperty(this, key, desc);
                    desc.value = make(this);
                    Object.defineProperty(this, key, desc);
                    return desc.value;
                },
                set(value) {
                    Object.defineProperty(this, key, {
                        configurable: !0,
                        writable: !0,
                        enumerable: enumerable,
                        value: value
                    });
                }
            });
        }
        var _a;
        const NEVER = Object.freeze({
            status: "aborted"
        });
        const _zodDesc = {
            value: void 0,
            enumerable: !1
        };
        let _E = "captureStackTrace" in Error ? Error : null;
        function newError(Definition) {
            const E = _E;
            if (E) {
                const saved = E.stackTraceLimit;
                if (typeof saved === "number") {
                    try {
                        E.stackTraceLimit = 0;
                    } catch {
                        _E = null;
                        return new Definition;
                    }
                    try {
                        return new Definition;
                    } finally {
                        E.stackTraceLimit = saved;
                    }
                }
            }
            return new Definition;
        }
        function $constructor(name, initializer, proto, params) {
            const zodProto = {};
            function Internals(def) {
                this.def = def;
                this.constr = _;
                this.traits = new Set;
            }
            Internals.prototype = zodProto;
            const protoMembers = proto;
            const initialized = protoMembers && new WeakSet;
            function init(inst, def) {
                if (inst._zod) {
                    if (inst._zod.traits.has(name)) return;
                } else {
                    _zodDesc.value = new Internals(def);
                    try {
                        Object.defineProperty(inst, "_zod", _zodDesc);
                    } finally {
                        _zodDesc.value = void 0;
                    }
                }
                inst._zod.traits.add(name);
                initializer(inst, def);
                if (initialized) {
                    const own = Object.getPrototypeOf(inst);
                    const ctorProto = inst._zod.constr.prototype;
                    let up = own;
                    while (up && up !== ctorProto) up = Object.getPrototypeOf(up);
                    const target = up ?? own;
                    if (!initialized.has(target)) {
                        initialized.add(target);
                        members(target, protoMembers);
                    }
                }
                const proto = _.prototype;
                for (const k in proto) {
                    if (!Object.prototype.hasOwnProperty.call(proto, k)) continue;
                    k in inst || (inst[k] = proto[k].bind(inst));
                }
            }
            const Parent = params?.Parent ?? Object;
            class Definition extends Parent {}
            Object.defineProperty(Definition, "name", {
                value: name
            });
            function _(def) {
                const inst = params?.Parent ? newError(Definition) : this;
                init(inst, def);
                const deferred = inst._zod.deferred;
                if (deferred) {
                    for (const fn of deferred) fn();
                    inst._zod.deferred = void 0;
                }
                const pp = globalThis.__zod_globalConfig?.postProcessor;
                pp && pp(inst);
                return inst;
            }
            Object.defineProperty(_, "init", {
                value: init
            });
            Object.defineProperty(_, Symbol.hasInstance, {
                value: inst => {
                    if (params?.Parent && inst instanceof params.Parent) return !0;
                    return inst?._zod?.traits?.has(name);
                }
            });
            Object.defineProperty(_, "name", {
                value: name
            });
            return _;
        }
        class $ZodAsyncError extends Error {
            constructor() {
                super("Encountered Promise during synchronous parse. Use .parseAsync() instead.");
            }
        }
        class $ZodEncodeError extends Error {
            constructor(name) {
                super(`Encountered unidirectional transform during encode: ${name}`);
                this.name = "ZodEncodeError";
            }
        }
        (_a = globalThis).__zod_globalConfig ?? (_a.__zod_globalConfig = {});
        const core_globalConfig = globalThis.__zod_globalConfig;
        function config(newConfig) {
            newConfig && Object.assign(core_globalConfig, newConfig);
            return core_globalConfig;
        }
        const $ZodCheck = $constructor("$ZodCheck", (inst, def) => {
            var _a;
            inst._zod ?? (inst._zod = {});
            inst._zod.def = def;
            (_a = inst._zod).onattach ?? (_a.onattach = []);
        });
        const _whenHasLength = payload => {
            const val = payload.value;
            return !nullish(val) && val.length !== void 0;
        };
        const $ZodCheckMaxLength = $constructor("$ZodCheckMaxLength", (inst, def) => {
            var _a;
            $ZodCheck.init(inst, def);
            (_a = inst._zod.def).when ?? (_a.when = _whenHasLength);
            inst._zod.check = payload => {
                const input = payload.value;
                const units = input.length;
                const length = typeof input === "string" && units > def.maximum ? codePointLength(input) : units;
                if (length <= def.maximum) return;
                const origin = getLengthableOrigin(input);
                payload.issues.push({
                    origin: origin,
                    code: "too_big",
                    maximum: def.maximum,
                    inclusive: !0,
                    input: input,
                    inst: inst,
                    continue: !def.abort
                });
            };
        });
        const $ZodCheckMinLength = $constructor("$ZodCheckMinLength", (inst, def) => {
            var _a;
            $ZodCheck.init(inst, def);
            (_a = inst._zod.def).when ?? (_a.when = _whenHasLength);
            inst._zod.check = payload => {
                const input = payload.value;
                const units = input.length;
                const length = typeof input === "string" && units >= def.minimum && units < def.minimum * 2 ? codePointLength(input) : units;
                if (length >= def.minimum) return;
                const origin = getLengthableOrigin(input);
                payload.issues.push({
                    origin: origin,
                    code: "too_small",
                    minimum: def.minimum,
                    inclusive: !0,
                    input: input,
                    inst: inst,
                    continue: !def.abort
                });
            };
        });
        const $ZodCheckStringFormat = $constructor("$ZodCheckStringFormat", (inst, def) => {
            var _a, _b;
            $ZodCheck.init(inst, def);
            def.pattern ? (_a = inst._zod).check ?? (_a.check = payload => {
                def.pattern.lastIndex = 0;
                if (def.pattern.test(payload.value)) return;
                payload.issues.push({
                    origin: "string",
                    code: "invalid_format",
                    format: def.format,
                    input: payload.value,
                    ...def.pattern ? {
                        pattern: def.pattern.toString()
                    } : {},
                    inst: inst,
                    continue: !def.abort
                });
            }) : (_b = inst._zod).check ?? (_b.check = () => {});
        });
        const $ZodCheckRegex = $constructor("$ZodCheckRegex", (inst, def) => {
            $ZodCheckStringFormat.init(inst, def);
            inst._zod.check = payload => {
                def.pattern.lastIndex = 0;
                if (def.pattern.test(payload.value)) return;
                payload.issues.push({
                    origin: "string",
                    code: "invalid_format",
                    format: "regex",
                    input: payload.value,
                    pattern: def.pattern.toString(),
                    inst: inst,
                    continue: !def.abort
                });
            };
        });
        const $ZodCheckOverwrite = $constructor("$ZodCheckOverwrite", (inst, def) => {
            $ZodCheck.init(inst, def);
            inst._zod.check = payload => {
                payload.value = def.tx(payload.value);
            };
        });
        const anyString = /^[\s\S]{0,}$/;
        const number = /^-?\d+(?:\.\d+)?$/;
        const version = {
            major: 4,
            minor: 6,
            patch: 7
        };
        const $ZodType = $constructor("$ZodType", (inst, def) => {
            var _a;
            inst ?? (inst = {});
            inst._zod.def = def;
            inst._zod.bag = inst._zod.bag || {};
            inst._zod.version = version;
            const defChecks = inst._zod.def.checks;
            const checks = inst._zod.traits.has("$ZodCheck") ? [ inst, ...defChecks ?? [] ] : defChecks?.length ? [ ...defChecks ] : [];
            for (const ch of checks) for (const fn of ch._zod.onattach) fn(inst);
            if (checks.length === 0) {
                (_a = inst._zod).deferred ?? (_a.deferred = []);
                inst._zod.deferred?.push(() => {
                    inst._zod.run = inst._zod.parse;
                });
            } else {
                const runChecks = (payload, checks, ctx) => {
                    if (payload.memo) return payload;
                    let isAborted = aborted(payload);
                    let asyncResult;
                    for (const ch of checks) {
                        if (ch._zod.def.when) {
                            if (explicitlyAborted(payload)) continue;
                            const shouldRun = ch._zod.def.when(payload);
                            if (!shouldRun) continue;
                        } else if (isAborted) continue;
                        const currLen = payload.issues.length;
                        const _ = ch._zod.check(payload);
                        if (_ instanceof Promise && ctx?.async === !1) throw new $ZodAsyncError;
                        if (asyncResult || _ instanceof Promise) asyncResult = (asyncResult ?? Promise.resolve()).then(async () => {
                            await _;
                            const nextLen = payload.issues.length;
                            if (nextLen === currLen) return;
                            attachSchema(payload.issues, currLen, inst);
                            isAborted || (isAborted = aborted(payload, currLen));
                        }); else {
                            const nextLen = payload.issues.length;
                            if (nextLen === currLen) continue;
                            attachSchema(payload.issues, currLen, inst);
                            isAborted || (isAborted = aborted(payload, currLen));
                        }
                    }
                    if (asyncResult) return asyncResult.then(() => payload);
                    return payload;
                };
                const handleCanaryResult = (canary, payload, ctx) => {
                    if (aborted(canary)) {
                        canary.aborted = !0;
                        return canary;
                    }
                    const checkResult = runChecks(payload, checks, ctx);
                    if (checkResult instanceof Promise) {
                        if (ctx.async === !1) throw new $ZodAsyncError;
                        return checkResult.then(checkResult => inst._zod.parse(checkResult, ctx));
                    }
                    return inst._zod.parse(checkResult, ctx);
                };
                inst._zod.run = (payload, ctx) => {
                    if (ctx.skipChecks) return inst._zod.parse(payload, ctx);
                    if (ctx.direction === "backward") {
                        const canary = inst._zod.parse({
                            value: payload.value,
                            issues: []
                        }, {
                            ...ctx,
                            skipChecks: !0
                        });
                        if (canary instanceof Promise) return canary.then(canary => handleCanaryResult(canary, payload, ctx));
                        return handleCanaryResult(canary, payload, ctx);
                    }
                    const result = inst._zod.parse(payload, ctx);
                    if (result instanceof Promise) {
                        if (ctx.async === !1) throw new $ZodAsyncError;
                        return result.then(result => runChecks(result, checks, ctx));
                    }
                    return runChecks(result, checks, ctx);
                };
            }
        }, {
            get "~standard"() {
                return hide(this, "~standard", standardProps(this));
            },
            set "~standard"(value) {
                own(this, "~standard", value);
            }
        });
        const toStandardResult = (r, ctx) => r.issues.length ? {
            issues: r.issues.map(iss => finalizeIssue(iss, ctx, config()))
        } : {
            value: r.value
        };
        async function validateAsync(inst, value) {
            const ctx = {
                async: !0
            };
            return toStandardResult(await inst._zod.run({
                value: value,
                issues: []
            }, ctx), ctx);
        }
        function standardProps(inst) {
            return {
                validate: value => {
                    const ctx = {
                        async: !1
                    };
                    try {
                        const r = inst._zod.run({
                            value: value,
                            issues: []
                        }, ctx);
                        if (!(r instanceof Promise)) return toStandardResult(r, ctx);
                    } catch (_) {}
                    return validateAsync(inst, value);
                },
                vendor: "zod",
                version: 1
            };
        }
        const $ZodString = $constructor("$ZodString", (inst, def) => {
            $ZodType.init(inst, def);
            inst._zod.pattern = def.pattern ?? anyString;
            inst._zod.parse = (payload, _) => {
                if (def.coerce) try {
                    payload.value = String(payload.value);
                } catch (_) {}
                if (typeof payload.value === "string") return payload;
                payload.issues.push({
                    expected: "string",
                    code: "invalid_type",
                    input: payload.value,
                    inst: inst
                });
                return payload;
            };
        });
        const $ZodNumber = $constructor("$ZodNumber", (inst, def) => {
            $ZodType.init(inst, def);
            inst._zod.pattern = number;
            inst._zod.parse = (payload, _ctx) => {
                if (def.coerce) try {
                    payload.value = Number(payload.value);
                } catch (_) {}
                const input = payload.value;
                if (typeof input === "number" && !Number.isNaN(input) && Number.isFinite(input)) return payload;
                const received = typeof input === "number" ? Number.isNaN(input) ? "NaN" : Number.isFinite(input) ? void 0 : String(input) : void 0;
                payload.issues.push({
                    expected: "number",
                    code: "invalid_type",
                    input: input,
                    inst: inst,
                    ...received ? {
                        received: received
                    } : {}
                });
                return payload;
            };
        });
        const $ZodUnknown = $constructor("$ZodUnknown", (inst, def) => {
            $ZodType.init(inst, def);
            inst._zod.parse = payload => payload;
        });
        function handlePropertyResult(result, final, key, input, optin, optout) {
            const isPresent = key in input;
            const isOptionalOut = optout === "optional";
            if (!isPresent && isOptionalOut && optin === "optional") return;
            if (result.issues.length) {
                if (optin !== void 0 && isOptionalOut && !isPresent) return;
                final.issues.push(...prefixIssues(key, result.issues));
            }
            if (!isPresent && optin === void 0) {
                result.issues.length || final.issues.push({
                    code: "invalid_type",
                    expected: "nonoptional",
                    input: void 0,
                    path: [ key ]
                });
                return;
            }
            result.value === void 0 ? (isPresent || optin === "defaulted" && !isOptionalOut) && (final.value[key] = void 0) : final.value[key] = result.value;
        }
        const NO_SYMBOL_KEYS = [];
        function normalizeDef(def) {
            const keys = Object.keys(def.shape);
            const ownSymbols = Object.getOwnPropertySymbols(def.shape);
            const symbolKeys = ownSymbols.length ? ownSymbols : NO_SYMBOL_KEYS;
            const allKeys = symbolKeys.length ? [ ...keys, ...symbolKeys ] : keys;
            for (const k of allKeys) if (!def.shape?.[k]?._zod?.traits?.has("$ZodType")) throw new Error(`Invalid element at key "${String(k)}": expected a Zod schema`);
            const okeys = optionalKeys(def.shape);
            return {
                ...def,
                allKeys: allKeys,
                symbolKeys: symbolKeys,
                keySet: new Set(keys),
                numKeys: keys.length,
                optionalKeys: new Set(okeys)
            };
        }
        function handleCatchall(proms, input, payload, ctx, def, inst, abortEarly) {
            const unrecognized = [];
            const keySet = def.keySet;
            const _catchall = def.catchall._zod;
            const t = _catchall.def.type;
            const optin = _catchall.optin;
            const optout = _catchall.optout;
            let seen = 0;
            for (const key in input) {
                if (abortEarly && payload.issues.length !== seen) {
                    if (aborted(payload, seen)) break;
                    seen = payload.issues.length;
                }
                if (keySet.has(key)) continue;
                if (key === "__proto__") {
                    t === "never" && unrecognized.push(key);
                    continue;
                }
                if (t === "never") {
                    unrecognized.push(key);
                    continue;
                }
                const r = _catchall.run({
                    value: input[key],
                    issues: []
                }, ctx);
                r instanceof Promise ? proms.push(r.then(r => handlePropertyResult(r, payload, key, input, optin, optout))) : handlePropertyResult(r, payload, key, input, optin, optout);
            }
            unrecognized.length && payload.issues.push({
                code: "unrecognized_keys",
                keys: unrecognized,
                input: input,
                inst: inst,
                continue: !0
            });
            if (!proms.length) return payload;
            return Promise.all(proms).then(() => payload);
        }
        const $ZodObject = $constructor("$ZodObject", (inst, def) => {
            $ZodType.init(inst, def);
            const desc = Object.getOwnPropertyDescriptor(def, "shape");
            const sh = desc?.get ? desc.get.raw : def.shape ?? {};
            if (sh) {
                const get = () => {
                    const newSh = {
                        ...sh
                    };
                    Object.defineProperty(def, "shape", {
                        value: newSh
                    });
                    get.raw = newSh;
                    return newSh;
                };
                get.raw = sh;
                Object.defineProperty(def, "shape", {
                    get: get
                });
            }
            const _normalized = cached(() => normalizeDef(def));
            defineLazyInternal(inst, "propValues", zod => {
                const shape = zod.def.shape;
                const propValues = {};
                for (const key in shape) {
                    const field = shape[key]._zod;
                    if (field.values) {
                        Object.prototype.hasOwnProperty.call(propValues, key) || assignProp(propValues, key, new Set);
                        for (const v of field.values) propValues[key].add(v);
                        field.optin !== void 0 && propValues[key].add(void 0);
                    }
                }
                return propValues;
            });
            const isObject = util_isObject;
            const catchall = def.catchall;
            let value;
            const memo = core_globalConfig.memoizer;
            memo?.attach(inst);
            inst._zod.parse = (payload, ctx) => {
                value ?? (value = _normalized.value);
                const input = payload.value;
                if (!isObject(input)) {
                    payload.issues.push({
                        expected: "object",
                        code: "invalid_type",
                        input: input,
                        inst: inst
                    });
                    return payload;
                }
                payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
                const proms = [];
                const shape = value.shape;
                const abortEarly = ctx?.abortEarly;
                let seen = payload.issues.length;
                for (const key of value.allKeys) {
                    if (abortEarly && payload.issues.length !== seen) {
                        if (aborted(payload, seen)) break;
                        seen = payload.issues.length;
                    }
                    if (key === "__proto__") continue;
                    const el = shape[key];
                    const optin = el._zod.optin;
                    const optout = el._zod.optout;
                    const r = el._zod.run({
                        value: input[key],
                        issues: []
                    }, ctx);
                    r instanceof Promise ? proms.push(r.then(r => handlePropertyResult(r, payload, key, input, optin, optout))) : handlePropertyResult(r, payload, key, input, optin, optout);
                }
                if (!catchall) return proms.length ? Promise.all(proms).then(() => payload) : payload;
                return handleCatchall(proms, input, payload, ctx, _normalized.value, inst, abortEarly === !0);
            };
        });
        function handleUnionResults(results, final, inst, ctx) {
            for (const result of results) if (result.issues.length === 0) {
                final.value = result.value;
                return final;
            }
            const nonaborted = results.filter(r => !aborted(r));
            if (nonaborted.length === 1) {
                final.value = nonaborted[0].value;
                return nonaborted[0];
            }
            final.issues.push({
                code: "invalid_union",
                input: final.value,
                inst: inst,
                errors: results.map(result => result.issues.map(iss => finalizeIssue(iss, ctx, config())))
            });
            return final;
        }
        const $ZodUnion = $constructor("$ZodUnion", (inst, def) => {
            $ZodType.init(inst, def);
            defineLazyInternal(inst, "optin", zod => zod.def.options.some(o => o._zod.optin === "defaulted") ? "defaulted" : zod.def.options.some(o => o._zod.optin !== void 0) ? "optional" : void 0);
            defineLazyInternal(inst, "optout", zod => zod.def.options.some(o => o._zod.optout === "optional") ? "optional" : void 0);
            defineLazyInternal(inst, "values", zod => {
                if (zod.def.options.every(o => o._zod.values)) return new Set(zod.def.options.flatMap(option => Array.from(option._zod.values)));
                return;
            });
            defineLazyInternal(inst, "pattern", zod => {
                if (zod.def.options.every(o => o._zod.pattern)) {
                    const patterns = zod.def.options.map(o => o._zod.pattern);
                    return new RegExp(`^(${patterns.map(p => cleanRegex(p.source)).join("|")})$`);
                }
                return;
            });
            const first = def.options.length === 1 ? def.options[0]._zod.run : null;
            inst._zod.parse = (payload, ctx) => {
                if (first) return first(payload, ctx);
                let async = !1;
                const results = [];
                for (const option of def.options) {
                    const result = option._zod.run({
                        value: payload.value,
                        issues: []
                    }, ctx);
                    if (result instanceof Promise) {
                        results.push(result);
                        async = !0;
                    } else {
                        if (result.issues.length === 0) return result;
                        results.push(result);
                    }
                }
                if (!async) return handleUnionResults(results, payload, inst, ctx);
                return Promise.all(results).then(results => handleUnionResults(results, payload, inst, ctx));
            };
        });
        const $ZodRecord = $constructor("$ZodRecord", (inst, def) => {
            $ZodType.init(inst, def);
            const memo = core_globalConfig.memoizer;
            memo?.attach(inst);
            inst._zod.parse = (payload, ctx) => {
                const input = payload.value;
                if (!isPlainObject(input)) {
                    payload.issues.push({
                        expected: "record",
                        code: "invalid_type",
                        input: input,
                        inst: inst
                    });
                    return payload;
                }
                const proms = [];
                const values = def.keyType._zod.values;
                if (values && !def.partial) {
                    payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
                    const recordKeys = new Set;
                    for (const key of values) if (typeof key === "string" || typeof key === "number" || typeof key === "symbol") {
                        recordKeys.add(typeof key === "number" ? key.toString() : key);
                        if (key === "__proto__") continue;
                        const keyResult = def.keyType._zod.run({
                            value: key,
                            issues: []
                        }, ctx);
                        if (keyResult instanceof Promise) throw new Error("Async schemas not supported in object keys currently");
                        if (keyResult.issues.length) {
                            payload.issues.push({
                                code: "invalid_key",
                                origin: "record",
                                issues: keyResult.issues.map(iss => finalizeIssue(iss, ctx, config())),
                                input: key,
                                path: [ key ],
                                inst: inst
                            });
                            continue;
                        }
                        const outKey = keyResult.value;
                        if (outKey === "__proto__") continue;
                        const result = def.valueType._zod.run({
                            value: input[key],
                            issues: []
                        }, ctx);
                        if (result instanceof Promise) proms.push(result.then(result => {
                            result.issues.length && payload.issues.push(...prefixIssues(key, result.issues));
                            payload.value[outKey] = result.value;
                        })); else {
                            result.issues.length && payload.issues.push(...prefixIssues(key, result.issues));
                            payload.value[outKey] = result.value;
                        }
                    }
                    let unrecognized;
                    for (const key in input) if (!recordKeys.has(key)) if (def.mode === "loose") {
                        if (key === "__proto__") continue;
                        payload.value[key] = input[key];
                    } else {
                        unrecognized = unrecognized ?? [];
                        unrecognized.push(key);
                    }
                    unrecognized && unrecognized.length > 0 && payload.issues.push({
                        code: "unrecognized_keys",
                        input: input,
                        inst: inst,
                        keys: unrecognized,
                        continue: !0
                    });
                } else {
                    payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
                    let unrecognized;
                    for (const key of Reflect.ownKeys(input)) {
                        if (key === "__proto__") continue;
                        if (!Object.prototype.propertyIsEnumerable.call(input, key)) continue;
                        let keyResult = def.keyType._zod.run({
                            value: key,
                            issues: []
                        }, ctx);
                        if (keyResult instanceof Promise) throw new Error("Async schemas not supported in object keys currently");
                        const checkNumericKey = typeof key === "string" && number.test(key) && keyResult.issues.length;
                        if (checkNumericKey) {
                            const retryResult = def.keyType._zod.run({
                                value: Number(key),
                                issues: []
                            }, ctx);
                            if (retryResult instanceof Promise) throw new Error("Async schemas not supported in object keys currently");
                            retryResult.issues.length === 0 && (keyResult = retryResult);
                        }
                        if (keyResult.issues.length) {
                            if (def.mode === "loose") payload.value[key] = input[key]; else if (values) {
                                unrecognized = unrecognized ?? [];
                                unrecognized.push(key);
                            } else payload.issues.push({
                                code: "invalid_key",
                                origin: "record",
                                issues: keyResult.issues.map(iss => finalizeIssue(iss, ctx, config())),
                                input: key,
                                path: [ key ],
                                inst: inst
                            });
                            continue;
                        }
                        const outKey = keyResult.value;
                        if (outKey === "__proto__") continue;
                        const result = def.valueType._zod.run({
                            value: input[key],
                            issues: []
                        }, ctx);
                        if (result instanceof Promise) proms.push(result.then(result => {
                            result.issues.length && payload.issues.push(...prefixIssues(key, result.issues));
                            payload.value[outKey] = result.value;
                        })); else {
                            result.issues.length && payload.issues.push(...prefixIssues(key, result.issues));
                            payload.value[outKey] = result.value;
                        }
                    }
                    unrecognized && unrecognized.length > 0 && payload.issues.push({
                        code: "unrecognized_keys",
                        input: input,
                        inst: inst,
                        keys: unrecognized,
                        continue: !0
                    });
                }
                if (proms.length) return Promise.all(proms).then(() => payload);
                return payload;
            };
        });
        const $ZodEnum = $constructor("$ZodEnum", (inst, def) => {
            $ZodType.init(inst, def);
            const values = getEnumValues(def.entries);
            const valuesSet = new Set(values);
            inst._zod.values = valuesSet;
            defineLazyInternal(inst, "pattern", zod => {
                const patternValues = getEnumValues(zod.def.entries).filter(k => propertyKeyTypes.has(typeof k));
                return new RegExp(patternValues.length ? `^(${patternValues.map(o => escapeRegex(o.toString())).join("|")})$` : "^[^\\s\\S]$");
            });
            inst._zod.parse = (payload, _ctx) => {
                const input = payload.value;
                if (valuesSet.has(input)) return payload;
                payload.issues.push({
                    code: "invalid_value",
                    values: values,
                    input: input,
                    inst: inst
                });
                return payload;
            };
        });
        const $ZodTransform = $constructor("$ZodTransform", (inst, def) => {
            $ZodType.init(inst, def);
            inst._zod.optin = "optional";
            core_globalConfig.memoizer?.guard(inst);
            inst._zod.parse = (payload, ctx) => {
                if (ctx.direction === "backward") throw new $ZodEncodeError(inst.constructor.name);
                const _out = def.transform(payload.value, payload);
                if (ctx.async) {
                    const output = _out instanceof Promise ? _out : Promise.resolve(_out);
                    return output.then(output => {
                        payload.value = output;
                        return payload;
                    });
                }
                if (_out instanceof Promise) throw new $ZodAsyncError;
                payload.value = _out;
                return payload;
            };
        });
        function handleOptionalResult(payload, result) {
            payload.value = result.issues.length ? void 0 : result.value;
            return payload;
        }
        const $ZodOptional = $constructor("$ZodOptional", (inst, def) => {
            $ZodType.init(inst, def);
            defineLazyInternal(inst, "optin", zod => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
            inst._zod.optout = "optional";
            defineLazyInternal(inst, "values", zod => {
                const values = zod.def.innerType._zod.values;
                return values ? new Set([ ...values, void 0 ]) : void 0;
            });
            defineLazyInternal(inst, "pattern", zod => {
                const pattern = zod.def.innerType._zod.pattern;
                return pattern ? new RegExp(`^(${cleanRegex(pattern.source)})?$`) : void 0;
            });
            inst._zod.parse = (payload, ctx) => {
                if (payload.value === void 0) {
                    if (def.innerType._zod.optin !== "defaulted") return payload;
                    const result = def.innerType._zod.run({
                        value: payload.value,
                        issues: []
                    }, ctx);
                    if (result instanceof Promise) return result.then(result => handleOptionalResult(payload, result));
                    return handleOptionalResult(payload, result);
                }
                return def.innerType._zod.run(payload, ctx);
            };
        });
        const $ZodNullable = $constructor("$ZodNullable", (inst, def) => {
            $ZodType.init(inst, def);
            defineLazyInternal(inst, "optin", zod => zod.def.innerType._zod.optin);
            defineLazyInternal(inst, "optout", zod => zod.def.innerType._zod.optout);
            defineLazyInternal(inst, "pattern", zod => {
                const pattern = zod.def.innerType._zod.pattern;
                return pattern ? new RegExp(`^(${cleanRegex(pattern.source)}|null)$`) : void 0;
            });
            defineLazyInternal(inst, "values", zod => zod.def.innerType._zod.values ? new Set([ ...zod.def.innerType._zod.values, null ]) : void 0);
            inst._zod.parse = (payload, ctx) => {
                if (payload.value === null) return payload;
                return def.innerType._zod.run(payload, ctx);
            };
        });
        const $ZodPipe = $constructor("$ZodPipe", (inst, def) => {
            $ZodType.init(inst, def);
            defineLazyInternal(inst, "values", zod => zod.def.in._zod.values);
            defineLazyInternal(inst, "optin", zod => zod.def.in._zod.optin);
            defineLazyInternal(inst, "optout", zod => zod.def.out._zod.optout);
            defineLazyInternal(inst, "propValues", zod => zod.def.in._zod.propValues);
            inst._zod.parse = (payload, ctx) => {
                if (ctx.direction === "backward") {
                    const right = def.out._zod.run(payload, ctx);
                    if (right instanceof Promise) return right.then(right => handlePipeResult(right, def.in, ctx));
                    return handlePipeResult(right, def.in, ctx);
                }
                const left = def.in._zod.run(payload, ctx);
                if (left instanceof Promise) return left.then(left => handlePipeResult(left, def.out, ctx));
                return handlePipeResult(left, def.out, ctx);
            };
        });
        function handlePipeResult(left, next, ctx) {
            if (left.issues.some(iss => iss.code !== "unrecognized_keys")) {
                left.aborted = !0;
                return left;
            }
            return next._zod.run({
                value: left.value,
                issues: left.issues
            }, ctx);
        }
        const $ZodCustom = $constructor("$ZodCustom", (inst, def) => {
            $ZodCheck.init(inst, def);
            $ZodType.init(inst, def);
            inst._zod.parse = (payload, _) => payload;
            inst._zod.check = payload => {
                const input = payload.value;
                const r = def.fn(input);
                if (r instanceof Promise) return r.then(r => handleRefineResult(r, payload, input, inst));
                handleRefineResult(r, payload, input, inst);
                return;
            };
        });
        function handleRefineResult(result, payload, input, inst) {
            if (!result) {
                const _iss = {
                    code: "custom",
                    input: input,
                    inst: inst,
                    path: [ ...inst._zod.def.path ?? [] ],
                    continue: !inst._zod.def.abort
                };
                inst._zod.def.params && (_iss.params = inst._zod.def.params);
                payload.issues.push(util_issue(_iss));
            }
        }
        var registries_a;
        class $ZodRegistry {
            constructor() {
                this._map = new WeakMap;
                this._idmap = new Map;
            }
            add(schema, ..._meta) {
                const meta = _meta[0];
                this._map.set(schema, meta);
                meta && typeof meta === "object" && "id" in meta && this._idmap.set(meta.id, schema);
                return this;
            }
            clear() {
                this._map = new WeakMap;
                this._idmap = new Map;
                return this;
            }
            remove(schema) {
                const meta = this._map.get(schema);
                meta && typeof meta === "object" && "id" in meta && this._idmap.delete(meta.id);
                this._map.delete(schema);
                return this;
            }
            get(schema) {
                const p = schema._zod.parent;
                if (p) {
                    const pm = {
                        ...this.get(p) ?? {}
                    };
                    delete pm.id;
                    const f = {
                        ...pm,
                        ...this._map.get(schema)
                    };
                    return Object.keys(f).length ? f : void 0;
                }
                return this._map.get(schema);
            }
            has(schema) {
                return this._map.has(schema);
            }
        }
        function registry() {
            return new $ZodRegistry;
        }
        (registries_a = globalThis).__zod_globalRegistry ?? (registries_a.__zod_globalRegistry = registry());
        globalThis;
        function snapshotChecks(def) {
            def.checks && (def.checks = [ ...def.checks ]);
            return def;
        }
        function _string(Class, params) {
            return new Class(snapshotChecks({
                type: "string",
                ...normalizeParams(params)
            }));
        }
        function _number(Class, params) {
            return new Class(snapshotChecks({
                type: "number",
                checks: [],
                ...normalizeParams(params)
            }));
        }
        function _unknown(Class) {
            return new Class({
                type: "unknown"
            });
        }
        function _maxLength(maximum, params) {
            const ch = new $ZodCheckMaxLength({
                check: "max_length",
                ...normalizeParams(params),
                maximum: maximum
            });
            return ch;
        }
        function _minLength(minimum, params) {
            return new $ZodCheckMinLength({
                check: "min_length",
                ...normalizeParams(params),
                minimum: minimum
            });
        }
        function _regex(pattern, params) {
            return new $ZodCheckRegex({
                check: "string_format",
                format: "regex",
                ...normalizeParams(params),
                pattern: pattern
            });
        }
        function _overwrite(tx) {
            return new $ZodCheckOverwrite({
                check: "overwrite",
                tx: tx
            });
        }
        function _trim() {
            return _overwrite(input => input.trim());
        }
        function _toLowerCase() {
            return _overwrite(input => input.toLowerCase());
        }
        function _refine(Class, fn, _params) {
            const schema = new Class({
                type: "custom",
                check: "custom",
                fn: fn,
                ...normalizeParams(_params)
            });
            return schema;
        }
        function _superRefine(fn, params) {
            const ch = _check(payload => {
                payload.addIssue = issue => {
                    if (typeof issue === "string") payload.issues.push(util_issue(issue, payload.value, ch._zod.def)); else {
                        const _issue = issue;
                        _issue.fatal && (_issue.continue = !1);
                        _issue.code ?? (_issue.code = "custom");
                        "input" in _issue || (_issue.input = payload.value);
                        _issue.inst ?? (_issue.inst = ch);
                        _issue.continue ?? (_issue.continue = !ch._zod.def.abort);
                        payload.issues.push(util_issue(_issue));
                    }
                };
                return fn(payload.value, payload);
            }, params);
            return ch;
        }
        function _check(fn, params) {
            const ch = new $ZodCheck({
                check: "custom",
                ...normalizeParams(params)
            });
            ch._zod.check = fn;
            return ch;
        }
        function _getMessage() {
            const internals = this._zod;
            internals.message ?? (internals.message = JSON.stringify(internals.def, jsonStringifyReplacer, 2));
            return internals.message;
        }
        function _setMessage(value) {
            this._zod.message = value;
        }
        const _messageDesc = {
            get: _getMessage,
            set: _setMessage,
            enumerable: !0,
            configurable: !0
        };
        const _issuesDesc = {
            value: void 0,
            enumerable: !1
        };
        const _installedToString = new WeakSet([ Object.prototype, Error.prototype ]);
        const initializer = (inst, def) => {
            inst.name = "$ZodError";
            _issuesDesc.value = def;
            Object.defineProperty(inst, "issues", _issuesDesc);
            _issuesDesc.value = void 0;
            Object.defineProperty(inst, "message", _messageDesc);
            const proto = Object.getPrototypeOf(inst);
            if (!_installedToString.has(proto)) {
                _installedToString.add(proto);
                Object.defineProperty(proto, "toString", {
                    configurable: !0,
                    enumerable: !1,
                    get() {
                        const value = () => this.message;
                        Object.defineProperty(this, "toString", {
                            value: value,
                            configurable: !0,
                            writable: !0
                        });
                        return value;
                    },
                    set(value) {
                        Object.defineProperty(this, "toString", {
                            value: value,
                            configurable: !0,
                            writable: !0
                        });
                    }
                });
            }
        };
        $constructor("$ZodError", initializer);
        const $ZodRealError = $constructor("$ZodError", initializer, void 0, {
            Parent: Error
        });
        const _parse = _Err => {
            const fn = (schema, value, _ctx, _params) => {
                const ctx = _ctx ? {
                    ..._ctx,
                    async: !1
                } : {
                    async: !1
                };
                const result = schema._zod.run({
                    value: value,
                    issues: []
                }, ctx);
                if (result instanceof Promise) throw new $ZodAsyncError;
                if (result.issues.length) {
                    const e = new (_params?.Err ?? _Err)(result.issues.map(iss => finalizeIssue(iss, ctx, config())));
                    captureStackTrace(e, _params?.callee ?? fn);
                    throw e;
                }
                return result.value;
            };
            return fn;
        };
        const parse_parse = _parse($ZodRealError);
        const _parseAsync = _Err => {
            const fn = async (schema, value, _ctx, params) => {
                const ctx = _ctx ? {
                    ..._ctx,
                    async: !0
                } : {
                    async: !0
                };
                let result = schema._zod.run({
                    value: value,
                    issues: []
                }, ctx);
                result instanceof Promise && (result = await result);
                if (result.issues.length) {
                    const e = new (params?.Err ?? _Err)(result.issues.map(iss => finalizeIssue(iss, ctx, config())));
                    captureStackTrace(e, params?.callee ?? fn);
                    throw e;
                }
                return result.value;
            };
            return fn;
        };
        const parse_parseAsync = _parseAsync($ZodRealError);
        const _safeParse = _Err => (schema, value, _ctx) => {
            const ctx = _ctx ? {
                ..._ctx,
                async: !1
            } : {
                async: !1
            };
            const result = schema._zod.run({
                value: value,
                issues: []
            }, ctx);
            if (result instanceof Promise) throw new $ZodAsyncError;
            return result.issues.length ? failure(_Err, result.issues, ctx) : {
                success: !0,
                data: result.value
            };
        };
        const safeParse = _safeParse($ZodRealError);
        function failure(Err, issues, ctx) {
            let error;
            return {
                success: !1,
                get error() {
                    if (!error) {
                        error = new Err(issues.map(iss => finalizeIssue(iss, ctx, config())));
                        issues = void 0;
                        ctx = void 0;
                    }
                    return error;
                },
                set error(e) {
                    error = e;
                    issues = void 0;
                    ctx = void 0;
                }
            };
        }
        const _safeParseAsync = _Err => async (schema, value, _ctx) => {
            const ctx = _ctx ? {
                ..._ctx,
                async: !0
            } : {
                async: !0
            };
            let result = schema._zod.run({
                value: value,
                issues: []
            }, ctx);
            result instanceof Promise && (result = await result);
            return result.issues.length ? failure(_Err, result.issues, ctx) : {
                success: !0,
                data: result.value
            };
        };
        const safeParseAsync = _safeParseAsync($ZodRealError);
        const ZodMiniType = $constructor("ZodMiniType", (inst, def) => {
            if (!inst._zod) throw new Error("Uninitialized schema in ZodMiniType.");
            $ZodType.init(inst, def);
            inst.def = def;
            inst.type = def.type;
        }, {
            get with() {
                return this.check;
            },
            set with(value) {
                own(this, "with", value);
            },
            parse(data, params) {
                return parse_parse(this, data, params, {
                    callee: this.parse
                });
            },
            parseAsync(data, params) {
                return parse_parseAsync(this, data, params, {
                    callee: this.parseAsync
                });
            },
            safeParse(data, params) {
                return safeParse(this, data, params);
            },
            safeParseAsync(data, params) {
                return safeParseAsync(this, data, params);
            },
            check(...checks) {
                const def = this.def;
                return this.clone({
                    ...def,
                    checks: [ ...def.checks ?? [], ...checks.map(ch => typeof ch === "function" ? {
                        _zod: {
                            check: ch,
                            def: {
                                check: "custom"
                            },
                            onattach: []
                        }
                    } : ch) ]
                }, {
                    parent: !0
                });
            },
            clone(_def, params) {
                return clone(this, _def, params);
            },
            brand() {
                return this;
            },
            register(reg, meta) {
                reg.add(this, meta);
                return this;
            },
            apply(fn, ...args) {
                return args.length === 0 ? fn(this) : fn(this, ...args);
            }
        });
        const ZodMiniString = $constructor("ZodMiniString", (inst, def) => {
            $ZodString.init(inst, def);
            ZodMiniType.init(inst, def);
        });
        function schemas_string(params) {
            return _string(ZodMiniString, params);
        }
        const ZodMiniNumber = $constructor("ZodMiniNumber", (inst, def) => {
            $ZodNumber.init(inst, def);
            ZodMiniType.init(inst, def);
        });
        function schemas_number(params) {
            return _number(ZodMiniNumber, params);
        }
        const ZodMiniUnknown = $constructor("ZodMiniUnknown", (inst, def) => {
            $ZodUnknown.init(inst, def);
            ZodMiniType.init(inst, def);
        });
        function unknown() {
            return _unknown(ZodMiniUnknown);
        }
        const ZodMiniObject = $constructor("ZodMiniObject", (inst, def) => {
            $ZodObject.init(inst, def);
            ZodMiniType.init(inst, def);
            installLazyProp(inst, "shape", self => self._zod.def.shape, !1);
        });
        function object(shape, params) {
            const def = {
                type: "object",
                shape: shape ?? {},
                ...normalizeParams(params)
            };
            return new ZodMiniObject(def);
        }
        const ZodMiniUnion = $constructor("ZodMiniUnion", (inst, def) => {
            $ZodUnion.init(inst, def);
            ZodMiniType.init(inst, def);
        });
        function union(options, params) {
            return new ZodMiniUnion({
                type: "union",
                options: options,
                ...normalizeParams(params)
            });
        }
        const ZodMiniRecord = $constructor("ZodMiniRecord", (inst, def) => {
            $ZodRecord.init(inst, def);
            ZodMiniType.init(inst, def);
        });
        function record(keyType, valueType, params) {
            if (!valueType || !valueType._zod) return new ZodMiniRecord({
                type: "record",
                keyType: schemas_string(),
                valueType: keyType,
                ...normalizeParams(valueType)
            });
            return new ZodMiniRecord({
                type: "record",
                keyType: keyType,
                valueType: valueType,
                ...normalizeParams(params)
            });
        }
        const ZodMiniEnum = $constructor("ZodMiniEnum", (inst, def) => {
            $ZodEnum.init(inst, def);
            ZodMiniType.init(inst, def);
            inst.options = [ ...inst._zod.values ];
        });
        function schemas_enum(values, params) {
            const entries = Array.isArray(values) ? Object.fromEntries(values.map(v => [ v, v ])) : values;
            return new ZodMiniEnum({
                type: "enum",
                entries: entries,
                ...normalizeParams(params)
            });
        }
        const ZodMiniTransform = $constructor("ZodMiniTransform", (inst, def) => {
            $ZodTransform.init(inst, def);
            ZodMiniType.init(inst, def);
        });
        function transform(fn) {
            return new ZodMiniTransform({
                type: "transform",
                transform: fn
            });
        }
        const ZodMiniOptional = $constructor("ZodMiniOptional", (inst, def) => {
            $ZodOptional.init(inst, def);
            ZodMiniType.init(inst, def);
        });
        function optional(innerType) {
            return new ZodMiniOptional({
                type: "optional",
                innerType: innerType
            });
        }
        const ZodMiniNullable = $constructor("ZodMiniNullable", (inst, def) => {
            $ZodNullable.init(inst, def);
            ZodMiniType.init(inst, def);
        });
        function nullable(innerType) {
            return new ZodMiniNullable({
                type: "nullable",
                innerType: innerType
            });
        }
        const ZodMiniPipe = $constructor("ZodMiniPipe", (inst, def) => {
            $ZodPipe.init(inst, def);
            ZodMiniType.init(inst, def);
        });
        function pipe(in_, out) {
            return new ZodMiniPipe({
                type: "pipe",
                in: in_,
                out: out
            });
        }
        const ZodMiniCustom = $constructor("ZodMiniCustom", (inst, def) => {
            $ZodCustom.init(inst, def);
            ZodMiniType.init(inst, def);
        });
        function refine(fn, _params = {}) {
            return _refine(ZodMiniCustom, fn, _params);
        }
        function superRefine(fn, params) {
            return _superRefine(fn, params);
        }
        const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u;
        const INVISIBLE_ALL = new RegExp(INVISIBLE.source, "gu");
        const MARKER = /##(?:vso)?\[/i;
        const LEADING_COMMAND = /^\p{White_Space}*::/u;
        const LEADING_COLON = /^(\p{White_Space}*):(?=:)/u;
        function outsideTextProblem(text) {
            if (INVISIBLE.test(text)) return "holds control or invisible characters";
            if (MARKER.test(text)) return "holds a legacy workflow command marker (two # and a [)";
            if (LEADING_COMMAND.test(text)) return "starts with a workflow command marker (::)";
            return;
        }
        function neutraliseLine(line) {
            return line.replace(INVISIBLE_ALL, "").replace(/#(?=#)/g, "# ").replace(LEADING_COLON, "$1: ");
        }
        function quoteOutsideText(text, max = 40) {
            return neutraliseLine(text).slice(0, max);
        }
        const TOKEN_LENGTH = {
            min: 8,
            max: 8192
        };
        function tokenProblem(token) {
            if (token.length < TOKEN_LENGTH.min) return `is ${token.length} characters long, shorter than any real token (at least ${TOKEN_LENGTH.min})`;
            if (token.length > TOKEN_LENGTH.max) return `is ${token.length} characters long, longer than the ${TOKEN_LENGTH.max / 1024} KiB a header can carry`;
            if (/[\r\n]/.test(token)) return "holds a line break";
            if (/\s/u.test(token)) return "holds whitespace";
            if (/[\p{Cc}\p{Cf}]/u.test(token)) return "holds a control character";
            if (/[^\x21-\x7e]/.test(token)) return "holds a character outside printable ASCII";
            return;
        }
        const issuedToken = schemas_string().check(superRefine((token, ctx) => {
            const problem = tokenProblem(token);
            problem && ctx.addIssue({
                code: "custom",
                message: `the token ${problem}; it is not quoted here`
            });
        }));
        const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
        const answer_uuid = schemas_string().check(_regex(UUID, {
            error: "is not a UUID"
        }));
        const digits = pipe(union([ schemas_number(), schemas_string() ]), transform((value, ctx) => {
            if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return String(value);
            if (typeof value === "string" && /^\d{1,20}$/.test(value)) return value;
            ctx.issues.push({
                code: "custom",
                input: value,
                message: "is not digits"
            });
            return NEVER;
        }));
        const printableText = max => schemas_string().check(_maxLength(max, {
            error: `is longer than ${max} characters`
        }), superRefine((text, ctx) => {
            const problem = outsideTextProblem(text);
            problem && ctx.addIssue({
                code: "custom",
                message: problem
            });
        }));
        function describeValue(value) {
            if (Array.isArray(value)) return "an array";
            if (typeof value === "object" && value !== null) return "an object";
            if (typeof value === "number" && !Number.isFinite(value)) return "a number out of range";
            return String(JSON.stringify(value));
        }
        const answer_optional = schema => optional(nullable(schema));
        function readAnswer(schema, body, title, secret, tokenField = "token") {
            const token = typeof body === "object" && body !== null ? body[tokenField] : void 0;
            typeof token === "string" && tokenProblem(token) === void 0 && secret(token);
            const result = schema.safeParse(body, {
                reportInput: !0
            });
            if (result.success) return result.data;
            const problems = result.error.issues.map(issue => {
                const field = issue.path.length > 0 ? `'${issue.path.join(".")}'` : "the body";
                if (issue.code === "invalid_type" && issue.input === void 0) return `${field} is missing`;
                if (issue.code === "invalid_type") return `${field} is not ${withArticle(issue.expected)}`;
                if (issue.code === "custom" && issue.path[0] === tokenField) return issue.message;
                return `${field} ${issue.code === "custom" || issue.code === "invalid_format" || issue.code === "too_big" ? issue.message : "is not valid"}`;
            });
            throw new TokenRequestError(`${title} answered 200 but not with the documented token response: ${problems.join("; ")}.`);
        }
        const withArticle = noun => `${/^[aeiou]/.test(noun) ? "an" : "a"} ${noun}`;
        const VSCHAR = /^[\x20-\x7e]+$/;
        const SCOPE = /^[\x21\x23-\x5b\x5d-\x7e]+(?: [\x21\x23-\x5b\x5d-\x7e]+)*$/;
        const ERROR_CODE = /^[\x20\x21\x23-\x5b\x5d-\x7e]{1,100}$/;
        const CLIENT_AUTH = [ "basic", "post" ];
        const TEN_YEARS_SECONDS = 316224e3;
        const clientId = schemas_string().check(_maxLength(1024, {
            error: "is longer than 1024 characters."
        }), _regex(VSCHAR, {
            error: "must be printable ASCII (RFC 6749, Appendix A.1)."
        }));
        const scope = schemas_string().check(_maxLength(4096, {
            error: "is longer than 4096 characters."
        }), _regex(SCOPE, {
            error: 'must be scope names separated by single spaces, each printable ASCII without " or \\ (RFC 6749, 3.3).'
        }));
        const audience = schemas_string().check(_maxLength(2048, {
            error: "is longer than 2048 characters."
        }), _regex(/^[\x21-\x7e]+$/, {
            error: "must be printable ASCII without spaces, such as https://api.example.com."
        }));
        const clientAuth = pipe(schemas_string().check(_toLowerCase()), schemas_enum(CLIENT_AUTH, {
            error: `must be one of: ${CLIENT_AUTH.join(", ")}.`
        }));
        const grantedScope = printableText(4096);
        const TokenAnswer = object({
            access_token: issuedToken,
            token_type: schemas_string().check(refine(type => type.toLowerCase() === "bearer", {
                error: "is not Bearer, the only token type the action can hand on"
            })),
            expires_in: answer_optional(unknown()),
            scope: answer_optional(grantedScope)
        });
        const Refusal = object({
            error: schemas_string(),
            error_description: answer_optional(schemas_string())
        });
        function formEncode(value) {
            return new URLSearchParams([ [ "", value ] ]).toString().slice(1);
        }
        function readExpiry(value, now) {
            if (value === void 0 || value === null) return {};
            const seconds = typeof value === "string" && /^\d{1,10}$/.test(value) ? Number(value) : value;
            if (typeof seconds === "number" && Number.isInteger(seconds) && seconds >= 0 && seconds <= TEN_YEARS_SECONDS) return {
                expiresAt: new Date(now.getTime() + seconds * 1e3)
            };
            return {
                unreadableExpiry: {
                    field: "expires_in",
                    text: typeof value === "string" ? value : describeValue(value)
                }
            };
        }
        const NEXT_STEPS = {
            invalid_client: "Check client-id, client-secret and client-auth: a client registered for client_secret_post fails with basic, and the other way round.",
            invalid_scope: "Check scope: ask only for scopes this client is granted, separated by spaces.",
            unauthorized_client: "This client may not use the client-credentials grant: allow it for the client on the server (a machine-to-machine or service-account client).",
            invalid_request: "Check token-url (the token endpoint itself), client-auth, and that the client is allowed the client-credentials grant.",
            invalid_grant: "Check that the client is enabled and allowed the client-credentials grant.",
            unsupported_grant_type: "The server does not offer the client-credentials grant at this URL: check token-url, and that the grant is enabled."
        };
        const BY_STATUS = {
            400: "The server found the request invalid: check token-url, client-auth, scope and audience.",
            401: NEXT_STEPS.invalid_client,
            403: "This client may not get a token here: check its grants and scopes on the server.",
            404: "Check token-url: it must be the token endpoint itself, such as https://auth.example.com/oauth2/token.",
            405: "Check token-url: it must be the token endpoint itself, which takes a POST."
        };
        function refusalHint(status, answer) {
            const refusal = Refusal.safeParse(answer);
            const code = refusal.success && ERROR_CODE.test(refusal.data.error) ? refusal.data.error : void 0;
            const fallback = BY_STATUS[status];
            if (!refusal.success || code === void 0) return fallback;
            const description = refusal.data.error_description;
            const said = `The server said ${quoteOutsideText(code, 100)}${description ? ` (${quoteOutsideText(description, 200)})` : ""}.`;
            const next = Object.hasOwn(NEXT_STEPS, code) ? NEXT_STEPS[code] : fallback;
            return next ? `${said} ${next}` : said;
        }
        const oauth2 = {
            name: "oauth2",
            title: "OAuth 2.0",
            inputs: {
                "token-url": {
                    env: "OAUTH2_TOKEN_URL",
                    example: "https://auth.example.com/oauth2/token",
                    flag: {
                        value: "URL",
                        about: "OAuth 2.0 token endpoint (https://, http:// to loopback)"
                    }
                },
                "client-id": {
                    env: "OAUTH2_CLIENT_ID",
                    schema: clientId,
                    example: "reporting-job",
                    flag: {
                        value: "ID",
                        about: "OAuth 2.0 client id"
                    }
                },
                "client-secret": {
                    env: "OAUTH2_CLIENT_SECRET",
                    secret: !0,
                    schema: clientId
                },
                scope: {
                    default: "",
                    schema: scope,
                    flag: {
                        value: "SCOPES",
                        about: "OAuth 2.0 scopes, space-separated"
                    }
                },
                audience: {
                    default: "",
                    schema: audience,
                    flag: {
                        value: "URI",
                        about: "OAuth 2.0 audience parameter"
                    }
                },
                "client-auth": {
                    default: "basic",
                    schema: clientAuth,
                    flag: {
                        value: "METHOD",
                        about: "OAuth 2.0 client auth: basic (default) or post"
                    }
                }
            },
            regions: {},
            defaultRegion: "",
            endpointInput: "token-url",
            envName: "OAUTH2_TOKEN",
            tokenHeader: "Authorization",
            tokenScheme: "Bearer",
            account: [ {
                output: "scope",
                label: "Scope",
                schema: grantedScope
            } ],
            request(inputs) {
                const form = new URLSearchParams({
                    grant_type: "client_credentials"
                });
                inputs.scope && form.set("scope", inputs.scope);
                inputs.audience && form.set("audience", inputs.audience);
                const id = formEncode(inputs["client-id"]);
                const secret = formEncode(inputs["client-secret"]);
                const headers = {
                    "Content-Type": "application/x-www-form-urlencoded",
                    Accept: "application/json"
                };
                const secrets = secret === inputs["client-secret"] ? [] : [ secret ];
                if (inputs["client-auth"] === "post") {
                    form.set("client_id", inputs["client-id"]);
                    form.set("client_secret", inputs["client-secret"]);
                    secrets.push(`client_secret=${secret}`);
                } else {
                    const basic = Buffer.from(`${id}:${secret}`, "utf8").toString("base64");
                    headers.Authorization = `Basic ${basic}`;
                    secrets.push(basic);
                }
                return {
                    request: {
                        method: "POST",
                        path: "",
                        headers: headers,
                        body: form.toString()
                    },
                    secrets: secrets
                };
            },
            parse(body, {now: now, inputs: inputs, secret: secret}) {
                const answer = readAnswer(TokenAnswer, body, "OAuth 2.0", secret, "access_token");
                const granted = answer.scope ?? (inputs.scope || void 0);
                const account = granted ? {
                    scope: granted
                } : {};
                return {
                    token: answer.access_token,
                    ...readExpiry(answer.expires_in, now),
                    account: account
                };
            },
            hint: (status, {answer: answer}) => refusalHint(status, answer)
        };
        const sirdata_TokenAnswer = object({
            token: issuedToken,
            partner_id: answer_optional(digits),
            expiration_time: answer_optional(unknown())
        });
        const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;
        function parseRfc3339(text) {
            const match = RFC3339.exec(text);
            if (!match) return;
            const [year, month, day, hour, minute, second, offsetHours, offsetMinutes] = [ 1, 2, 3, 4, 5, 6, 10, 11 ].map(i => Number(match[i] ?? 0));
            const millis = Number((match[7] ?? "").slice(0, 3).padEnd(3, "0"));
            const sign = match[9];
            if (hour > 23 || minute > 59 || second > 60 || offsetHours > 23 || offsetMinutes > 59) return;
            const utc = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), millis);
            const local = new Date(utc);
            if (local.getUTCFullYear() !== year || local.getUTCMonth() !== month - 1 || local.getUTCDate() !== day) return;
            const offsetMs = (sign === "-" ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 6e4;
            return new Date(utc - offsetMs + (second === 60 ? 1e3 : 0));
        }
        function sirdata_readExpiry(value) {
            if (value === void 0 || value === null) return {};
            const expiresAt = typeof value === "string" ? parseRfc3339(value) : void 0;
            if (expiresAt) return {
                expiresAt: expiresAt
            };
            const text = typeof value === "string" ? value : describeValue(value);
            return {
                unreadableExpiry: {
                    field: "expiration_time",
                    text: text
                }
            };
        }
        const PARTNER_ID = schemas_string().check(_regex(/^\d{1,20}$/, {
            error: "must be digits only: your Sirdata partner id."
        }));
        const sirdata = {
            name: "sirdata",
            title: "Sirdata",
            inputs: {
                "partner-id": {
                    env: "SIRDATA_PARTNER_ID",
                    schema: PARTNER_ID,
                    example: "12345",
                    flag: {
                        value: "ID",
                        about: "Sirdata partner id, digits only"
                    }
                },
                username: {
                    env: "SIRDATA_LOGIN"
                },
                password: {
                    env: "SIRDATA_PASSWORD",
                    secret: !0
                }
            },
            regions: {
                global: "https://partner-api.sddan.com/api/v1"
            },
            defaultRegion: "global",
            envName: "SIRDATA_TOKEN",
            tokenHeader: "Authorization",
            account: [ {
                output: "partner-id",
                label: "Partner id",
                schema: PARTNER_ID
            } ],
            request(inputs) {
                const {password: password} = inputs;
                const escaped = JSON.stringify(password).slice(1, -1);
                return {
                    request: {
                        method: "GET",
                        path: `/public/auth/partner/${encodeURIComponent(inputs["partner-id"])}/token`,
                        headers: {
                            "Content-Type": "application/json",
                            Accept: "application/json"
                        },
                        body: JSON.stringify({
                            login: inputs.username,
                            password: password
                        })
                    },
                    secrets: escaped === password ? [] : [ escaped ]
                };
            },
            parse(body, {inputs: inputs, secret: secret}) {
                const answer = readAnswer(sirdata_TokenAnswer, body, "Sirdata", secret);
                const partnerId = answer.partner_id ?? inputs["partner-id"];
                return {
                    token: answer.token,
                    ...sirdata_readExpiry(answer.expiration_time),
                    account: {
                        "partner-id": partnerId
                    }
                };
            },
            hint(status) {
                switch (status) {
                  case 400:
                    return "Sirdata found the request invalid: check partner-id and that username and password are set.";

                  case 401:
                    return "Check the login (username), password and partner-id, and that the legal and sales agreements with Sirdata are signed: until they are, no token is issued.";

                  case 403:
                    return "This account may not use the partner API: ask your Sirdata technical account manager for API access.";

                  case 404:
                    return "Check partner-id and, if set, base-url (it replaces https://partner-api.sddan.com/api/v1).";

                  default:
                    return;
                }
            }
        };
        const soda_TokenAnswer = object({
            token: issuedToken,
            expires_in: answer_optional(unknown()),
            organization_id: answer_optional(answer_uuid),
            user: answer_optional(printableText(320))
        });
        const soda_TEN_YEARS_SECONDS = 316224e3;
        function soda_readExpiry(value, now) {
            if (value === void 0 || value === null) return {};
            if (typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= soda_TEN_YEARS_SECONDS) return {
                expiresAt: new Date(now.getTime() + value * 1e3)
            };
            return {
                unreadableExpiry: {
                    field: "expires_in",
                    text: describeValue(value)
                }
            };
        }
        const REGIONS = {
            eu: "https://reporting.cloud.soda.io/v1",
            us: "https://reporting.cloud.us.soda.io/v1"
        };
        const soda = {
            name: "soda",
            title: "Soda Cloud",
            inputs: {
                username: {
                    env: "SODA_USERNAME",
                    example: "me@example.com"
                },
                password: {
                    env: "SODA_PASSWORD",
                    secret: !0
                }
            },
            regions: REGIONS,
            defaultRegion: "eu",
            envName: "SODA_TOKEN",
            tokenHeader: "SODA_TOKEN",
            account: [ {
                output: "organization-id",
                label: "Organisation",
                schema: answer_uuid
            }, {
                output: "user",
                label: "User",
                schema: printableText(320)
            } ],
            request({username: username, password: password}) {
                const basic = Buffer.from(`${username}:${password}`, "utf8").toString("base64");
                return {
                    request: {
                        method: "GET",
                        path: "/get_token",
                        headers: {
                            Authorization: `Basic ${basic}`,
                            Accept: "application/json"
                        }
                    },
                    secrets: [ basic ]
                };
            },
            parse(body, {now: now, secret: secret}) {
                const answer = readAnswer(soda_TokenAnswer, body, "Soda Cloud", secret);
                const account = {};
                answer.organization_id && (account["organization-id"] = answer.organization_id);
                answer.user && (account["user"] = answer.user);
                return {
                    token: answer.token,
                    ...soda_readExpiry(answer.expires_in, now),
                    account: account
                };
            },
            hint(status, {region: region}) {
                switch (status) {
                  case 400:
                    return "Soda Cloud found the request invalid: check username and password.";

                  case 401:
                    return `Check username (the e-mail you signed up with) and password, and the region: ${otherRegion(region)} get_token does not serve accounts that sign in with Single Sign-On: Soda recommends API keys for them.`;

                  case 403:
                    return "This user may not use the Reporting API: check its role in Soda Cloud.";

                  case 404:
                    return "Check region and, if set, base-url (the API root ends in /v1).";

                  default:
                    return;
                }
            }
        };
        function otherRegion(asked) {
            const others = Object.keys(REGIONS).filter(region => region !== asked);
            return `this asked ${asked}; an account of ${others.join(" or ")} answers 401 there (set region: ${others.join(" or ")}).`;
        }
        const providers = Object.fromEntries([ sirdata, soda, oauth2 ].map(provider => [ provider.name, provider ]));
        const SEAL_KEY_ADVICE = "make one with `openssl rand -base64 32` (or `token-mint keygen`) and store it as a repository secret";
        const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        function decodeGeneratedKey(text) {
            const shape = `must be a key written by a key generator: 32, 48 or 64 random bytes as base64 or hex (the text is not quoted here); ${SEAL_KEY_ADVICE}.`;
            if (/^(?:[0-9a-f]{2})+$|^(?:[0-9A-F]{2})+$/.test(text)) {
                const bytes = Buffer.from(text, "hex");
                return KEY_BYTES.has(bytes.length) ? {
                    bytes: bytes,
                    base64: !1
                } : {
                    problem: shape
                };
            }
            const url = /^[A-Za-z0-9_-]+={0,2}$/.test(text);
            if (!url && !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return {
                problem: shape
            };
            const bytes = Buffer.from(text, url ? "base64url" : "base64");
            const written = bytes.toString(url ? "base64url" : "base64").replace(/=+$/, "");
            const padding = "=".repeat((4 - written.length % 4) % 4);
            const canonical = text === written || text === written + padding;
            return canonical && KEY_BYTES.has(bytes.length) ? {
                bytes: bytes,
                base64: !0
            } : {
                problem: shape
            };
        }
        const KEY_BYTES = new Set([ 32, 48, 64 ]);
        function patternProblem(text, bytes, base64) {
            if (bytes.every(byte => byte >= 32 && byte <= 126)) return "is the encoding of plain text, not of random bytes";
            if (repeatsWithin(bytes)) return "repeats a pattern of bytes";
            if (byteSteps(bytes.subarray(0, 32)) >= MAX_BYTE_STEPS) return "counts up or down, or repeats bytes";
            if (!base64 && new Set(text.slice(0, 64).toLowerCase()).size < MIN_HEX_DIGITS) return "uses too few hex digits";
            if (base64 && humanTextBits(text.slice(0, 42)) >= HUMAN_TEXT_BITS) return "reads like text a person typed (words, a sequence, a keyboard row)";
            return;
        }
        function repeatsWithin(bytes) {
            for (let period = 1; period <= bytes.length - 8; period++) if (bytes.subarray(period).equals(bytes.subarray(0, bytes.length - period))) return !0;
            return !1;
        }
        const MAX_BYTE_STEPS = 9;
        const MIN_HEX_DIGITS = 10;
        const HUMAN_TEXT_BITS = 30;
        function byteSteps(bytes) {
            let steps = 0;
            for (let i = 1; i < bytes.length; i++) {
                const step = (bytes[i] - bytes[i - 1] + 256) % 256;
                (step <= 1 || step === 255) && steps++;
            }
            return steps;
        }
        const ENGLISH = [ 82, 15, 28, 43, 127, 22, 20, 61, 70, 2, 8, 40, 24, 67, 75, 19, 1, 60, 63, 91, 28, 10, 24, 2, 20, 1 ];
        const ENGLISH_TOTAL = ENGLISH.reduce((sum, n) => sum + n, 0);
        const WEIGHT = {
            typed: .86,
            neighbour: .06,
            same: .02,
            anything: .06
        };
        const NEXT_KIND = {
            lower: {
                lower: .84,
                upper: .08,
                digit: .03,
                separator: .05
            },
            upper: {
                lower: .85,
                upper: .1,
                digit: .02,
                separator: .03
            },
            digit: {
                lower: .1,
                upper: .05,
                digit: .7,
                separator: .15
            },
            separator: {
                lower: .45,
                upper: .3,
                digit: .25,
                separator: 0
            }
        };
        const KEYBOARD_ROWS = [ "1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm" ].flatMap(row => [ row, row.toUpperCase() ]);
        const kindOf = index => index < 26 ? "upper" : index < 52 ? "lower" : index < 62 ? "digit" : "separator";
        function withinKind(index) {
            if (index < 52) return ENGLISH[index % 26] / ENGLISH_TOTAL;
            return index < 62 ? .1 : .5;
        }
        function neighbours(index) {
            const found = new Set([ (index + 1) % 64, (index + 63) % 64 ]);
            const symbol = BASE64[index];
            for (const row of KEYBOARD_ROWS) {
                const at = row.indexOf(symbol);
                at > 0 && found.add(BASE64.indexOf(row[at - 1]));
                at >= 0 && at < row.length - 1 && found.add(BASE64.indexOf(row[at + 1]));
            }
            return found;
        }
        function typedTextChance(from, to) {
            const near = neighbours(from);
            return WEIGHT.anything / 64 + (from === to ? WEIGHT.same : 0) + (near.has(to) ? WEIGHT.neighbour / near.size : 0) + WEIGHT.typed * NEXT_KIND[kindOf(from)][kindOf(to)] * withinKind(to);
        }
        let bitsTable;
        function humanTextBits(text) {
            bitsTable ??= Array.from({
                length: 64
            }, (_, from) => Array.from({
                length: 64
            }, (_, to) => Math.log2(64 * typedTextChance(from, to))));
            const table = bitsTable;
            const symbols = [ ...text.replace(/-/g, "+").replace(/_/g, "/") ].map(symbol => BASE64.indexOf(symbol));
            let bits = 0;
            for (let i = 1; i < symbols.length; i++) bits += table[symbols[i - 1]][symbols[i]];
            return bits;
        }
        const seal_crypto = () => process.getBuiltinModule("node:crypto");
        const ENVELOPE_VERSION = 2;
        const PREFIX = `tm${ENVELOPE_VERSION}.`;
        const HEADER_BYTES = 36;
        const TAG_BYTES = 16;
        const SALT = "token-mint-action seal v1";
        const STRETCH = {
            N: 16384,
            r: 8,
            p: 1
        };
        const stretched = new Map;
        function readSealKey(text) {
            const read = checkSealKey(text);
            if ("problem" in read) return read;
            const id = read.bytes.toString("hex");
            const master = stretched.get(id) ?? seal_crypto().scryptSync(read.bytes, SALT, 32, STRETCH);
            stretched.set(id, master);
            const derive = (label, length) => Buffer.from(seal_crypto().hkdfSync("sha256", master, SALT, label, length));
            return {
                key: {
                    encryption: derive("aes-256-gcm key", 32),
                    check: derive("key check", 8)
                }
            };
        }
        function checkSealKey(text) {
            const trimmed = text.trim();
            const decoded = decodeGeneratedKey(trimmed);
            if ("problem" in decoded) return decoded;
            const pattern = patternProblem(trimmed, decoded.bytes, decoded.base64);
            return pattern ? {
                problem: `${pattern}, so it would be guessed: ${SEAL_KEY_ADVICE}.`
            } : {
                bytes: decoded.bytes
            };
        }
        const Sealed = object({
            p: schemas_string(),
            r: optional(schemas_string()),
            t: schemas_string().check(_minLength(1)),
            e: nullable(schemas_number()),
            a: record(schemas_string(), schemas_string())
        });
        function sealToken(issued, key, binding) {
            const nonce = seal_crypto().randomBytes(12);
            const header = Buffer.concat([ key.check, runIdBytes(binding), repositoryHash(binding), nonce ]);
            const cipher = seal_crypto().createCipheriv("aes-256-gcm", key.encryption, nonce);
            cipher.setAAD(associatedData(header, binding));
            const plaintext = JSON.stringify({
                p: issued.provider.name,
                r: issued.region,
                t: issued.token,
                e: issued.expiresAt?.getTime() ?? null,
                a: issued.account
            });
            const sealed = Buffer.concat([ header, cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag() ]);
            return PREFIX + sealed.toString("base64url");
        }
        function unsealToken(text, key, binding, now, expected) {
            const bytes = readEnvelope(text, key, binding);
            const opened = Sealed.safeParse(safeJson(decrypt(bytes, key, binding)));
            const provider = opened.success && Object.hasOwn(providers, opened.data.p) ? providers[opened.data.p] : void 0;
            if (!opened.success || !provider) throw new SealError("holds a token this version of the action cannot read: seal and unseal with the same version of the action.");
            if (!isPublishable(opened.data, provider)) throw new SealError("holds values this version of the action refuses to publish: seal and unseal with the same version of the action.");
            if (expected && expected !== provider) throw new SealError(`holds a ${provider.title} token, but provider is ${expected.name}.`);
            const expiresAt = opened.data.e === null ? void 0 : new Date(opened.data.e);
            if (expiresAt && expiresAt.getTime() <= now.getTime()) throw new SealError(`holds a ${provider.title} token that expired at ${expiresAt.toISOString()}: mint the token in this job instead.`);
            const {r: region, t: token, a: account} = opened.data;
            return {
                provider: provider,
                region: region,
                token: token,
                expiresAt: expiresAt,
                account: account,
                issuedAt: now,
                origin: "unsealed"
            };
        }
        function readEnvelope(text, key, binding) {
            const match = /^tm([1-9]\d{0,5})\.([A-Za-z0-9_-]*)$/.exec(text.trim());
            if (!match) throw new SealError("is not a sealed token from this action: it is malformed or truncated.");
            if (Number(match[1]) !== ENVELOPE_VERSION) throw new SealError(`has format version ${match[1]}, and this version of the action reads version ${ENVELOPE_VERSION}: seal and unseal with the same version of the action.`);
            const body = match[2];
            const bytes = Buffer.from(body, "base64url");
            if (bytes.toString("base64url") !== body || bytes.length <= HEADER_BYTES + TAG_BYTES) throw new SealError("is not a sealed token from this action: it is malformed or truncated.");
            const header = bytes.subarray(0, HEADER_BYTES);
            if (!seal_crypto().timingSafeEqual(header.subarray(0, 8), key.check)) throw new SealError("was sealed with another seal-key: use the same secret in the job that seals and the jobs that unseal.");
            if (!header.subarray(16, 24).equals(repositoryHash(binding))) throw new SealError("was sealed in another repository: it opens only in the repository and workflow run that sealed it.");
            const sealedRun = header.readBigUInt64BE(8);
            if (sealedRun !== BigInt(binding.runId)) throw new SealError(`was sealed by workflow run ${sealedRun}, not this one (${binding.runId}): it opens only in the run that sealed it.`);
            return bytes;
        }
        function decrypt(bytes, key, binding) {
            const header = bytes.subarray(0, HEADER_BYTES);
            try {
                const decipher = seal_crypto().createDecipheriv("aes-256-gcm", key.encryption, header.subarray(24, HEADER_BYTES));
                decipher.setAAD(associatedData(header, binding));
                decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
                return Buffer.concat([ decipher.update(bytes.subarray(HEADER_BYTES, bytes.length - TAG_BYTES)), decipher.final() ]).toString("utf8");
            } catch {
                throw new SealError("has been altered or truncated: it failed authentication.");
            }
        }
        function isPublishable(sealed, provider) {
            return tokenProblem(sealed.t) === void 0 && (sealed.r === void 0 || Object.hasOwn(provider.regions, sealed.r)) && (sealed.e === null || Number.isSafeInteger(sealed.e) && !Number.isNaN(new Date(sealed.e).getTime())) && Object.entries(sealed.a).every(([name, value]) => {
                const field = provider.account.find(account => account.output === name);
                return field !== void 0 && field.schema.safeParse(value).success;
            });
        }
        function runIdBytes({runId: runId}) {
            const bytes = Buffer.alloc(8);
            bytes.writeBigUInt64BE(BigInt(runId));
            return bytes;
        }
        function repositoryHash({repository: repository}) {
            return seal_crypto().createHash("sha256").update(repository, "utf8").digest().subarray(0, 8);
        }
        function associatedData(header, {repository: repository, runId: runId}) {
            return Buffer.concat([ Buffer.from(PREFIX), header, Buffer.from(`${repository}\n${runId}`, "utf8") ]);
        }
        function safeJson(text) {
            try {
                return JSON.parse(text);
            } catch {
                return;
            }
        }
        const DEFAULTS = {
            exportEnv: !0,
            timeoutSeconds: 30,
            maxAttempts: 3,
            minValiditySeconds: 60,
            cliOnPath: !1
        };
        const LIMITS = {
            timeoutSeconds: 600,
            maxAttempts: 10,
            minValiditySeconds: 86400
        };
        const quote = value => `'${String(value).slice(0, 40)}'`;
        const trimmed = schemas_string().check(_trim());
        const lowerCased = schemas_string().check(_trim(), _toLowerCase());
        const oneOf = values => pipe(lowerCased, schemas_enum(values, {
            error: issue => `must be one of: ${values.join(", ")} (got ${quote(issue.input)}).`
        }));
        const booleanText = pipe(trimmed, pipe(schemas_enum([ "true", "True", "TRUE", "false", "False", "FALSE" ], {
            error: issue => `must be true or false (got ${quote(issue.input)}).`
        }), transform(text => text.toLowerCase() === "true")));
        const numberText = (description, check) => pipe(trimmed, transform((text, ctx) => {
            const number = Number(text);
            if (text !== "" && check(number)) return number;
            ctx.issues.push({
                code: "custom",
                input: text,
                message: `must be ${description} (got ${quote(text)}).`
            });
            return NEVER;
        }));
        const wholeNumber = (from, to, unit = "") => numberText(`a whole number${unit} from ${from} to ${to}`, n => Number.isInteger(n) && n >= from && n <= to);
        const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;
        function apiRootProblem(url, what = "the API root") {
            if (url.username || url.password) return "must not hold credentials (user:password@): pass them as inputs.";
            if (url.search || url.hash) return `must not have a query (?) or a fragment (#): give ${what} only.`;
            if (url.protocol === "https:") return;
            if (url.protocol !== "http:") return `must be an https:// URL (got a ${url.protocol.slice(0, 20)} URL).`;
            if (LOOPBACK_HOST.test(url.hostname)) return;
            return "must be an https:// URL: plain http:// is allowed only to a loopback host (127.0.0.1, ::1, localhost).";
        }
        const urlOf = (what, example) => pipe(trimmed, transform((text, ctx) => {
            const url = URL.canParse(text) ? new URL(text) : void 0;
            const problem = url ? apiRootProblem(url, what) : `must be an https:// URL, such as ${example}.`;
            if (url && !problem) return url;
            ctx.issues.push({
                code: "custom",
                input: text,
                message: problem ?? ""
            });
            return NEVER;
        }));
        const apiRoot = urlOf("the API root", "https://gateway.example.com/v1");
        const endpointUrl = urlOf("the token endpoint URL", "https://auth.example.com/token");
        const RESERVED_PREFIXES = [ "GITHUB_", "RUNNER_", "ACTIONS_", "INPUT_", "STATE_", "NODE_", "NPM_CONFIG_" ];
        function envNameProblem(name) {
            if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return "must be a valid environment variable name: letters, digits and _, not starting with a digit.";
            const upper = name.toUpperCase();
            if (!/^[A-Z0-9_]*[A-Z0-9]_TOKEN$/.test(upper)) return "must end in _TOKEN, such as REPORTING_TOKEN or DQ_TOKEN: a variable of another name may be one that a loader, a shell or a runtime reads at start-up, and the token would change how later steps run.";
            const prefix = RESERVED_PREFIXES.find(reserved => upper.startsWith(reserved));
            if (prefix) return `must not start with ${prefix}: the runner, the toolkit or npm read such _TOKEN variables themselves. Choose a name of your own, such as REPORTING_TOKEN.`;
            return;
        }
        const envName = pipe(trimmed, transform((name, ctx) => {
            const problem = envNameProblem(name);
            if (!problem) return name;
            ctx.issues.push({
                code: "custom",
                input: name,
                message: problem
            });
            return NEVER;
        }));
        const INPUT_NAMES = [ "provider", "partner-id", "region", "username", "password", "base-url", "token-url", "client-id", "client-secret", "scope", "audience", "client-auth", "export-env", "env-name", "timeout", "max-attempts", "seal-key", "sealed-token", "min-validity", "cli-on-path" ];
        const PROVIDER_NAMES = Object.keys(providers);
        const PROVIDER_INPUTS = new Set([ "region", ...Object.values(providers).flatMap(p => Object.keys(p.inputs)) ]);
        const sealKey = pipe(schemas_string(), transform((text, ctx) => {
            const read = readSealKey(text);
            if ("key" in read) return read.key;
            ctx.issues.push({
                code: "custom",
                input: "",
                message: read.problem
            });
            return NEVER;
        }));
        const commonShape = {
            "export-env": optional(booleanText),
            "env-name": optional(envName),
            "min-validity": optional(wholeNumber(0, LIMITS.minValiditySeconds, " of seconds")),
            "seal-key": optional(sealKey),
            "cli-on-path": optional(booleanText)
        };
        const mintShape = {
            ...commonShape,
            "base-url": optional(apiRoot),
            timeout: optional(numberText(`a number of seconds above 0 and at most ${LIMITS.timeoutSeconds}`, n => n > 0 && n <= LIMITS.timeoutSeconds)),
            "max-attempts": optional(wholeNumber(1, LIMITS.maxAttempts))
        };
        function parseSettings(raw, env) {
            const value = name => raw[name]?.trim() || void 0;
            const unsealing = value("sealed-token") !== void 0;
            const problems = [];
            const provider = readProvider(value("provider"), unsealing, problems, value("seal-key") !== void 0);
            return unsealing ? parseUnseal(value, env, provider, problems) : parseMint(value, env, provider, problems);
        }
        const EMPTY_SEALED_TOKEN = {
            input: "sealed-token",
            message: "is empty. If this job unseals a token, pass ${{ needs.<job>.outputs.<name> }}, and check that the minting job declares it under outputs: with that exact name. To mint here instead, set provider and the credentials."
        };
        function readProvider(name, unsealing, problems, withSealKey) {
            if (!name) {
                if (unsealing) return;
                problems.push(withSealKey ? EMPTY_SEALED_TOKEN : {
                    input: "provider",
                    message: `is required: one of ${PROVIDER_NAMES.join(", ")}.`
                });
                return;
            }
            const chosen = oneOf(PROVIDER_NAMES).safeParse(name);
            if (chosen.success) return providers[chosen.data];
            problems.push(...problemsOf(chosen.error, "provider"));
            return;
        }
        function parseMint(value, env, provider, problems) {
            const readsRegion = provider !== void 0 && Object.keys(provider.regions).length > 1;
            const shape = {
                ...mintShape,
                ...readsRegion ? {
                    region: optional(oneOf(Object.keys(provider.regions)))
                } : {},
                ...provider ? providerShape(provider) : {}
            };
            const values = {};
            for (const name of Object.keys(mintShape)) values[name] = value(name);
            readsRegion && (values.region = value("region"));
            for (const [name, input] of Object.entries(provider?.inputs ?? {})) values[name] = value(name) ?? (input.env && env[input.env]?.trim() || void 0);
            const parsed = object(shape).safeParse(values);
            parsed.success || problems.push(...problemsOf(parsed.error));
            const missing = Object.entries(provider?.inputs ?? {}).filter(([name, input]) => values[name] === void 0 && input.default === void 0).map(([name]) => name);
            provider && missing.length > 0 && value("seal-key") ? problems.push(EMPTY_SEALED_TOKEN) : explainMissing(problems, missing);
            const seal = parsed.success ? bindSeal(parsed.data["seal-key"], env, problems) : void 0;
            if (!provider || !parsed.success || problems.length > 0) throw new InputError(problems);
            const fields = parsed.data;
            const region = fields.region ?? provider.defaultRegion;
            const inputs = Object.fromEntries(Object.entries(provider.inputs).map(([name, input]) => [ name, readInput(fields[name]) ?? input.default ?? "" ]));
            return {
                settings: {
                    mode: "mint",
                    ...commonSettings(fields, seal),
                    provider: provider,
                    inputs: inputs,
                    region: region,
                    apiRoot: apiRootOf(provider, fields["base-url"], region, inputs),
                    timeoutMs: Math.round((fields.timeout ?? DEFAULTS.timeoutSeconds) * 1e3),
                    maxAttempts: fields["max-attempts"] ?? DEFAULTS.maxAttempts
                },
                warnings: ignoredInputs(value, provider)
            };
        }
        const WHY_EMPTY = "A secret or variable arrives empty when it is not defined for this repository or the environment of the job, when its name is misspelt in ${{ secrets.NAME }} or ${{ vars.NAME }}, and in runs from a fork or from Dependabot, which get no secrets or only Dependabot secrets.";
        function explainMissing(problems, missing) {
            const last = problems.findLastIndex(problem => missing.includes(problem.input));
            const problem = problems[last];
            problem && (problems[last] = {
                input: problem.input,
                message: `${problem.message} ${WHY_EMPTY}`
            });
        }
        function providerShape(provider) {
            return Object.fromEntries(Object.entries(provider.inputs).map(([name, input]) => {
                const fallback = input.env ? `, or the ${input.env} environment variable` : "";
                const required = schemas_string({
                    error: `is required for ${provider.name}: set it${fallback}.`
                });
                const schema = name === provider.endpointInput ? endpointUrl : input.schema;
                const checked = schema ? pipe(required, schema) : required;
                return [ name, input.default === void 0 ? checked : optional(checked) ];
            }));
        }
        function readInput(value) {
            return value instanceof URL ? value.href : value;
        }
        function apiRootOf(provider, baseUrl, region, inputs) {
            if (provider.endpointInput) return new URL(inputs[provider.endpointInput]);
            return baseUrl ?? new URL(provider.regions[region]);
        }
        function parseUnseal(value, env, provider, problems) {
            const shape = object({
                ...commonShape,
                "seal-key": pipe(schemas_string({
                    error: "is required with sealed-token: pass the same secret as the job that sealed it."
                }), sealKey)
            });
            const result = shape.safeParse({
                "export-env": value("export-env"),
                "env-name": value("env-name"),
                "min-validity": value("min-validity"),
                "seal-key": value("seal-key"),
                "cli-on-path": value("cli-on-path")
            });
            result.success || problems.push(...problemsOf(result.error));
            const seal = result.success ? bindSeal(result.data["seal-key"], env, problems) : void 0;
            if (!seal || !result.success || problems.length > 0) throw new InputError(problems);
            const warnings = INPUT_NAMES.filter(name => (PROVIDER_INPUTS.has(name) || name === "base-url") && value(name)).map(name => `Input '${name}' is ignored: the token comes from sealed-token, not from the provider.`);
            return {
                settings: {
                    mode: "unseal",
                    ...commonSettings(result.data, seal),
                    seal: seal,
                    sealedToken: value("sealed-token"),
                    provider: provider
                },
                warnings: warnings
            };
        }
        function bindSeal(key, env, problems) {
            if (!key) return;
            const binding = {
                repository: env.GITHUB_REPOSITORY?.trim() ?? "",
                runId: env.GITHUB_RUN_ID?.trim() ?? ""
            };
            if (binding.repository && /^\d{1,19}$/.test(binding.runId)) return {
                key: key,
                binding: binding
            };
            problems.push({
                input: "seal-key",
                message: "needs GITHUB_REPOSITORY and GITHUB_RUN_ID, which the runner sets: sealed tokens work only inside a GitHub Actions workflow run."
            });
            return;
        }
        function commonSettings(fields, seal) {
            return {
                exportEnv: fields["export-env"] ?? DEFAULTS.exportEnv,
                envName: fields["env-name"],
                minValiditySeconds: fields["min-validity"] ?? DEFAULTS.minValiditySeconds,
                seal: seal,
                cliOnPath: fields["cli-on-path"] ?? DEFAULTS.cliOnPath
            };
        }
        function ignoredInputs(value, provider) {
            const reads = new Set([ ...Object.keys(provider.inputs), ...Object.keys(provider.regions).length > 1 ? [ "region" ] : [] ]);
            const ignored = [ ...PROVIDER_INPUTS ].filter(name => !reads.has(name) && value(name)).map(name => `Input '${name}' does not apply to ${provider.name} and is ignored.`);
            provider.endpointInput && value("base-url") && ignored.push(`Input 'base-url' does not apply to ${provider.name}, whose ${provider.endpointInput} gives the whole URL, and is ignored.`);
            return ignored;
        }
        function problemsOf(error, input) {
            return error.issues.map(issue => ({
                input: input ?? String(issue.path[0]),
                message: issue.message
            }));
        }
        function readInputs(env = process.env) {
            const raw = {};
            for (const name of INPUT_NAMES) raw[name] = getInput(name);
            const secrets = new Set([ raw["seal-key"] ]);
            for (const provider of Object.values(providers)) for (const [name, input] of Object.entries(provider.inputs)) if (input.secret) {
                secrets.add(raw[name]);
                secrets.add(input.env ? env[input.env] : void 0);
            }
            for (const secret of new Set([ ...secrets ].map(value => value?.trim()))) secret && core_setSecret(secret);
            return raw;
        }
        function misspeltInputs(env = process.env) {
            const warnings = [];
            for (const variable of Object.keys(env)) {
                const loose = variable.replaceAll("_", "-").toLowerCase();
                const meant = INPUT_NAMES.find(name => loose === `input-${name}`);
                if (!meant || variable === `INPUT_${meant.toUpperCase()}` || variable === `INPUT_${meant}`) continue;
                warnings.push(`${variable} is set, but no input is read from it: did you mean ${meant} (INPUT_${meant.toUpperCase()})? Input names keep their hyphens.`);
            }
            return warnings;
        }
        function formatDuration(seconds) {
            if (seconds < 59.5) {
                const rounded = Math.round(seconds * 10) / 10;
                return `${Number.isInteger(rounded) ? rounded : rounded.toFixed(1)} s`;
            }
            const minutes = Math.round(seconds / 60);
            const hours = Math.floor(minutes / 60);
            if (hours === 0) return `${minutes} min`;
            return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
        }
        const external_node_events_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");
        const VERSION = "1.1.0";
        const USER_AGENT = `token-mint-action/${VERSION} node/${process.version}`;
        function proxyFor(target, env) {
            if (bypassesProxy(target, env)) return;
            const names = target.protocol === "https:" ? [ "https_proxy", "HTTPS_PROXY" ] : [ "http_proxy", "HTTP_PROXY" ];
            const variable = names.find(name => env[name]?.trim());
            if (!variable) return;
            return parseProxy(env[variable].trim(), variable);
        }
        function parseProxy(text, variable) {
            const refuse = why => new NetworkError(`The proxy in ${variable} cannot be used: ${why}.`);
            const withScheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(text) ? text : `http://${text}`;
            if (!URL.canParse(withScheme)) throw refuse("it is not a URL (the value is not shown, since it may hold a password)");
            const url = new URL(withScheme);
            const afterScheme = withScheme.slice(withScheme.indexOf("://") + 3);
            const authority = afterScheme.split(/[/?#]/)[0] ?? "";
            if (afterScheme.includes("@") && (!url.username || !authority.includes("@"))) throw refuse("its user name or password holds a / ? or # that is not percent-encoded (write them as %2F %3F %23)");
            if (url.protocol !== "http:" && url.protocol !== "https:") throw refuse(`${url.protocol.slice(0, -1).slice(0, 20)}:// proxies are not supported; use an http:// or https:// proxy`);
            if (!url.hostname) throw refuse("it names no host");
            if (!url.username) return {
                url: url,
                variable: variable,
                secrets: []
            };
            let credentials;
            try {
                credentials = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
            } catch {
                throw refuse("its user name or password is not valid percent-encoding (write % as %25)");
            }
            const basic = Buffer.from(credentials, "utf8").toString("base64");
            const secrets = [ url.password, decodeURIComponent(url.password), basic ].filter(secret => secret.length > 0);
            return {
                url: url,
                variable: variable,
                authorization: `Basic ${basic}`,
                secrets: secrets
            };
        }
        function bypassesProxy(target, env) {
            const host = target.hostname.toLowerCase();
            if (host === "localhost" || /^127\.\d+\.\d+\.\d+$/.test(host) || host === "[::1]" || host === "[0:0:0:0:0:0:0:1]") return !0;
            const noProxy = env.no_proxy?.trim() || env.NO_PROXY?.trim() || "";
            const port = target.port || (target.protocol === "https:" ? "443" : "80");
            const candidates = [ host, `${host}:${port}` ];
            return noProxy.split(",").map(entry => entry.trim().toLowerCase()).filter(Boolean).some(entry => entry === "*" || candidates.some(candidate => candidate === entry || candidate.endsWith(entry.startsWith(".") ? entry : `.${entry}`)));
        }
        const PATIENCE = {
            timeoutMs: 2e3,
            tries: 3
        };
        const SILENCE = new Set([ "ETIMEOUT", "ECANCELLED" ]);
        function lookupWithin(deadline, sources = {}) {
            return (hostname, options, callback) => {
                resolveHost(hostname, familyWanted(options), deadline, sources).then(addresses => {
                    const [first] = addresses;
                    options.all ? callback(null, addresses) : callback(null, first.address, first.family);
                }, error => callback(error, ""));
            };
        }
        function familyWanted(options) {
            const family = options.family;
            if (family === 4 || family === "IPv4") return 4;
            if (family === 6 || family === "IPv6") return 6;
            return 0;
        }
        async function resolveHost(hostname, family, deadline, sources) {
            const fromHosts = hostsAddresses(readHostsFile(sources.hostsFile), hostname);
            const local = (fromHosts.length > 0 ? fromHosts : loopbackFor(hostname)).filter(address => family === 0 || address.family === family);
            if (local.length > 0) return local;
            const dns = process.getBuiltinModule("node:dns");
            const {timeoutMs: timeoutMs, tries: tries} = sources.patience ?? PATIENCE;
            const resolver = new dns.Resolver({
                timeout: timeoutMs,
                tries: tries
            });
            sources.servers && resolver.setServers(sources.servers);
            const cancel = () => resolver.cancel();
            deadline.addEventListener("abort", cancel);
            try {
                if (deadline.aborted) throw deadline.reason;
                return await askDns(resolver, hostname, family);
            } catch (error) {
                if (deadline.aborted || SILENCE.has(error.code ?? "")) throw error;
                const system = new Promise((resolve, reject) => dns.lookup(hostname, {
                    family: family,
                    all: !0
                }, (error, addresses) => error ? reject(error) : resolve(addresses)));
                return await untilAborted(system, deadline);
            } finally {
                deadline.removeEventListener("abort", cancel);
            }
        }
        async function askDns(resolver, hostname, family) {
            const ask = version => new Promise((resolve, reject) => {
                const done = (error, addresses) => error ? reject(error) : resolve(addresses.map(address => ({
                    address: address,
                    family: version
                })));
                version === 4 ? resolver.resolve4(hostname, done) : resolver.resolve6(hostname, done);
            });
            const versions = family === 0 ? [ 4, 6 ] : [ family ];
            process.getBuiltinModule("node:dns").getDefaultResultOrder() === "ipv6first" && versions.reverse();
            const answers = await Promise.allSettled(versions.map(ask));
            const addresses = answers.flatMap(answer => answer.status === "fulfilled" ? answer.value : []);
            if (addresses.length > 0) return addresses;
            const errors = answers.map(answer => answer.reason);
            const [first] = errors;
            throw errors.find(error => SILENCE.has(error.code ?? "")) ?? first;
        }
        function hostsAddresses(hostsText, hostname) {
            const name = hostname.toLowerCase();
            const {isIP: isIP} = process.getBuiltinModule("node:net");
            return hostsText.split("\n").flatMap(line => {
                const [address = "", ...names] = line.replace(/#.*/, "").trim().split(/\s+/);
                const family = isIP(address);
                return family && names.some(entry => entry.toLowerCase() === name) ? [ {
                    address: address,
                    family: family
                } ] : [];
            });
        }
        function loopbackFor(hostname) {
            return hostname.toLowerCase() === "localhost" ? [ {
                address: "127.0.0.1",
                family: 4
            }, {
                address: "::1",
                family: 6
            } ] : [];
        }
        function readHostsFile(path = systemHostsFile()) {
            try {
                return process.getBuiltinModule("node:fs").readFileSync(path, "utf8");
            } catch {
                return "";
            }
        }
        function systemHostsFile() {
            return process.platform === "win32" ? `${process.env.SystemRoot ?? "C:\\Windows"}\\System32\\drivers\\etc\\hosts` : "/etc/hosts";
        }
        function untilAborted(promise, deadline) {
            return new Promise((resolve, reject) => {
                const abort = () => reject(deadline.reason);
                deadline.addEventListener("abort", abort, {
                    once: !0
                });
                promise.then(resolve, reject).finally(() => deadline.removeEventListener("abort", abort));
            });
        }
        const MAX_BODY_BYTES = 1048576;
        async function sendOnce(request, options) {
            const controller = new AbortController;
            const timer = setTimeout(() => controller.abort(), options.timeoutMs);
            const deadline = controller.signal;
            const cancel = () => controller.abort();
            options.cancel?.aborted && cancel();
            options.cancel?.addEventListener("abort", cancel);
            const proxy = proxyFor(request.url, options.env ?? process.env);
            let tunnel;
            try {
                proxy && (tunnel = await openTunnel(proxy, request.url, options, deadline));
                return await exchange(request, options, deadline, tunnel);
            } catch (error) {
                if (deadline.aborted) {
                    const setting = options.timeoutSetting ?? "input 'timeout'";
                    throw new TransientFailureError(`timed out after ${formatDuration(options.timeoutMs / 1e3)} waiting for a complete answer (${setting})`, 1, {
                        cause: error,
                        timedOut: !0
                    });
                }
                throw classify(error, proxy && !tunnel ? `the proxy ${proxy.url.host}` : void 0);
            } finally {
                clearTimeout(timer);
                options.cancel?.removeEventListener("abort", cancel);
                tunnel?.destroy();
            }
        }
        async function exchange(request, options, signal, tunnel) {
            const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
            const transport = await httpFor(request.url);
            const req = transport.request(request.url, {
                method: request.method,
                headers: {
                    "User-Agent": USER_AGENT,
                    ...request.headers,
                    ...request.body === void 0 ? {} : {
                        "Content-Length": String(Buffer.byteLength(request.body))
                    }
                },
                ca: options.ca,
                rejectUnauthorized: !0,
                lookup: options.lookup ?? lookupWithin(signal),
                signal: signal,
                ...tunnel ? {
                    createConnection: () => tunnel
                } : {
                    agent: !1
                }
            });
            req.on("error", () => {});
            req.end(request.body);
            try {
                const res = await firstAnswer(req, signal);
                if (Number(res.headers["content-length"]) > maxBodyBytes) throw tooLarge(maxBodyBytes);
                const chunks = [];
                let size = 0;
                for await (const chunk of res) {
                    size += chunk.length;
                    if (size > maxBodyBytes) throw tooLarge(maxBodyBytes);
                    chunks.push(chunk);
                }
                if (!res.complete) throw new TransientFailureError("the connection closed mid-answer");
                return {
                    status: res.statusCode ?? 0,
                    headers: res.headers,
                    body: Buffer.concat(chunks).toString("utf8")
                };
            } finally {
                req.destroy();
            }
        }
        async function firstAnswer(req, deadline) {
            const settled = new AbortController;
            const signal = AbortSignal.any([ deadline, settled.signal ]);
            try {
                return await Promise.race([ (0, external_node_events_namespaceObject.once)(req, "response", {
                    signal: signal
                }).then(([res]) => res), (0, external_node_events_namespaceObject.once)(req, "upgrade", {
                    signal: signal
                }).then(([, socket]) => {
                    socket.destroy();
                    throw new TokenRequestError("the server answered 101 Switching Protocols instead of a token response");
                }), (0, external_node_events_namespaceObject.once)(req, "close", {
                    signal: signal
                }).then(() => {
                    throw new TransientFailureError("the connection closed before any answer");
                }) ]);
            } finally {
                settled.abort();
            }
        }
        async function openTunnel(proxy, target, options, signal) {
            const authority = `${target.hostname}:${target.port || 443}`;
            const connect = (await httpFor(proxy.url)).request({
                host: proxy.url.hostname.replace(/^\[(.*)\]$/, "$1"),
                port: proxy.url.port || (proxy.url.protocol === "https:" ? 443 : 80),
                method: "CONNECT",
                path: authority,
                headers: {
                    Host: authority,
                    ...proxy.authorization ? {
                        "Proxy-Authorization": proxy.authorization
                    } : {}
                },
                agent: !1,
                ca: options.ca,
                rejectUnauthorized: !0,
                lookup: options.lookup ?? lookupWithin(signal),
                signal: signal
            });
            connect.on("error", () => {});
            connect.end();
            const [res, socket] = await (0, external_node_events_namespaceObject.once)(connect, "connect", {
                signal: signal
            });
            if (res.statusCode !== 200) {
                socket.destroy();
                const answer = `the proxy ${proxy.url.host} (from ${proxy.variable}) answered ${res.statusCode} to CONNECT ${authority}`;
                if (res.statusCode === 407) throw new NetworkError(`${answer}: check the user name and password in ${proxy.variable}`);
                throw new TransientFailureError(answer);
            }
            const {connect: connectTls} = await Promise.resolve().then(__nccwpck_require__.t.bind(__nccwpck_require__, 311, 23));
            return connectTls({
                socket: socket,
                host: target.hostname,
                servername: process.getBuiltinModule("node:net").isIP(target.hostname) ? void 0 : target.hostname,
                ca: options.ca,
                rejectUnauthorized: !0
            });
        }
        async function httpFor(url) {
            return url.protocol === "https:" ? await Promise.resolve().then(__nccwpck_require__.t.bind(__nccwpck_require__, 708, 23)) : await Promise.resolve().then(__nccwpck_require__.t.bind(__nccwpck_require__, 67, 23));
        }
        const CONNECTION_ERRORS = {
            ECONNREFUSED: "connection refused",
            ECONNRESET: "connection reset",
            EPIPE: "connection closed while sending",
            ETIMEDOUT: "connection timed out",
            ENOTFOUND: "host not found (DNS)",
            EAI_AGAIN: "DNS lookup failed for now",
            ETIMEOUT: "no DNS server answered",
            EHOSTUNREACH: "host unreachable",
            ENETUNREACH: "network unreachable",
            ERR_TLS_HANDSHAKE_TIMEOUT: "TLS handshake timed out"
        };
        const UNTRUSTED_CA = new Set([ "UNABLE_TO_GET_ISSUER_CERT", "UNABLE_TO_GET_ISSUER_CERT_LOCALLY", "UNABLE_TO_VERIFY_LEAF_SIGNATURE", "SELF_SIGNED_CERT_IN_CHAIN", "DEPTH_ZERO_SELF_SIGNED_CERT", "CERT_UNTRUSTED", "CERT_SIGNATURE_FAILURE", "CERT_CHAIN_TOO_LONG" ]);
        const CERT_DATES = new Set([ "CERT_HAS_EXPIRED", "CERT_NOT_YET_VALID" ]);
        const WRONG_HOST = new Set([ "ERR_TLS_CERT_ALTNAME_INVALID", "HOSTNAME_MISMATCH" ]);
        const NOT_TLS = new Set([ "ERR_SSL_WRONG_VERSION_NUMBER", "ERR_SSL_PACKET_LENGTH_TOO_LONG", "EPROTO" ]);
        function classify(error, peer) {
            if (error instanceof TokenRequestError || error instanceof TransientFailureError || error instanceof NetworkError) return error;
            const code = error.code ?? "";
            const options = {
                cause: error
            };
            if (UNTRUSTED_CA.has(code)) return new NetworkError(`TLS certificate not trusted (${code}); if a proxy or gateway presents a corporate CA, point NODE_EXTRA_CA_CERTS at its certificate`, options);
            if (CERT_DATES.has(code)) return new NetworkError(`the server's TLS certificate has expired or is not valid yet (${code}); check the runner's clock`, options);
            if (WRONG_HOST.has(code)) return new NetworkError(`the server's TLS certificate is for another host name (${code}); check region and base-url, or a proxy that intercepts TLS: a CA in NODE_EXTRA_CA_CERTS cannot fix a wrong name`, options);
            if (NOT_TLS.has(code)) return new NetworkError(`the TLS handshake failed (${code}): the server does not seem to speak TLS on that port; check base-url`, options);
            const known = CONNECTION_ERRORS[code];
            const reason = known ? `${known} (${code})` : error.message || "connection failed";
            return new TransientFailureError(`${peer ? `${peer}: ` : ""}${reason}`, 1, options);
        }
        function tooLarge(limit) {
            return new TokenRequestError(`the answer is larger than ${Math.round(limit / 1024)} KiB, far more than a token response`);
        }
        const RETRYABLE_STATUSES = new Set([ 429, 500, 502, 503, 504 ]);
        const DEFAULT_RETRY = {
            baseDelayMs: 1e3,
            maxDelayMs: 6e4,
            sleep: ms => new Promise(resolve => setTimeout(resolve, ms)),
            random: Math.random
        };
        async function sendWithRetries(request, attempt, policy, report) {
            for (let n = 1; ;n++) {
                const started = Date.now();
                let reason;
                let retryAfterMs;
                let failure;
                let status;
                try {
                    const response = await sendOnce(request, attempt);
                    if (!RETRYABLE_STATUSES.has(response.status)) {
                        report({
                            attempt: n,
                            maxAttempts: policy.maxAttempts,
                            elapsedMs: Date.now() - started,
                            status: response.status
                        });
                        return response;
                    }
                    reason = `HTTP ${response.status}`;
                    status = response.status;
                    response.status !== 429 && response.status !== 503 || (retryAfterMs = parseRetryAfter(response.headers["retry-after"], Date.now()));
                } catch (error) {
                    if (!(error instanceof ActionError) || !error.retryable) throw error;
                    reason = error.message;
                    failure = error;
                }
                const last = n >= policy.maxAttempts;
                const retryInMs = last ? void 0 : backoff(n, retryAfterMs, policy);
                report({
                    attempt: n,
                    maxAttempts: policy.maxAttempts,
                    elapsedMs: Date.now() - started,
                    reason: reason,
                    retryInMs: retryInMs
                });
                if (retryInMs === void 0) {
                    const timedOut = failure instanceof TransientFailureError && failure.timedOut;
                    throw new TransientFailureError(`failed after ${n} attempt${n === 1 ? "" : "s"}; the last: ${reason}`, n, {
                        cause: failure,
                        status: status,
                        timedOut: timedOut,
                        reason: reason,
                        retryAfterMs: retryAfterMs
                    });
                }
                await policy.sleep(retryInMs);
            }
        }
        function backoff(attempt, retryAfterMs, policy) {
            const jitter = policy.random();
            if (retryAfterMs !== void 0) return Math.round(Math.min(retryAfterMs, policy.maxDelayMs) + jitter * policy.baseDelayMs);
            const ceiling = Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
            return Math.round(ceiling / 2 + jitter * ceiling / 2);
        }
        function parseRetryAfter(value, nowMs) {
            const text = (Array.isArray(value) ? value[0] : value)?.trim();
            if (!text) return;
            if (/^\d+$/.test(text)) return Number(text) * 1e3;
            const date = /[a-z]/i.test(text) && /\d:\d/.test(text) ? Date.parse(text) : Number.NaN;
            return Number.isNaN(date) ? void 0 : Math.max(0, date - nowMs);
        }
        const wait = "wait a few minutes and run it again";
        function adviceAfterRetries(last, settings, name) {
            const attempts = moreAttempts(settings.maxAttempts, name);
            if (last.status === 429) return `The provider is throttling: ${wait}, and mint once per workflow run rather than once per job (seal-key shares one token between jobs); ${attempts}.`;
            if (last.status !== void 0) return `The provider is failing on its side: ${wait}; ${attempts}.`;
            if (last.timedOut) return `If the provider is slow to answer, ${moreTime(settings.timeoutMs / 1e3, name)}; ${attempts}. If no attempt ever gets an answer, check the proxy (https_proxy, no_proxy) and that the runner can reach the host.`;
            return `Check that the runner can reach the host (region, base-url, DNS, firewall) and the proxy (https_proxy, no_proxy); if the failure passes, ${wait}; ${attempts}.`;
        }
        function moreAttempts(current, name) {
            if (current >= LIMITS.maxAttempts) return `${name("max-attempts")} is already ${current}, the most`;
            const raised = Math.min(current + 2, LIMITS.maxAttempts);
            const [shortest, longest] = waitsBetween(raised);
            return `or raise ${name("max-attempts")} from ${current} to ${raised}: the waits between attempts then add up to ${shortest}–${longest} s, or what the provider's Retry-After asks`;
        }
        function moreTime(seconds, name) {
            if (seconds >= LIMITS.timeoutSeconds) return `${name("timeout")} is already ${formatDuration(seconds)}, the most`;
            const raised = Math.min(seconds * 2, LIMITS.timeoutSeconds);
            return `raise ${name("timeout")} from ${formatDuration(seconds)} to ${formatDuration(raised)}`;
        }
        function waitsBetween(attempts) {
            let longest = 0;
            for (let n = 1; n < attempts; n++) longest += Math.min(DEFAULT_RETRY.baseDelayMs * 2 ** (n - 1), DEFAULT_RETRY.maxDelayMs);
            return [ Math.round(longest / 2e3), Math.round(longest / 1e3) ];
        }
        function lifetimeSeconds(issued) {
            if (!issued.expiresAt) return;
            return Math.max(0, Math.floor((issued.expiresAt.getTime() - issued.issuedAt.getTime()) / 1e3));
        }
        function checkLifetime(issued, minSeconds) {
            const {title: title} = issued.provider;
            const unreadable = issued.unreadableExpiry;
            if (unreadable) {
                const what = `${title} sent an ${unreadable.field} that could not be read ('${quoteOutsideText(unreadable.text)}')`;
                if (minSeconds === 0) return `${what}: expires-at and expires-in are left empty.`;
                throw new TokenLifetimeError(`${what}, so min-validity (${formatDuration(minSeconds)}) cannot be checked: set min-validity to 0 to accept a token whose expiry is unknown.`);
            }
            const left = lifetimeSeconds(issued);
            if (left === void 0) return `${title} did not say when the token expires: expires-at and expires-in are left empty, and min-validity is not checked.`;
            if (left === 0) throw new TokenLifetimeError(issued.origin === "unsealed" ? `The unsealed ${title} token has expired: mint the token in this job instead.` : `${title} issued a token that has already expired (expires-in 0): it cannot be used, whatever min-validity says. Check the runner's clock, or ask ${title} why.`);
            if (left >= minSeconds) return;
            throw new TokenLifetimeError(issued.origin === "unsealed" ? `The unsealed ${title} token has ${formatDuration(left)} left, less than min-validity (${formatDuration(minSeconds)}): mint the token in this job instead.` : `${title} issued a token valid for ${formatDuration(left)}, less than min-validity (${formatDuration(minSeconds)}): lower min-validity if such short-lived tokens are expected.`);
        }
        async function mintToken(settings, options) {
            const now = options.now ?? (() => new Date);
            const token = settings.mode === "unseal" ? openSealed(settings, now(), options.log) : await askProvider(settings, options, now);
            const warning = checkLifetime(token, settings.minValiditySeconds);
            warning && options.log.warning(warning);
            const sealedToken = settings.mode === "mint" && settings.seal ? sealToken(token, settings.seal.key, settings.seal.binding) : void 0;
            return {
                token: token,
                sealedToken: sealedToken
            };
        }
        function openSealed(settings, now, log) {
            const token = unsealToken(settings.sealedToken, settings.seal.key, settings.seal.binding, now, settings.provider);
            log.secret(token.token);
            return token;
        }
        async function askProvider(settings, options, now) {
            const {provider: provider, inputs: inputs, log: log} = {
                ...settings,
                log: options.log
            };
            const {request: request, secrets: secrets} = provider.request(inputs);
            const url = request.path === "" ? settings.apiRoot : new URL(settings.apiRoot.href.replace(/\/+$/, "") + request.path);
            const proxy = proxyFor(url, options.attempt?.env ?? process.env);
            for (const secret of [ ...secrets, ...proxy?.secrets ?? [] ]) log.secret(secret);
            const where = `${provider.title} at ${url.origin}${url.pathname}`;
            let response;
            try {
                response = await sendWithRetries({
                    method: request.method,
                    url: url,
                    headers: request.headers,
                    body: request.body
                }, {
                    timeoutMs: settings.timeoutMs,
                    ...options.attempt
                }, {
                    ...DEFAULT_RETRY,
                    ...options.retry,
                    maxAttempts: settings.maxAttempts
                }, report => logAttempt(log, request.method, url, report));
            } catch (error) {
                if (!(error instanceof ActionError)) throw error;
                error.within(`Could not get a token from ${where}`);
                error instanceof TransientFailureError && (error.message += ` ${adviceAfterRetries(error, settings, options.setting ?? (name => name))}`);
                throw error;
            }
            const given = Object.entries(provider.inputs).flatMap(([name, input]) => input.secret ? [ inputs[name] ?? "" ] : []);
            refuseUnlessOk(response, settings, url, [ ...given, ...secrets, ...proxy?.secrets ?? [] ]);
            const issuedAt = now();
            const body = parseJson(response, provider);
            let minted;
            try {
                minted = provider.parse(body, {
                    now: issuedAt,
                    inputs: inputs,
                    secret: value => log.secret(value)
                });
            } catch (error) {
                if (error instanceof ActionError) throw error;
                throw new TokenRequestError(`${provider.title} answered with a body the action could not read.`, response.status);
            }
            const region = Object.keys(provider.regions).length > 1 ? settings.region : void 0;
            return {
                ...minted,
                provider: provider,
                region: region,
                issuedAt: issuedAt,
                origin: "minted"
            };
        }
        function whereSettings(provider) {
            return provider.endpointInput ?? "region and base-url";
        }
        function refuseUnlessOk({status: status, headers: headers, body: body}, {provider: provider, region: region}, url, secrets) {
            const statusText = `HTTP ${status} ${process.getBuiltinModule("node:http").STATUS_CODES[status] ?? ""}`.trimEnd();
            if (status >= 300 && status < 400) throw new TokenRequestError(`${provider.title} answered ${statusText}, a redirect to ${redirectHost(headers.location, url)}. The action does not follow redirects, since they would carry your credentials elsewhere: check ${whereSettings(provider)}.`, status);
            if (status < 200 || status >= 300) {
                const hint = provider.hint(status, {
                    region: region,
                    answer: withoutSecrets(readJson(body), secrets)
                });
                throw new TokenRequestError(`${provider.title} refused the token request: ${statusText}.${hint ? ` ${hint}` : ""}`, status);
            }
        }
        function withoutSecrets(answer, secrets) {
            if (!answer || typeof answer !== "object" || Array.isArray(answer)) return answer;
            const redact = text => secrets.reduce((kept, secret) => secret ? kept.split(secret).join("***") : kept, text);
            return Object.fromEntries(Object.entries(answer).map(([name, value]) => [ name, typeof value === "string" ? redact(value) : value ]));
        }
        function readJson(body) {
            try {
                return JSON.parse(body);
            } catch {
                return;
            }
        }
        function parseJson(response, provider) {
            const text = response.body.trim();
            if (text !== "") try {
                return JSON.parse(text);
            } catch {}
            const what = text === "" ? "an empty body" : text.startsWith("<") ? "an HTML or XML page" : "a body that is not JSON";
            const check = provider.endpointInput ? `check ${provider.endpointInput}, which must be the token endpoint itself.` : "check region and base-url, which must point at the API root.";
            throw new TokenRequestError(`${provider.title} answered HTTP ${response.status} with ${what} instead of the documented JSON token response: ${check}`, response.status);
        }
        function redirectHost(location, from) {
            if (!location) return "an unnamed location";
            return URL.canParse(location, from.href) ? quoteOutsideText(new URL(location, from).host) : "an unreadable location";
        }
        function logAttempt(log, method, url, report) {
            const outcome = report.status === void 0 ? report.reason : `HTTP ${report.status}`;
            log.debug(`${method} ${url.origin}${url.pathname}: ${outcome} in ${report.elapsedMs} ms (attempt ${report.attempt}/${report.maxAttempts})`);
            report.retryInMs !== void 0 && log.warning(`Attempt ${report.attempt} of ${report.maxAttempts} failed: ${report.reason}; retrying in ${formatDuration(report.retryInMs / 1e3)}.`);
        }
        const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
        const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
        const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
        const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
        const NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
        function runner_files_setOutput(name, value, env = process.env) {
            append("GITHUB_OUTPUT", namedValue(name, value), env);
        }
        function runner_files_addPath(dir, env = process.env) {
            append("GITHUB_PATH", oneLine("a PATH directory", dir), env);
        }
        function appendSummary(lines, env = process.env) {
            append("GITHUB_STEP_SUMMARY", lines.join(external_node_os_namespaceObject.EOL), env);
        }
        function hasRunnerFile(file, env = process.env) {
            return (0, external_node_fs_namespaceObject.existsSync)(env[file] ?? "");
        }
        function checkWritable(file, env = process.env) {
            const path = env[file];
            if (!path) throw new Error(`The runner's ${file} file is missing, so nothing was published.`);
            try {
                (0, external_node_fs_namespaceObject.closeSync)((0, external_node_fs_namespaceObject.openSync)(path, external_node_fs_namespaceObject.constants.O_WRONLY | external_node_fs_namespaceObject.constants.O_APPEND | external_node_fs_namespaceObject.constants.O_NONBLOCK));
            } catch (error) {
                const code = error.code;
                if (code === "ENOENT") throw new Error(`The runner's ${file} file is missing, so nothing was published.`, {
                    cause: error
                });
                throw new Error(`The runner's ${file} file cannot be written (${code ?? "unknown error"}), so nothing was published.`, {
                    cause: error
                });
            }
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
        function tokenOutputs(issued) {
            const outputs = {
                token: issued.token
            };
            const left = lifetimeSeconds(issued);
            if (issued.expiresAt && left !== void 0) {
                outputs["expires-at"] = issued.expiresAt.toISOString();
                outputs["expires-in"] = String(left);
            }
            for (const [name, value] of Object.entries(issued.account)) name in outputs || (outputs[name] = value);
            return outputs;
        }
        function tokenFacts(issued) {
            const facts = [];
            issued.region && facts.push([ "Region", issued.region ]);
            for (const {output: output, label: label} of issued.provider.account) {
                const value = issued.account[output];
                value !== void 0 && facts.push([ label, value ]);
            }
            const left = lifetimeSeconds(issued);
            if (issued.expiresAt && left !== void 0) {
                facts.push([ "Expires at", issued.expiresAt.toISOString() ]);
                facts.push([ issued.origin === "unsealed" ? "Time left" : "Lifetime", formatDuration(left) ]);
            }
            return facts;
        }
        function describeToken(issued) {
            const verb = issued.origin === "unsealed" ? "Unsealed" : "Minted";
            const facts = tokenFacts(issued).map(([label, value]) => `${label.toLowerCase()} ${value}`);
            const article = /^[aeiou]/i.test(issued.provider.title) ? "an" : "a";
            const sentence = `${verb} ${article} ${issued.provider.title} token${facts.length > 0 ? `: ${facts.join(", ")}` : ""}.`;
            return neutraliseLine(sentence);
        }
        function publishToken({token: token, sealedToken: sealedToken}, settings) {
            const envName = settings.envName ?? token.provider.envName;
            checkRunnerFiles(settings.exportEnv ? [ "GITHUB_OUTPUT", "GITHUB_ENV" ] : [ "GITHUB_OUTPUT" ]);
            for (const [name, value] of Object.entries(tokenOutputs(token))) setOutput(name, value);
            sealedToken && setOutput("sealed-token", sealedToken);
            settings.exportEnv && exportVariable(envName, token.token);
            const delivery = [ settings.exportEnv ? `Exported as $${envName} for the following steps of this job.` : "Not exported, since export-env is false: read the token output instead." ];
            token.origin === "unsealed" && delivery.push("Unsealed from the sealed-token of an earlier job of this run.");
            sealedToken && delivery.push("Sealed into the sealed-token output for later jobs of this run.");
            info(`${describeToken(token)} ${delivery.join(" ")}`);
            const facts = tokenFacts(token);
            facts.push([ "Environment variable", settings.exportEnv ? `$${envName}` : "none (export-env is false)" ]);
            sealedToken && facts.push([ "Sealed", "sealed-token output, for later jobs of this run" ]);
            const verb = token.origin === "unsealed" ? "unsealed" : "minted";
            writeSummary(`${token.provider.title} token ${verb}`, facts);
        }
        function checkRunnerFiles(files, env = process.env) {
            for (const file of files) (env[file] || env.GITHUB_ACTIONS === "true") && checkWritable(file, env);
        }
        function reportFailure(error, settings) {
            const facts = [ [ "What failed", whatFailed(error) ] ];
            const provider = settings?.provider;
            provider && facts.push([ "Provider", provider.title ]);
            settings?.mode === "mint" && facts.push([ "Host", settings.apiRoot.host ]);
            writeSummary(provider ? `${provider.title} token not obtained` : "Token not obtained", facts, errors_describeError(error));
        }
        function whatFailed(error) {
            if (error instanceof InputError) return "Invalid inputs, found before any request";
            if (error instanceof SealError) return "Opening the sealed-token";
            if (error instanceof TokenLifetimeError) return "The token’s lifetime check";
            if (error instanceof TokenRequestError) return "The provider refused the token request";
            if (error instanceof TransientFailureError) return "No usable answer, after every attempt";
            if (error instanceof NetworkError) return "The connection to the provider (network, proxy or TLS)";
            return error instanceof ActionError ? error.name : "An unexpected error";
        }
        function writeSummary(title, facts, text) {
            if (!process.env.GITHUB_STEP_SUMMARY) return;
            const cells = (tag, values) => values.map(value => `<${tag}>${escapeSummary(value)}</${tag}>`).join("");
            const lines = [ `<h3>${escapeSummary(title)}</h3>`, `<table><tr>${cells("th", facts.map(([label]) => label))}</tr><tr>${cells("td", facts.map(([, value]) => value))}</tr></table>`, ...text ? [ `<p>${escapeSummary(text)}</p>` ] : [] ];
            try {
                appendSummary(lines);
            } catch (error) {
                warning(`Could not write the job summary: ${errors_describeError(error)}`);
            }
        }
        function escapeSummary(text) {
            return text.replace(/[\r\n]+/g, " ").replace(/[&<>"'|`*_[\]\\]/g, char => `&#${char.charCodeAt(0)};`);
        }
        const actionLog = {
            debug: message => core_debug(neutraliseLine(message)),
            warning: message => warning(neutraliseLine(message)),
            secret: core_setSecret
        };
        const MINTING_WITH_SEAL_KEY = "sealed-token is empty, so this step mints a new token (and seals it into its sealed-token output). If this job meant to unseal one from an earlier job: that job must declare it under outputs:, and this job must list that job under needs:.";
        async function run(cliScript = bundledCli(import.meta.url, 0)) {
            let settings;
            try {
                const inputs = readInputs();
                for (const warning of misspeltInputs()) actionLog.warning(warning);
                const parsed = parseSettings(inputs, process.env);
                settings = parsed.settings;
                for (const warning of parsed.warnings) actionLog.warning(warning);
                settings.mode === "mint" && settings.seal && info(MINTING_WITH_SEAL_KEY);
                settings.cliOnPath && putCliOnPath(cliScript);
                publishToken(await mintToken(settings, {
                    log: actionLog
                }), settings);
            } catch (error) {
                setFailed(neutraliseLine(errors_describeError(error)));
                reportFailure(error, settings);
            }
        }
    }),
    139: ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {
        __nccwpck_require__.d(__webpack_exports__, {
            K: () => exitWhenFlushed
        });
        async function exitWhenFlushed(code) {
            await Promise.all([ process.stdout, process.stderr ].map(stream => new Promise(resolve => stream.write("", () => resolve()))));
            return process.exit(code ?? process.exitCode);
        }
    }),
    407: ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {
        __nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => {
            try {
                var _no_inspector_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(836);
                var _exit_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(139);
                var _action_main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(788);
                (0, _no_inspector_js__WEBPACK_IMPORTED_MODULE_1__._)();
                await (0, _action_main_js__WEBPACK_IMPORTED_MODULE_0__.e)();
                await (0, _exit_js__WEBPACK_IMPORTED_MODULE_2__.K)();
                __webpack_async_result__();
            } catch (e) {
                __webpack_async_result__(e);
            }
        }, 1);
    }),
    836: ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {
        __nccwpck_require__.d(__webpack_exports__, {
            _: () => refuseInspectorSignal
        });
        function refuseInspectorSignal() {
            process.on("SIGUSR1", () => {});
        }
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
    67: (module => {
        module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
    }),
    708: (module => {
        module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");
    }),
    311: (module => {
        module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");
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
    var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
    var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
    var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
    var resolveQueue = queue => {
        if (queue && queue.d < 1) {
            queue.d = 1;
            queue.forEach(fn => fn.r--);
            queue.forEach(fn => fn.r-- ? fn.r++ : fn());
        }
    };
    var wrapDeps = deps => deps.map(dep => {
        if (dep !== null && typeof dep === "object") {
            if (dep[webpackQueues]) return dep;
            if (dep.then) {
                var queue = [];
                queue.d = 0;
                dep.then(r => {
                    obj[webpackExports] = r;
                    resolveQueue(queue);
                }, e => {
                    obj[webpackError] = e;
                    resolveQueue(queue);
                });
                var obj = {};
                obj[webpackQueues] = fn => fn(queue);
                return obj;
            }
        }
        var ret = {};
        ret[webpackQueues] = x => {};
        ret[webpackExports] = dep;
        return ret;
    });
    __nccwpck_require__.a = (module, body, hasAwait) => {
        var queue;
        hasAwait && ((queue = []).d = -1);
        var depQueues = new Set;
        var exports = module.exports;
        var currentDeps;
        var outerResolve;
        var reject;
        var promise = new Promise((resolve, rej) => {
            reject = rej;
            outerResolve = resolve;
        });
        promise[webpackExports] = exports;
        promise[webpackQueues] = fn => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
        module.exports = promise;
        body(deps => {
            currentDeps = wrapDeps(deps);
            var fn;
            var getResult = () => currentDeps.map(d => {
                if (d[webpackError]) throw d[webpackError];
                return d[webpackExports];
            });
            var promise = new Promise(resolve => {
                fn = () => resolve(getResult);
                fn.r = 0;
                var fnQueue = q => q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, 
                q.push(fn)));
                currentDeps.map(dep => dep[webpackQueues](fnQueue));
            });
            return fn.r ? promise : getResult();
        }, err => (err ? reject(promise[webpackError] = err) : outerResolve(exports), resolveQueue(queue)));
        queue && queue.d < 0 && (queue.d = 0);
    };
})();

(() => {
    var getProto = Object.getPrototypeOf ? obj => Object.getPrototypeOf(obj) : obj => obj.__proto__;
    var leafPrototypes;
    __nccwpck_require__.t = function(value, mode) {
        mode & 1 && (value = this(value));
        if (mode & 8) return value;
        if (typeof value === "object" && value) {
            if (mode & 4 && value.__esModule) return value;
            if (mode & 16 && typeof value.then === "function") return value;
        }
        var ns = Object.create(null);
        __nccwpck_require__.r(ns);
        var def = {};
        leafPrototypes = leafPrototypes || [ null, getProto({}), getProto([]), getProto(getProto) ];
        for (var current = mode & 2 && value; typeof current == "object" && !~leafPrototypes.indexOf(current); current = getProto(current)) Object.getOwnPropertyNames(current).forEach(key => def[key] = () => value[key]);
        def["default"] = () => value;
        __nccwpck_require__.d(ns, def);
        return ns;
    };
})();

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

(() => {
    __nccwpck_require__.r = exports => {
        typeof Symbol !== "undefined" && Symbol.toStringTag && Object.defineProperty(exports, Symbol.toStringTag, {
            value: "Module"
        });
        Object.defineProperty(exports, "__esModule", {
            value: !0
        });
    };
})();

var __webpack_exports__ = __nccwpck_require__(407);

__webpack_exports__ = await __webpack_exports__;
