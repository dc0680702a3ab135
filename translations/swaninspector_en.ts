<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AllConnectionsRow</name>
    <message>
        <source>All connections</source>
        <translation>All connections</translation>
    </message>
    <message>
        <source>%1 frames</source>
        <translation>%1 frames</translation>
    </message>
</context>
<context>
    <name>BottomPane</name>
    <message>
        <source>Console (%1)</source>
        <translation>Console (%1)</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Console</translation>
    </message>
    <message>
        <source>Composer</source>
        <translation>Composer</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Header line %1: expected “Name: value”.</source>
        <translation>Header line %1: expected “Name: value”.</translation>
    </message>
    <message>
        <source>The connection could not be created.</source>
        <translation>The connection could not be created.</translation>
    </message>
    <message>
        <source>Connection #%1 is gone.</source>
        <translation>Connection #%1 is gone.</translation>
    </message>
    <message>
        <source>That is not hex: use pairs of digits 0-9, a-f.</source>
        <translation>That is not hex: use pairs of digits 0-9, a-f.</translation>
    </message>
    <message>
        <source>That is not base64.</source>
        <translation>That is not base64.</translation>
    </message>
</context>
<context>
    <name>ConnectionDelegate</name>
    <message>
        <source>HAR</source>
        <translation>HAR</translation>
    </message>
    <message>
        <source>composer</source>
        <translation>composer</translation>
    </message>
    <message>
        <source>Closed with %1 “%2”</source>
        <translation>Closed with %1 “%2”</translation>
    </message>
    <message>
        <source>Closed with %1</source>
        <translation>Closed with %1</translation>
    </message>
    <message>
        <source>Never opened: see the console</source>
        <translation>Never opened: see the console</translation>
    </message>
</context>
<context>
    <name>ConnectionsPane</name>
    <message>
        <source>Connections</source>
        <translation>Connections</translation>
    </message>
    <message>
        <source>No connections yet</source>
        <translation>No connections yet</translation>
    </message>
    <message>
        <source>Run a mini-program script, open a HAR file, connect from the composer, or start the demo.</source>
        <translation>Run a mini-program script, open a HAR file, connect from the composer, or start the demo.</translation>
    </message>
    <message>
        <source>Start demo</source>
        <translation>Start demo</translation>
    </message>
    <message>
        <source>Run script…</source>
        <translation>Run script…</translation>
    </message>
    <message>
        <source>Open HAR…</source>
        <translation>Open HAR…</translation>
    </message>
</context>
<context>
    <name>ConsolePane</name>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n line</numerusform>
            <numerusform>%n lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>The console is empty</source>
        <translation>The console is empty</translation>
    </message>
    <message>
        <source>console.log() and errors of running scripts appear here.</source>
        <translation>console.log() and errors of running scripts appear here.</translation>
    </message>
</context>
<context>
    <name>CopyButton</name>
    <message>
        <source>Copied</source>
        <translation>Copied</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
</context>
<context>
    <name>DemoServer</name>
    <message>
        <source>cannot create a temporary directory: %1</source>
        <translation>cannot create a temporary directory: %1</translation>
    </message>
    <message>
        <source>openssl made certificates that cannot be read</source>
        <translation>openssl made certificates that cannot be read</translation>
    </message>
    <message>
        <source>cannot listen on 127.0.0.1: %1</source>
        <translation>cannot listen on 127.0.0.1: %1</translation>
    </message>
    <message>
        <source>cannot make the demo&apos;s certificates: %1</source>
        <translation>cannot make the demo&apos;s certificates: %1</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Handshake</source>
        <translation>Handshake</translation>
    </message>
    <message>
        <source>Handshake · %1</source>
        <translation>Handshake · %1</translation>
    </message>
</context>
<context>
    <name>DevelopmentBanner</name>
    <message>
        <source>&lt;b&gt;Development switch is ON.&lt;/b&gt; Domain allow-list, wss-only and TLS certificate checks are skipped — scripts that work here may fail on a phone.</source>
        <translation>&lt;b&gt;Development switch is ON.&lt;/b&gt; Domain allow-list, wss-only and TLS certificate checks are skipped — scripts that work here may fail on a phone.</translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation>Turn off</translation>
    </message>
