<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AllConnectionsRow</name>
    <message>
        <source>All connections</source>
        <translation>全部连接</translation>
    </message>
    <message>
        <source>%1 frames</source>
        <translation>%1 帧</translation>
    </message>
</context>
<context>
    <name>BottomPane</name>
    <message>
        <source>Console (%1)</source>
        <translation>控制台 (%1)</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>控制台</translation>
    </message>
    <message>
        <source>Composer</source>
        <translation>手动发送</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Header line %1: expected “Name: value”.</source>
        <translation>Header 第 %1 行：应为“名称: 值”。</translation>
    </message>
    <message>
        <source>The connection could not be created.</source>
        <translation>无法创建连接。</translation>
    </message>
    <message>
        <source>Connection #%1 is gone.</source>
        <translation>连接 #%1 已不存在。</translation>
    </message>
    <message>
        <source>That is not hex: use pairs of digits 0-9, a-f.</source>
        <translation>不是十六进制：请使用成对的 0-9、a-f 数字。</translation>
    </message>
    <message>
        <source>That is not base64.</source>
        <translation>不是有效的 Base64。</translation>
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
        <translation>手动发送</translation>
    </message>
    <message>
        <source>Closed with %1 “%2”</source>
        <translation>已关闭：%1 “%2”</translation>
    </message>
    <message>
        <source>Closed with %1</source>
        <translation>已关闭：%1</translation>
    </message>
    <message>
        <source>Never opened: see the console</source>
        <translation>未能打开：请查看控制台</translation>
    </message>
</context>
<context>
    <name>ConnectionsPane</name>
    <message>
        <source>Connections</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>No connections yet</source>
        <translation>还没有连接</translation>
    </message>
    <message>
        <source>Run a mini-program script, open a HAR file, connect from the composer, or start the demo.</source>
        <translation>运行小程序脚本、打开 HAR 文件、在“手动发送”中新建连接，或启动演示。</translation>
    </message>
    <message>
        <source>Start demo</source>
        <translation>启动演示</translation>
    </message>
    <message>
        <source>Run script…</source>
        <translation>运行脚本…</translation>
    </message>
    <message>
        <source>Open HAR…</source>
        <translation>打开 HAR…</translation>
    </message>
</context>
<context>
    <name>ConsolePane</name>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n 个问题</numerusform>
        </translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>The console is empty</source>
        <translation>控制台为空</translation>
    </message>
    <message>
        <source>console.log() and errors of running scripts appear here.</source>
        <translation>运行中脚本的 console.log() 输出和错误会显示在这里。</translation>
    </message>
</context>
<context>
    <name>CopyButton</name>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
</context>
<context>
    <name>DemoServer</name>
    <message>
        <source>cannot create a temporary directory: %1</source>
        <translation>无法创建临时目录：%1</translation>
    </message>
    <message>
        <source>openssl made certificates that cannot be read</source>
        <translation>openssl 生成的证书无法读取</translation>
    </message>
    <message>
        <source>cannot listen on 127.0.0.1: %1</source>
        <translation>无法在 127.0.0.1 上监听：%1</translation>
    </message>
    <message>
        <source>cannot make the demo&apos;s certificates: %1</source>
        <translation>无法生成演示证书：%1</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Handshake</source>
        <translation>握手</translation>
    </message>
    <message>
        <source>Handshake · %1</source>
        <translation>握手 · %1</translation>
    </message>
</context>
<context>
    <name>DevelopmentBanner</name>
    <message>
        <source>&lt;b&gt;Development switch is ON.&lt;/b&gt; Domain allow-list, wss-only and TLS certificate checks are skipped — scripts that work here may fail on a phone.</source>
        <translation>&lt;b&gt;开发开关已打开。&lt;/b&gt;不校验合法域名、不限制 wss、不校验 TLS 证书——在这里能运行的脚本到了手机上可能失败。</translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation>关闭开关</translation>
    </message>
