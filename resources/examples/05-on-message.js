swan.connectSocket({
    url: 'wss://example.baidu.com'
});
swan.onSocketOpen(function () {
    swan.sendSocketMessage({
        data: 'baidu'
    });
});
swan.onSocketMessage(function (res) {
    console.log('收到服务器内容：', res.data);
});