</context>
<context>
    <name>EditableList</name>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>this session</source>
        <translation>this session</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Run a mini-program script</source>
        <translation>Run a mini-program script</translation>
    </message>
    <message>
        <source>Open a HAR file</source>
        <translation>Open a HAR file</translation>
    </message>
    <message>
        <source>Export as HAR</source>
        <translation>Export as HAR</translation>
    </message>
    <message>
        <source>JavaScript (*.js)</source>
        <translation>JavaScript (*.js)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>HAR files (*.har *.json)</source>
        <translation>HAR files (*.har *.json)</translation>
    </message>
</context>
<context>
    <name>FrameFilterBar</name>
    <message>
        <source>Regular expression</source>
        <translation>Regular expression</translation>
    </message>
    <message>
        <source>Filter data</source>
        <translation>Filter data</translation>
    </message>
    <message>
        <source>Regex</source>
        <translation>Regex</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Both</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>All frames</source>
        <translation>All frames</translation>
    </message>
    <message>
        <source>Messages only</source>
        <translation>Messages only</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Binary</source>
        <translation>Binary</translation>
    </message>
    <message>
        <source>Control</source>
        <translation>Control</translation>
    </message>
    <message>
        <source>%1 frames</source>
        <translation>%1 frames</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
</context>
<context>
    <name>FrameHeader</name>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Conn.</source>
        <translation>Conn.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Length</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
</context>
<context>
    <name>FrameTable</name>
    <message>
        <source>No frame matches the filter</source>
        <translation>No frame matches the filter</translation>
    </message>
    <message>
        <source>No frames yet</source>
        <translation>No frames yet</translation>
    </message>
    <message>
        <source>Change or clear the filter to see the other frames.</source>
        <translation>Change or clear the filter to see the other frames.</translation>
    </message>
    <message>
        <source>Messages and control frames appear here as they are sent and received.</source>
        <translation>Messages and control frames appear here as they are sent and received.</translation>
    </message>
    <message>
        <source>Jump to latest ↓</source>
        <translation>Jump to latest ↓</translation>
    </message>
</context>
<context>
    <name>FramesPane</name>
    <message>
        <source>Frames</source>
        <translation>Frames</translation>
    </message>
    <message>
        <source>all connections</source>
        <translation>all connections</translation>
    </message>
    <message>
        <source>Resume recording</source>
        <translation>Resume recording</translation>
    </message>
    <message>
        <source>Pause recording</source>
        <translation>Pause recording</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>HandshakeView</name>
    <message>
        <source>No connection selected</source>
        <translation>No connection selected</translation>
    </message>
    <message>
        <source>Choose a connection, or a frame, to see its opening handshake.</source>
        <translation>Choose a connection, or a frame, to see its opening handshake.</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>no response</source>
        <translation>no response</translation>
    </message>
    <message>
        <source>Subprotocol</source>
        <translation>Subprotocol</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>by us with %1</source>
        <translation>by us with %1</translation>
    </message>
    <message>
        <source>by the server with %1</source>
        <translation>by the server with %1</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>Timing</translation>
    </message>
    <message>
        <source>Request headers</source>
        <translation>Request headers</translation>
    </message>
    <message>
        <source>Not recorded for this connection.</source>
        <translation>Not recorded for this connection.</translation>
    </message>
    <message>
        <source>Qt adds Host, Upgrade, Connection, Sec-WebSocket-Key and Sec-WebSocket-Version itself.</source>
        <translation>Qt adds Host, Upgrade, Connection, Sec-WebSocket-Key and Sec-WebSocket-Version itself.</translation>
    </message>
    <message>
        <source>Response headers</source>
        <translation>Response headers</translation>
    </message>
    <message>
        <source>No response yet.</source>
        <translation>No response yet.</translation>
    </message>