</context>
<context>
    <name>EditableList</name>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>this session</source>
        <translation>仅本次</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Run a mini-program script</source>
        <translation>运行小程序脚本</translation>
    </message>
    <message>
        <source>Open a HAR file</source>
        <translation>打开 HAR 文件</translation>
    </message>
    <message>
        <source>Export as HAR</source>
        <translation>导出为 HAR</translation>
    </message>
    <message>
        <source>JavaScript (*.js)</source>
        <translation>JavaScript (*.js)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>HAR files (*.har *.json)</source>
        <translation>HAR 文件 (*.har *.json)</translation>
    </message>
</context>
<context>
    <name>FrameFilterBar</name>
    <message>
        <source>Regular expression</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <source>Filter data</source>
        <translation>过滤数据</translation>
    </message>
    <message>
        <source>Regex</source>
        <translation>正则</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>双向</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>All frames</source>
        <translation>全部帧</translation>
    </message>
    <message>
        <source>Messages only</source>
        <translation>仅消息</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Binary</source>
        <translation>二进制</translation>
    </message>
    <message>
        <source>Control</source>
        <translation>控制帧</translation>
    </message>
    <message>
        <source>%1 frames</source>
        <translation>%1 帧</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>FrameHeader</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Conn.</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>长度</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
</context>
<context>
    <name>FrameTable</name>
    <message>
        <source>No frame matches the filter</source>
        <translation>没有符合过滤条件的帧</translation>
    </message>
    <message>
        <source>No frames yet</source>
        <translation>还没有帧</translation>
    </message>
    <message>
        <source>Change or clear the filter to see the other frames.</source>
        <translation>修改或清空过滤条件以查看其他帧。</translation>
    </message>
    <message>
        <source>Messages and control frames appear here as they are sent and received.</source>
        <translation>消息和控制帧在发送和接收时显示在这里。</translation>
    </message>
    <message>
        <source>Jump to latest ↓</source>
        <translation>跳到最新 ↓</translation>
    </message>
</context>
<context>
    <name>FramesPane</name>
    <message>
        <source>Frames</source>
        <translation>帧</translation>
    </message>
    <message>
        <source>all connections</source>
        <translation>全部连接</translation>
    </message>
    <message>
        <source>Resume recording</source>
        <translation>继续记录</translation>
    </message>
    <message>
        <source>Pause recording</source>
        <translation>暂停记录</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
</context>
<context>
    <name>HandshakeView</name>
    <message>
        <source>No connection selected</source>
        <translation>未选择连接</translation>
    </message>
    <message>
        <source>Choose a connection, or a frame, to see its opening handshake.</source>
        <translation>选择一个连接或一帧，查看其建立连接时的握手。</translation>
    </message>
    <message>
        <source>General</source>
        <translation>概要</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态码</translation>
    </message>
    <message>
        <source>no response</source>
        <translation>无响应</translation>
    </message>
    <message>
        <source>Subprotocol</source>
        <translation>子协议</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>by us with %1</source>
        <translation>由本端关闭，状态码 %1</translation>
    </message>
    <message>
        <source>by the server with %1</source>
        <translation>由服务器关闭，状态码 %1</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Request headers</source>
        <translation>请求头</translation>
    </message>
    <message>
        <source>Not recorded for this connection.</source>
        <translation>此连接没有记录。</translation>
    </message>
    <message>
        <source>Qt adds Host, Upgrade, Connection, Sec-WebSocket-Key and Sec-WebSocket-Version itself.</source>
        <translation>Host、Upgrade、Connection、Sec-WebSocket-Key 和 Sec-WebSocket-Version 由 Qt 自动添加。</translation>
    </message>
    <message>
        <source>Response headers</source>
        <translation>响应头</translation>
    </message>
    <message>
        <source>No response yet.</source>
        <translation>尚无响应。</translation>
    </message>
