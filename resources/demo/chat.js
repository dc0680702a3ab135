// chat.js: the inspector's live demo. A chat client that says something every second (a JSON
// text message, and every third second a small binary one), logs what the server sends back,
// and shows the allow-list at work with one connection that is refused.
var tick = 0;
var timer = 0;

var task = swan.connectSocket({
    url: 'wss://example.baidu.com/chat',
    header: { 'X-Demo-Client': 'swan-inspector' },
    protocols: ['chat.v1'],
    success: function (res) {
        console.log('chat: connecting, socketTaskId', res.socketTaskId);
    },
    fail: function (res) {
        console.error('chat: connectSocket failed:', res.errMsg);
    }
});

task.onOpen(function (res) {
    console.info('chat: open, subprotocol', res.protocol || '(none)');
    timer = setInterval(function () {
        tick += 1;
        task.send({
            data: JSON.stringify({
                type: 'chat',
                seq: tick,
                from: 'swan',
                text: tick % 5 === 0 ? '你好，这是第 ' + tick + ' 条消息' : 'hello #' + tick,
                sentAt: new Date().toISOString()
            })
        });
        if (tick % 3 === 0) {
            // A tiny binary "position report": magic "SWAN", the tick, then four sensor bytes.
            var bytes = new Uint8Array([0x53, 0x57, 0x41, 0x4e, (tick >> 8) & 0xff, tick & 0xff,
                                        tick * 7 & 0xff, tick * 13 & 0xff, 0x00, 0xff]);
            task.send({ data: bytes.buffer });
        }
    }, 1000);
});

task.onMessage(function (res) {
    if (res.dataType === 'arrayBuffer')
        return;
    var message = JSON.parse(res.data);
    if (message.type === 'welcome')
        console.info('chat: server says', message.text, '(' + message.online + ' online)');
    else if (message.type === 'presence')
        console.log('chat: presence,', message.online, 'online at', message.serverTime);
    else if (message.seq % 10 === 0)
        console.log('chat: echo of #' + message.seq, 'came back');
});

task.onError(function (res) {
    console.error('chat: error:', res.errMsg);
});

task.onClose(function (res) {
    clearInterval(timer);
    console.log('chat: closed', res.code, res.reason);
});

// Not on the allow-list: refused before any network traffic, as on a phone.
swan.connectSocket({
    url: 'wss://not-allowed.example.com/',
    fail: function (res) {
        console.warn('as expected, a host off the allow-list is refused:', res.errMsg);
    }
});
