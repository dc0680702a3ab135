swan.connectSocket({
    url: 'wss://example.baidu.com'
});
swan.onSocketOpen(function(res) {
    console.log('WebSocket连接已打开！', res.header);
});