</context>
<context>
    <name>HeaderBar</name>
    <message>
        <source>SwanSocket Inspector</source>
        <translation>SwanSocket 调试器</translation>
    </message>
    <message>
        <source>Demo server %1</source>
        <translation>演示服务器 %1</translation>
    </message>
    <message>
        <source>%1 is redirected to the local echo server %2</source>
        <translation>%1 被重定向到本地回显服务器 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n script(s)</source>
        <translation>
            <numerusform>%n 个脚本</numerusform>
        </translation>
    </message>
    <message>
        <source>HAR · %1</source>
        <translation>HAR · %1</translation>
    </message>
    <message>
        <source>Run script…</source>
        <translation>运行脚本…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Open HAR…</source>
        <translation>打开 HAR…</translation>
    </message>
    <message>
        <source>Export HAR…</source>
        <translation>导出 HAR…</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>%1 has finished: no open connection, no timer left.</source>
        <translation>%1 已结束：没有打开的连接，也没有定时器。</translation>
    </message>
    <message>
        <source>%1 threw while loading: %2</source>
        <translation>%1 加载时抛出异常：%2</translation>
    </message>
    <message>
        <source>The demo server could not start: %1</source>
        <translation>演示服务器无法启动：%1</translation>
    </message>
    <message>
        <source>Demo: a wss echo server on 127.0.0.1:%1 stands in for %2 (a CA made just now, trusted by this process only). Running the API examples and a chat.</source>
        <translation>演示：127.0.0.1:%1 上的 wss 回显服务器代替 %2（证书由刚生成的 CA 签发，只有本进程信任）。正在运行 API 示例和一个聊天脚本。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Running %1</source>
        <translation>正在运行 %1</translation>
    </message>
    <message>
        <source>Scripts stopped.</source>
        <translation>脚本已停止。</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>Opened %1: %n WebSocket connection(s).</source>
        <translation>
            <numerusform>已打开 %1：%n 个 WebSocket 连接。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot save: %1</source>
        <translation>无法保存：%1</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
</context>
<context>
    <name>InspectorSettings</name>
    <message>
        <source>Enter a host name, such as example.baidu.com.</source>
        <translation>请输入主机名，例如 example.baidu.com。</translation>
    </message>
    <message>
        <source>“%1” is not a host name.</source>
        <translation>“%1”不是主机名。</translation>
    </message>
    <message>
        <source>%1 is on the list already.</source>
        <translation>%1 已在列表中。</translation>
    </message>
    <message>
        <source>Expected HOST1:PORT1:HOST2:PORT2, such as example.baidu.com:443:127.0.0.1:8443.</source>
        <translation>格式应为 HOST1:PORT1:HOST2:PORT2，例如 example.baidu.com:443:127.0.0.1:8443。</translation>
    </message>
    <message>
        <source>This rule is on the list already.</source>
        <translation>此规则已在列表中。</translation>
    </message>
    <message>
        <source>This file is on the list already.</source>
        <translation>此文件已在列表中。</translation>
    </message>
    <message>
        <source>No certificate could be read from %1: %2</source>
        <translation>无法从 %1 读取证书：%2</translation>
    </message>
    <message>
        <source>Expected a version such as 1.9.4, or nothing for the newest.</source>
        <translation>请输入版本号（例如 1.9.4），留空表示最新版本。</translation>
    </message>
</context>
<context>
    <name>JsonNodeRow</name>
    <message numerus="yes">
        <source>%n key(s)</source>
        <translation>
            <numerusform>%n 个键</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n 项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JsonTreeView</name>
    <message>
        <source>Expand all</source>
        <translation>全部展开</translation>
    </message>
    <message>
        <source>Collapse all</source>
        <translation>全部折叠</translation>
    </message>
    <message>
        <source>Only the first %1 values are shown.</source>
        <translation>只显示前 %1 个值。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>已打开</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>关闭中</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Binary</source>
        <translation>二进制</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
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
        <translation>发送</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>info</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>warn</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>debug</source>
        <translation>调试</translation>
    </message>
    <message>
        <source>exception</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>inspector</source>
        <translation>调试器</translation>
    </message>
</context>
<context>
    <name>LanguageBox</name>
    <message>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>SwanSocket Inspector</source>
        <translation>SwanSocket 调试器</translation>
    </message>