</context>
<context>
    <name>HeaderBar</name>
    <message>
        <source>SwanSocket Inspector</source>
        <translation>SwanSocket Inspector</translation>
    </message>
    <message>
        <source>Demo server %1</source>
        <translation>Demo server %1</translation>
    </message>
    <message>
        <source>%1 is redirected to the local echo server %2</source>
        <translation>%1 is redirected to the local echo server %2</translation>
    </message>
    <message numerus="yes">
        <source>%n script(s)</source>
        <translation>
            <numerusform>%n script</numerusform>
            <numerusform>%n scripts</numerusform>
        </translation>
    </message>
    <message>
        <source>HAR · %1</source>
        <translation>HAR · %1</translation>
    </message>
    <message>
        <source>Run script…</source>
        <translation>Run script…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Open HAR…</source>
        <translation>Open HAR…</translation>
    </message>
    <message>
        <source>Export HAR…</source>
        <translation>Export HAR…</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>System language</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>%1 has finished: no open connection, no timer left.</source>
        <translation>%1 has finished: no open connection, no timer left.</translation>
    </message>
    <message>
        <source>%1 threw while loading: %2</source>
        <translation>%1 threw while loading: %2</translation>
    </message>
    <message>
        <source>The demo server could not start: %1</source>
        <translation>The demo server could not start: %1</translation>
    </message>
    <message>
        <source>Demo: a wss echo server on 127.0.0.1:%1 stands in for %2 (a CA made just now, trusted by this process only). Running the API examples and a chat.</source>
        <translation>Demo: a wss echo server on 127.0.0.1:%1 stands in for %2 (a CA made just now, trusted by this process only). Running the API examples and a chat.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <source>Running %1</source>
        <translation>Running %1</translation>
    </message>
    <message>
        <source>Scripts stopped.</source>
        <translation>Scripts stopped.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Cannot open %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Opened %1: %n WebSocket connection(s).</source>
        <translation>
            <numerusform>Opened %1: %n WebSocket connection.</numerusform>
            <numerusform>Opened %1: %n WebSocket connections.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot save: %1</source>
        <translation>Cannot save: %1</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Saved %1.</translation>
    </message>
</context>
<context>
    <name>InspectorSettings</name>
    <message>
        <source>Enter a host name, such as example.baidu.com.</source>
        <translation>Enter a host name, such as example.baidu.com.</translation>
    </message>
    <message>
        <source>“%1” is not a host name.</source>
        <translation>“%1” is not a host name.</translation>
    </message>
    <message>
        <source>%1 is on the list already.</source>
        <translation>%1 is on the list already.</translation>
    </message>
    <message>
        <source>Expected HOST1:PORT1:HOST2:PORT2, such as example.baidu.com:443:127.0.0.1:8443.</source>
        <translation>Expected HOST1:PORT1:HOST2:PORT2, such as example.baidu.com:443:127.0.0.1:8443.</translation>
    </message>
    <message>
        <source>This rule is on the list already.</source>
        <translation>This rule is on the list already.</translation>
    </message>
    <message>
        <source>This file is on the list already.</source>
        <translation>This file is on the list already.</translation>
    </message>
    <message>
        <source>No certificate could be read from %1: %2</source>
        <translation>No certificate could be read from %1: %2</translation>
    </message>
    <message>
        <source>Expected a version such as 1.9.4, or nothing for the newest.</source>
        <translation>Expected a version such as 1.9.4, or nothing for the newest.</translation>
    </message>
</context>
<context>
    <name>JsonNodeRow</name>
    <message numerus="yes">
        <source>%n key(s)</source>
        <translation>
            <numerusform>%n key</numerusform>
            <numerusform>%n keys</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JsonTreeView</name>
    <message>
        <source>Expand all</source>
        <translation>Expand all</translation>
    </message>
    <message>
        <source>Collapse all</source>
        <translation>Collapse all</translation>
    </message>
    <message>
        <source>Only the first %1 values are shown.</source>
        <translation>Only the first %1 values are shown.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Connecting</source>
        <translation>Connecting</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>Closing</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Binary</source>
        <translation>Binary</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Ping</source>
        <translation>Ping</translation>
    </message>
    <message>
        <source>Pong</source>
        <translation>Pong</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>log</source>
        <translation>log</translation>
    </message>
    <message>
        <source>info</source>
        <translation>info</translation>
    </message>
    <message>
        <source>warn</source>
        <translation>warn</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>debug</source>
        <translation>debug</translation>
    </message>
    <message>
        <source>exception</source>
        <translation>exception</translation>
    </message>
    <message>
        <source>inspector</source>
        <translation>inspector</translation>
    </message>
</context>
<context>
    <name>LanguageBox</name>
    <message>
        <source>System language</source>
        <translation>System language</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>SwanSocket Inspector</source>
        <translation>SwanSocket Inspector</translation>
    </message>
