#!/usr/bin/env node
// An independent WebSocket test peer on node-ws (Debian 12: ws 8.11; NODE_PATH=/usr/share/nodejs).
//
// Same command line and behaviour as python_server.py; see tests/peers/README.md.
// Prints "LISTENING <port>" once listening, then one "EVENT <json>" line per thing a test may
// want to check (the request headers as received, how each connection ended).
'use strict';

const fs = require('fs');
const http = require('http');
const https = require('https');
const { WebSocketServer } = require('ws');

function usage(message) {
    process.stderr.write(`node_server.js: ${message}\n`);
    process.exit(2);
}

function parseArguments(argv) {
    const options = {
        host: '127.0.0.1',
        port: 0,
        tlsCert: null,
        tlsKey: null,
        headers: [],
        subprotocols: [],
        forceSubprotocol: null,
        status: null,
        exitOnStdinEof: false,
    };
    for (let i = 0; i < argv.length; ++i) {
        const flag = argv[i];
        const value = () => {
            if (i + 1 >= argv.length)
                usage(`${flag} needs a value`);
            return argv[++i];
        };
        switch (flag) {
        case '--host': options.host = value(); break;
        case '--port': options.port = Number(value()); break;
        case '--tls-cert': options.tlsCert = value(); break;
        case '--tls-key': options.tlsKey = value(); break;
        case '--header': {
            const header = value();
            const colon = header.indexOf(':');
            if (colon <= 0)
                usage(`--header needs 'Name: Value', got '${header}'`);
            options.headers.push([header.slice(0, colon).trim(), header.slice(colon + 1).trim()]);
            break;
        }
        case '--subprotocol': options.subprotocols.push(value()); break;
        case '--force-subprotocol': options.forceSubprotocol = value(); break;
        case '--status': options.status = Number(value()); break;
        case '--exit-on-stdin-eof': options.exitOnStdinEof = true; break;
        default: usage(`unknown argument '${flag}'`);
        }
    }
    if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535)
        usage('--port needs a number 0..65535');
    if (Boolean(options.tlsCert) !== Boolean(options.tlsKey))
        usage('--tls-cert and --tls-key go together');
    if (options.status !== null && !(options.status >= 100 && options.status <= 599))
        usage('--status needs an HTTP status 100..599');
    return options;
}

const options = parseArguments(process.argv.slice(2));

function emitEvent(event, fields) {
    process.stdout.write(`EVENT ${JSON.stringify(Object.assign({ event }, fields))}\n`);
}

function rawHeaderPairs(rawHeaders) {
    const pairs = [];
    for (let i = 0; i + 1 < rawHeaders.length; i += 2)
        pairs.push([rawHeaders[i], rawHeaders[i + 1]]);
    return pairs;
}

const server = options.tlsCert
    ? https.createServer({ cert: fs.readFileSync(options.tlsCert), key: fs.readFileSync(options.tlsKey) })
    : http.createServer();

// Raw frames both ways: no compression, no size limit (0), and we pick subprotocols ourselves
// (ws would otherwise accept the client's first offer).
const wss = new WebSocketServer({
    noServer: true,
    perMessageDeflate: false,
    maxPayload: 0,
    handleProtocols: (offered) => {
        if (options.forceSubprotocol)
            return false; // the header is added in 'headers' below, offered or not
        for (const protocol of offered) {
            if (options.subprotocols.includes(protocol))
                return protocol;
        }
        return false;
    },
});

wss.on('headers', (headers) => {
    // Answering a protocol the client did not offer lets tests check that it is rejected.
    if (options.forceSubprotocol)
        headers.push(`Sec-WebSocket-Protocol: ${options.forceSubprotocol}`);
    for (const [name, value] of options.headers)
        headers.push(`${name}: ${value}`);
});

server.on('request', (request, response) => {
    response.writeHead(426, { 'Content-Type': 'text/plain' });
    response.end('This is a WebSocket test peer\n');
});

server.on('upgrade', (request, socket, head) => {
    socket.on('error', () => {});
    emitEvent('request', { path: request.url, headers: rawHeaderPairs(request.rawHeaders) });
    if (options.status !== null) {
        const body = `Refused by the test peer with status ${options.status}\n`;
        const lines = [`HTTP/1.1 ${options.status} ${http.STATUS_CODES[options.status] || 'Status'}`];
        for (const [name, value] of options.headers)
            lines.push(`${name}: ${value}`);
        lines.push('Content-Type: text/plain', `Content-Length: ${Buffer.byteLength(body)}`,
                   'Connection: close');
        socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`);
        return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
});

function isSendableCloseCode(code) {
    return (Number.isInteger(code) && code >= 1000 && code <= 1014 && ![1004, 1005, 1006].includes(code))
        || (code >= 3000 && code <= 4999);
}

function countingBytes(count) {
    const bytes = Buffer.alloc(count);
    for (let i = 0; i < count; ++i)
        bytes[i] = i % 256;
    return bytes;
}

// Acts on a "cmd:..." text message.
function runCommand(ws, command) {
    const rest = command.slice('cmd:'.length);
    const colon = rest.indexOf(':');
    const name = colon < 0 ? rest : rest.slice(0, colon);
    const argument = colon < 0 ? '' : rest.slice(colon + 1);
    const count = () => {
        if (!/^\d+$/.test(argument))
            throw new Error(`${name} needs a count, got '${argument}'`);
        return Number(argument);
    };
    switch (name) {
    case 'close': {
        const separator = argument.indexOf(':');
        const codeText = separator < 0 ? argument : argument.slice(0, separator);
        const code = /^\d+$/.test(codeText) ? Number(codeText) : NaN;
        const reason = separator < 0 ? '' : argument.slice(separator + 1);
        // Checked first: ws (like websockets) refuses these only after it began closing.
        if (!isSendableCloseCode(code) || Buffer.byteLength(reason) > 123)
            throw new Error(`cannot close with ${argument} (use cmd:raw for invalid close frames)`);
        ws.close(code, reason);
        break;
    }
    case 'drop':
        ws.terminate();
        break;
    case 'send-binary':
        ws.send(countingBytes(count()), { binary: true });
        break;
    case 'send-text':
        for (let i = 0, n = count(); i < n; ++i)
            ws.send(`m${i}`);
        break;
    case 'ping':
        ws.ping(argument);
        break;
    case 'raw':
        // Bytes written as they are, after everything sent before: hand-made frames.
        if (!/^([0-9a-fA-F]{2})*$/.test(argument))
            throw new Error('raw needs hex bytes');
        ws._socket.write(Buffer.from(argument, 'hex'));
        break;
    default:
        throw new Error(`unknown command ${command}`);
    }
}

wss.on('connection', (ws) => {
    ws.on('error', (error) => process.stderr.write(`node_server.js: ${error.message}\n`));
    ws.on('message', (data, isBinary) => {
        const text = isBinary ? null : data.toString('utf8');
        if (text !== null && text.startsWith('cmd:')) {
            try {
                runCommand(ws, text);
            } catch (error) {
                ws.send(`cmd-error:${error.message}`);
            }
            return;
        }
        ws.send(data, { binary: isBinary });
    });
    ws.on('close', (code, reason) => emitEvent('close', { code, reason: reason.toString('utf8') }));
});

server.listen(options.port, options.host, () => {
    process.stdout.write(`LISTENING ${server.address().port}\n`);
});

function stop() {
    process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
if (options.exitOnStdinEof) {
    process.stdin.on('end', stop);
    process.stdin.on('error', stop);
    process.stdin.resume();
}
