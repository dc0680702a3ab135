swan.connectSocket({
    url: 'wss://example.baidu.com'
});

swan.onSocketOpen(function () {
    swan.closeSocket();
});