</context>
<context>
    <name>MessageView</name>
    <message>
        <source>No frame selected</source>
        <translation>No frame selected</translation>
    </message>
    <message>
        <source>Choose a frame in the list to see its data as text, JSON, hex or base64.</source>
        <translation>Choose a frame in the list to see its data as text, JSON, hex or base64.</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Length</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 bytes)</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connection</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>Base64</source>
        <translation>Base64</translation>
    </message>
    <message>
        <source>Showing the first %1 of %2; Copy copies all of it.</source>
        <translation>Showing the first %1 of %2; Copy copies all of it.</translation>
    </message>
    <message>
        <source>The latest frame, live. Choose a frame in the list to keep it here.</source>
        <translation>The latest frame, live. Choose a frame in the list to keep it here.</translation>
    </message>
</context>
<context>
    <name>NewConnectionForm</name>
    <message>
        <source>New connection</source>
        <translation>New connection</translation>
    </message>
    <message>
        <source>Subprotocols, comma-separated (optional)</source>
        <translation>Subprotocols, comma-separated (optional)</translation>
    </message>
    <message>
        <source>Headers, one “Name: value” per line (optional)</source>
        <translation>Headers, one “Name: value” per line (optional)</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Connect</translation>
    </message>
</context>
<context>
    <name>RateSeries</name>
    <message>
        <source>peak %1</source>
        <translation>peak %1</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Security</translation>
    </message>
    <message>
        <source>Development switch: do not check domain names, TLS versions and HTTPS certificates</source>
        <translation>Development switch: do not check domain names, TLS versions and HTTPS certificates</translation>
    </message>
    <message>
        <source>Skips the allow-list, permits ws:// and accepts any certificate. Phones never do this.</source>
        <translation>Skips the allow-list, permits ws:// and accepts any certificate. Phones never do this.</translation>
    </message>
    <message>
        <source>Allowed domains</source>
        <translation>Allowed domains</translation>
    </message>
    <message>
        <source>Hosts a script may connect to (exact match, no wildcards).</source>
        <translation>Hosts a script may connect to (exact match, no wildcards).</translation>
    </message>
    <message>
        <source>Trusted CA certificates</source>
        <translation>Trusted CA certificates</translation>
    </message>
    <message>
        <source>PEM files trusted on top of the system&apos;s. The demo&apos;s own CA is trusted for this session.</source>
        <translation>PEM files trusted on top of the system&apos;s. The demo&apos;s own CA is trusted for this session.</translation>
    </message>
    <message>
        <source>PEM files trusted on top of the system&apos;s.</source>
        <translation>PEM files trusted on top of the system&apos;s.</translation>
    </message>
    <message>
        <source>Add PEM file…</source>
        <translation>Add PEM file…</translation>
    </message>
    <message>
        <source>A removed CA stays trusted until the inspector is restarted.</source>
        <translation>A removed CA stays trusted until the inspector is restarted.</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Network</translation>
    </message>
    <message>
        <source>Connect to (host redirection)</source>
        <translation>Connect to (host redirection)</translation>
    </message>
    <message>
        <source>curl&apos;s --connect-to HOST1:PORT1:HOST2:PORT2: the URL&apos;s host is still used for TLS and the Host header.</source>
        <translation>curl&apos;s --connect-to HOST1:PORT1:HOST2:PORT2: the URL&apos;s host is still used for TLS and the Host header.</translation>
    </message>
    <message>
        <source>Maximum live tasks</source>
        <translation>Maximum live tasks</translation>
    </message>
    <message>
        <source>Mini-program</source>
        <translation>Mini-program</translation>
    </message>
    <message>
        <source>Base library version</source>
        <translation>Base library version</translation>
    </message>
    <message>
        <source>newest</source>
        <translation>newest</translation>
    </message>
    <message>
        <source>Below 1.9.4 a mini-program has one connection at a time.</source>
        <translation>Below 1.9.4 a mini-program has one connection at a time.</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>appKey</source>
        <translation>appKey</translation>
    </message>
    <message>
        <source>Referer</source>
        <translation>Referer</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Trust CA certificates from</source>
        <translation>Trust CA certificates from</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt)</source>
        <translation>PEM certificates (*.pem *.crt)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