</context>
<context>
    <name>MessageView</name>
    <message>
        <source>No frame selected</source>
        <translation>未选择帧</translation>
    </message>
    <message>
        <source>Choose a frame in the list to see its data as text, JSON, hex or base64.</source>
        <translation>在列表中选择一帧，以文本、JSON、十六进制或 Base64 查看其数据。</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>长度</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1（%2 字节）</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>Base64</source>
        <translation>Base64</translation>
    </message>
    <message>
        <source>Showing the first %1 of %2; Copy copies all of it.</source>
        <translation>只显示了 %2 中的前 %1；“复制”会复制全部内容。</translation>
    </message>
    <message>
        <source>The latest frame, live. Choose a frame in the list to keep it here.</source>
        <translation>实时显示最新的一帧。在列表中选择一帧可固定显示。</translation>
    </message>
</context>
<context>
    <name>NewConnectionForm</name>
    <message>
        <source>New connection</source>
        <translation>新建连接</translation>
    </message>
    <message>
        <source>Subprotocols, comma-separated (optional)</source>
        <translation>子协议，以逗号分隔（可选）</translation>
    </message>
    <message>
        <source>Headers, one “Name: value” per line (optional)</source>
        <translation>请求头，每行一个“名称: 值”（可选）</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
</context>
<context>
    <name>RateSeries</name>
    <message>
        <source>peak %1</source>
        <translation>峰值 %1</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>安全</translation>
    </message>
    <message>
        <source>Development switch: do not check domain names, TLS versions and HTTPS certificates</source>
        <translation>开发开关：不校验合法域名、TLS 版本以及 HTTPS 证书</translation>
    </message>
    <message>
        <source>Skips the allow-list, permits ws:// and accepts any certificate. Phones never do this.</source>
        <translation>跳过合法域名列表，允许 ws://，接受任何证书。手机上从不这样。</translation>
    </message>
    <message>
        <source>Allowed domains</source>
        <translation>合法域名</translation>
    </message>
    <message>
        <source>Hosts a script may connect to (exact match, no wildcards).</source>
        <translation>脚本可以连接的主机（完全匹配，不支持通配符）。</translation>
    </message>
    <message>
        <source>Trusted CA certificates</source>
        <translation>信任的 CA 证书</translation>
    </message>
    <message>
        <source>PEM files trusted on top of the system&apos;s. The demo&apos;s own CA is trusted for this session.</source>
        <translation>在系统证书之外额外信任的 PEM 文件。演示自带的 CA 仅在本次运行中受信任。</translation>
    </message>
    <message>
        <source>PEM files trusted on top of the system&apos;s.</source>
        <translation>在系统证书之外额外信任的 PEM 文件。</translation>
    </message>
    <message>
        <source>Add PEM file…</source>
        <translation>添加 PEM 文件…</translation>
    </message>
    <message>
        <source>A removed CA stays trusted until the inspector is restarted.</source>
        <translation>已移除的 CA 在调试器重启前仍受信任。</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Connect to (host redirection)</source>
        <translation>Connect to（主机重定向）</translation>
    </message>
    <message>
        <source>curl&apos;s --connect-to HOST1:PORT1:HOST2:PORT2: the URL&apos;s host is still used for TLS and the Host header.</source>
        <translation>与 curl 的 --connect-to HOST1:PORT1:HOST2:PORT2 相同：TLS 和 Host 请求头仍使用 URL 中的主机名。</translation>
    </message>
    <message>
        <source>Maximum live tasks</source>
        <translation>最大同时连接数</translation>
    </message>
    <message>
        <source>Mini-program</source>
        <translation>小程序</translation>
    </message>
    <message>
        <source>Base library version</source>
        <translation>基础库版本</translation>
    </message>
    <message>
        <source>newest</source>
        <translation>最新</translation>
    </message>
    <message>
        <source>Below 1.9.4 a mini-program has one connection at a time.</source>
        <translation>基础库低于 1.9.4 时，小程序同时只能有一个连接。</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
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
        <translation>语言</translation>
    </message>
    <message>
        <source>Trust CA certificates from</source>
        <translation>信任以下文件中的 CA 证书</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt)</source>
        <translation>PEM 证书 (*.pem *.crt)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>StateBadge</name>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message numerus="yes">
        <source>%n connection(s)</source>
        <translation>
            <numerusform>%n 个连接</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 frames, %2 held</source>
        <translation>%1 帧，占用 %2</translation>
    </message>
    <message>
        <source>%1 oldest frames dropped</source>
        <translation>已丢弃最早的 %1 帧</translation>
    </message>
    <message>
        <source>Recording paused</source>
        <translation>记录已暂停</translation>
    </message>
    <message>
        <source>Platform %1</source>
        <translation>平台 %1</translation>
    </message>
    <message>
        <source>Base library %1</source>
        <translation>基础库 %1</translation>
    </message>
    <message>
        <source>Newest base library</source>
        <translation>最新基础库</translation>
    </message>
    <message numerus="yes">
        <source>Max %n task(s)</source>
        <translation>
            <numerusform>最多 %n 个连接</numerusform>
        </translation>
    </message>
    <message>
        <source>DEVELOPMENT SWITCH ON</source>
        <translation>开发开关已打开</translation>
    </message>
