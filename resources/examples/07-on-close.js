swan.connectSocket({
    url: 'wss://example.baidu.com'
});

swan.onSocketClose(function (res) {
    console.log('WebSocket 已关闭！');
})

swan.onSocketOpen(function () {
    swan.closeSocket();
});