</context>
<context>
    <name>StateBadge</name>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message numerus="yes">
        <source>%n connection(s)</source>
        <translation>
            <numerusform>%n connection</numerusform>
            <numerusform>%n connections</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 frames, %2 held</source>
        <translation>%1 frames, %2 held</translation>
    </message>
    <message>
        <source>%1 oldest frames dropped</source>
        <translation>%1 oldest frames dropped</translation>
    </message>
    <message>
        <source>Recording paused</source>
        <translation>Recording paused</translation>
    </message>
    <message>
        <source>Platform %1</source>
        <translation>Platform %1</translation>
    </message>
    <message>
        <source>Base library %1</source>
        <translation>Base library %1</translation>
    </message>
    <message>
        <source>Newest base library</source>
        <translation>Newest base library</translation>
    </message>
    <message numerus="yes">
        <source>Max %n task(s)</source>
        <translation>
            <numerusform>Max %n task</numerusform>
            <numerusform>Max %n tasks</numerusform>
        </translation>
    </message>
    <message>
        <source>DEVELOPMENT SWITCH ON</source>
        <translation>DEVELOPMENT SWITCH ON</translation>
    </message>
</context>
<context>
    <name>SwanSocket::ConnectionModel</name>
    <message>
        <source>Connecting</source>
        <translation>Connecting</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>Closing</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
</context>
<context>
    <name>SwanSocket::FrameFilterModel</name>
    <message>
        <source>Invalid regular expression at %1: %2</source>
        <translation>Invalid regular expression at %1: %2</translation>
    </message>
</context>
<context>
    <name>SwanSocket::FrameModel</name>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message numerus="yes">
        <source>… %n more bytes</source>
        <translation>
            <numerusform>… %n more bytes</numerusform>
            <numerusform>… %n more bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Binary</source>
        <translation>Binary</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Ping</source>
        <translation>Ping</translation>
    </message>
    <message>
        <source>Pong</source>
        <translation>Pong</translation>
    </message>
</context>
<context>
    <name>SwanSocket::HarArchive</name>
    <message>
        <source>WebSocket protocol error</source>
        <translation>WebSocket protocol error</translation>
    </message>
    <message>
        <source>There is no recording to save.</source>
        <translation>There is no recording to save.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>There is no recording to load into.</source>
        <translation>There is no recording to load into.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Not a HAR file (no log.entries).</source>
        <translation>Not a HAR file (no log.entries).</translation>
    </message>
    <message>
        <source>Not a HAR file: %1 at offset %2.</source>
        <translation>Not a HAR file: %1 at offset %2.</translation>
    </message>
</context>
<context>
    <name>TaskForm</name>
    <message>
        <source>Send to an open connection</source>
        <translation>Send to an open connection</translation>
    </message>
    <message>
        <source>No open connection</source>
        <translation>No open connection</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>Base64</source>
        <translation>Base64</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>Message text</translation>
    </message>
    <message>
        <source>Hex bytes, such as 73 77 61 6e</source>
        <translation>Hex bytes, such as 73 77 61 6e</translation>
    </message>
    <message>
        <source>Base64, such as c3dhbg==</source>
        <translation>Base64, such as c3dhbg==</translation>
    </message>
    <message>
        <source>Not valid hex</source>
        <translation>Not valid hex</translation>
    </message>
    <message>
        <source>Not valid base64</source>
        <translation>Not valid base64</translation>
    </message>
    <message>
        <source>Text frame, %1</source>
        <translation>Text frame, %1</translation>
    </message>
    <message>
        <source>Binary frame, %1</source>
        <translation>Binary frame, %1</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Close with</source>
        <translation>Close with</translation>
    </message>
    <message>
        <source>reason (optional)</source>
        <translation>reason (optional)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>TimingProfile</name>
    <message>
        <source>TCP connect</source>
        <translation>TCP connect</translation>
    </message>
    <message>
        <source>TLS handshake</source>
        <translation>TLS handshake</translation>
    </message>
    <message>
        <source>WebSocket upgrade</source>
        <translation>WebSocket upgrade</translation>
    </message>
    <message>
        <source>No timing recorded.</source>
        <translation>No timing recorded.</translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation>Total %1</translation>
    </message>
</context>
<context>
    <name>TrafficChart</name>
    <message>
        <source>Traffic · all connections</source>
        <translation>Traffic · all connections</translation>
    </message>
    <message>
        <source>last %1 s</source>
        <translation>last %1 s</translation>
    </message>
    <message>
        <source>Messages/s</source>
        <translation>Messages/s</translation>
    </message>
    <message>
        <source>Bytes/s</source>
        <translation>Bytes/s</translation>
    </message>
    <message>
        <source>Traffic · %1</source>
        <translation>Traffic · %1</translation>
    </message>
    <message>
        <source>Imported from a HAR file: rates are charted for live connections only.</source>
        <translation>Imported from a HAR file: rates are charted for live connections only.</translation>
    </message>
</context>
</TS>
