swan.connectSocket({
    url: 'wss://example.baidu.com' // 仅为示例，并非真实的服务地址
});
swan.onSocketError(function (res) {
    console.log('WebSocket连接打开失败，请检查！');
});
