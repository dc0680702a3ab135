#!/usr/bin/python3
"""An independent WebSocket test peer on python3-websockets (Debian 12: 10.4, legacy API).

Same command line and behaviour as node_server.js; see tests/peers/README.md.
Prints "LISTENING <port>" once listening, then one "EVENT <json>" line per thing a test may
want to check (the request headers as received, how each connection ended).
"""

import argparse
import asyncio
import http
import json
import os
import signal
import ssl
import sys

import websockets
import websockets.legacy.server


def parse_arguments():
    parser = argparse.ArgumentParser(description="WebSocket echo peer for SwanSocket tests")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--tls-cert")
    parser.add_argument("--tls-key")
    parser.add_argument("--header", action="append", default=[],
                        help='"Name: Value", added to the handshake response as spelled')
    parser.add_argument("--subprotocol", action="append", default=[])
    parser.add_argument("--force-subprotocol")
    parser.add_argument("--status", type=int)
    parser.add_argument("--exit-on-stdin-eof", action="store_true",
                        help="exit when stdin closes (the test that started us died)")
    arguments = parser.parse_args()
    if bool(arguments.tls_cert) != bool(arguments.tls_key):
        parser.error("--tls-cert and --tls-key go together")
    headers = []
    for header in arguments.header:
        name, separator, value = header.partition(":")
        if not separator or not name.strip():
            parser.error(f"--header needs 'Name: Value', got {header!r}")
        headers.append((name.strip(), value.strip()))
    arguments.header = headers
    return arguments


ARGUMENTS = parse_arguments()


def emit(line):
    print(line, flush=True)


def emit_event(event, **fields):
    emit("EVENT " + json.dumps({"event": event, **fields}, separators=(",", ":")))


class PeerProtocol(websockets.legacy.server.WebSocketServerProtocol):
    async def process_request(self, path, request_headers):
        emit_event("request", path=path,
                   headers=[[name, value] for name, value in request_headers.raw_items()])
        if ARGUMENTS.status is not None:
            body = f"Refused by the test peer with status {ARGUMENTS.status}\n".encode()
            return http.HTTPStatus(ARGUMENTS.status), list(ARGUMENTS.header), body
        return None

    def process_subprotocol(self, headers, available_subprotocols):
        # Answering a protocol the client did not offer lets tests check that it is rejected.
        if ARGUMENTS.force_subprotocol:
            return ARGUMENTS.force_subprotocol
        return super().process_subprotocol(headers, available_subprotocols)

    def select_subprotocol(self, client_subprotocols, server_subprotocols):
        # The first one the client offers that we support (not websockets' priority sum).
        for protocol in client_subprotocols:
            if protocol in server_subprotocols:
                return protocol
        return None


def is_sendable_close_code(code):
    return (1000 <= code <= 1014 and code not in (1004, 1005, 1006)) or 3000 <= code <= 4999


def counting_bytes(count):
    return bytes(i % 256 for i in range(count))


def parse_count(name, argument):
    # Digits only, as the other servers accept: no sign, no spaces.
    if not (argument.isascii() and argument.isdigit()):
        raise ValueError(f"{name} needs a count, got '{argument}'")
    return int(argument)


async def run_command(websocket, command):
    """Acts on a "cmd:..." text message; returns False when the connection is finished."""
    name, _, argument = command[len("cmd:"):].partition(":")
    if name == "close":
        code, _, reason = argument.partition(":")
        # Checked first: websockets (like ws) refuses these only after it began closing.
        if not (code.isascii() and code.isdigit() and is_sendable_close_code(int(code))
                and len(reason.encode()) <= 123):
            raise ValueError(f"cannot close with {argument} (use cmd:raw for invalid close frames)")
        await websocket.close(int(code), reason)
        return False
    if name == "drop":
        websocket.transport.abort()
        return False
    if name == "send-binary":
        await websocket.send(counting_bytes(parse_count(name, argument)))
    elif name == "send-text":
        for i in range(parse_count(name, argument)):
            await websocket.send(f"m{i}")
    elif name == "ping":
        await websocket.ping(argument.encode())
    elif name == "raw":
        try:
            data = bytes.fromhex(argument)
        except ValueError:
            raise ValueError("raw needs hex bytes") from None
        # Bytes written as they are, after everything sent before: hand-made frames.
        websocket.transport.write(data)
        await websocket.drain()
    else:
        raise ValueError(f"unknown command {command}")
    return True


async def handle(websocket):
    try:
        async for message in websocket:
            if isinstance(message, str) and message.startswith("cmd:"):
                try:
                    if not await run_command(websocket, message):
                        break
                except ValueError as error:
                    await websocket.send(f"cmd-error:{error}")
            else:
                await websocket.send(message)
    except websockets.exceptions.ConnectionClosed:
        pass
    await websocket.wait_closed()
    emit_event("close", code=websocket.close_code, reason=websocket.close_reason)


async def main():
    stop = asyncio.get_running_loop().create_future()
    for signal_number in (signal.SIGTERM, signal.SIGINT):
        asyncio.get_running_loop().add_signal_handler(
            signal_number, lambda: stop.done() or stop.set_result(None))
    if ARGUMENTS.exit_on_stdin_eof:
        def stdin_readable():
            if not sys.stdin.buffer.raw.read(4096) and not stop.done():
                stop.set_result(None)
        asyncio.get_running_loop().add_reader(sys.stdin.fileno(), stdin_readable)

    ssl_context = None
    if ARGUMENTS.tls_cert:
        ssl_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ssl_context.load_cert_chain(ARGUMENTS.tls_cert, ARGUMENTS.tls_key)

    async with websockets.serve(
            handle, ARGUMENTS.host, ARGUMENTS.port,
            ssl=ssl_context,
            create_protocol=PeerProtocol,
            subprotocols=ARGUMENTS.subprotocol or None,
            extra_headers=list(ARGUMENTS.header),
            # Raw frames both ways: no compression, no size limit, no pings of our own.
            compression=None, max_size=None, ping_interval=None) as server:
        port = server.sockets[0].getsockname()[1]
        emit(f"LISTENING {port}")
        await stop
        # At once: a graceful close would wait for clients that may live in the very process
        # that is stopping us, and so cannot answer.
        os._exit(0)


if __name__ == "__main__":
    asyncio.run(main())
