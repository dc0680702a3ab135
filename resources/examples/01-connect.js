swan.connectSocket({
    url: 'wss://example.baidu.com'
});
