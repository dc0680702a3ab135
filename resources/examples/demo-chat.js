// demo-chat.js: one SocketTask from open to close: a text and a binary message out, their
// echoes back, then a normal close (code 1000). Run against the local echo server:
//   .ci/demo.sh    (or swan-run with --allow-domain/--ca-cert/--connect-to, see README)
var task = swan.connectSocket({
    url: 'wss://example.baidu.com/chat',
    success: function (res) {
        console.log('connecting, socketTaskId', res.socketTaskId);
    },
    fail: function (res) {
        console.error('connectSocket failed:', res.errMsg);
    }
});

var echoesLeft = 2;

task.onOpen(function (res) {
    console.log('open, readyState', task.readyState);
    task.send({ data: 'hello from swan-run' });
    var bytes = new Uint8Array([0x73, 0x77, 0x61, 0x6e]); // "swan"
    task.send({
        data: bytes.buffer,
        success: function () {
            console.log('sent', bytes.byteLength, 'bytes');
        }
    });
});

task.onMessage(function (res) {
    if (res.dataType === 'arrayBuffer')
        console.log('echo (binary):', Array.prototype.join.call(new Uint8Array(res.data), ' '));
    else
        console.log('echo (text):', res.data);
    if (--echoesLeft === 0)
        task.close({ code: 1000, reason: 'bye' });
});

task.onError(function (res) {
    console.error('error:', res.errMsg);
});

task.onClose(function (res) {
    console.log('closed', res.code, res.reason);
});