</context>
<context>
    <name>SwanSocket::ConnectionModel</name>
    <message>
        <source>Connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>已打开</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>关闭中</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
</context>
<context>
    <name>SwanSocket::FrameFilterModel</name>
    <message>
        <source>Invalid regular expression at %1: %2</source>
        <translation>正则表达式在位置 %1 处无效：%2</translation>
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
            <numerusform>… 还有 %n 字节</numerusform>
        </translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Binary</source>
        <translation>二进制</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
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
        <translation>WebSocket 协议错误</translation>
    </message>
    <message>
        <source>There is no recording to save.</source>
        <translation>没有可保存的记录。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>There is no recording to load into.</source>
        <translation>没有可载入的记录。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Not a HAR file (no log.entries).</source>
        <translation>不是 HAR 文件（没有 log.entries）。</translation>
    </message>
    <message>
        <source>Not a HAR file: %1 at offset %2.</source>
        <translation>不是 HAR 文件：在偏移 %2 处%1。</translation>
    </message>
</context>
<context>
    <name>TaskForm</name>
    <message>
        <source>Send to an open connection</source>
        <translation>发送到已打开的连接</translation>
    </message>
    <message>
        <source>No open connection</source>
        <translation>没有打开的连接</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>Base64</source>
        <translation>Base64</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>消息文本</translation>
    </message>
    <message>
        <source>Hex bytes, such as 73 77 61 6e</source>
        <translation>十六进制字节，例如 73 77 61 6e</translation>
    </message>
    <message>
        <source>Base64, such as c3dhbg==</source>
        <translation>Base64，例如 c3dhbg==</translation>
    </message>
    <message>
        <source>Not valid hex</source>
        <translation>不是有效的十六进制</translation>
    </message>
    <message>
        <source>Not valid base64</source>
        <translation>不是有效的 Base64</translation>
    </message>
    <message>
        <source>Text frame, %1</source>
        <translation>文本帧，%1</translation>
    </message>
    <message>
        <source>Binary frame, %1</source>
        <translation>二进制帧，%1</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Close with</source>
        <translation>关闭，状态码</translation>
    </message>
    <message>
        <source>reason (optional)</source>
        <translation>原因（可选）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>TimingProfile</name>
    <message>
        <source>TCP connect</source>
        <translation>TCP 连接</translation>
    </message>
    <message>
        <source>TLS handshake</source>
        <translation>TLS 握手</translation>
    </message>
    <message>
        <source>WebSocket upgrade</source>
        <translation>WebSocket 升级</translation>
    </message>
    <message>
        <source>No timing recorded.</source>
        <translation>没有耗时记录。</translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation>总计 %1</translation>
    </message>
</context>
<context>
    <name>TrafficChart</name>
    <message>
        <source>Traffic · all connections</source>
        <translation>流量 · 全部连接</translation>
    </message>
    <message>
        <source>last %1 s</source>
        <translation>最近 %1 秒</translation>
    </message>
    <message>
        <source>Messages/s</source>
        <translation>消息/秒</translation>
    </message>
    <message>
        <source>Bytes/s</source>
        <translation>字节/秒</translation>
    </message>
    <message>
        <source>Traffic · %1</source>
        <translation>流量 · %1</translation>
    </message>
    <message>
        <source>Imported from a HAR file: rates are charted for live connections only.</source>
        <translation>从 HAR 文件导入：只为实时连接绘制速率图。</translation>
    </message>
</context>
</TS>
