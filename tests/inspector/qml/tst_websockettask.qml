import QtQuick
import QtTest
import SwanSocket

// WebSocketTask, the QML face of SocketTask, against the runner's ws echo server.
TestCase {
    id: testCase
    name: "WebSocketTask"

    Component {
        id: taskComponent
        WebSocketTask {}
    }

    Component {
        id: spyComponent
        SignalSpy {}
    }

    function spy(target, signalName) {
        return createTemporaryObject(spyComponent, testCase, { target: target, signalName: signalName })
    }

    function test_echoesTextAndBinaryThenCloses() {
        const task = createTemporaryObject(taskComponent, testCase, { url: echoServerUrl })
        const opened = spy(task, "opened")
        const texts = spy(task, "textMessageReceived")
        const binaries = spy(task, "binaryMessageReceived")
        const closed = spy(task, "closed")
        compare(task.readyState, WebSocketTask.Closed)
        verify(task.open(), task.errorString)
        compare(task.readyState, WebSocketTask.Connecting)
        compare(opened.count, 0, "no signal from inside open()")
        opened.wait(5000)
        compare(task.readyState, WebSocketTask.Open)
        verify(task.taskId > 0)
        verify(Object.keys(task.responseHeaders).length > 0)

        verify(task.send("hello 你好"))
        texts.wait(5000)
        compare(texts.signalArguments[0][0], "hello 你好")

        const bytes = new Uint8Array([0x73, 0x77, 0x61, 0x6e])
        verify(task.send(bytes.buffer))
        binaries.wait(5000)
        const echoed = new Uint8Array(binaries.signalArguments[0][0])
        compare(Array.from(echoed), [0x73, 0x77, 0x61, 0x6e])

        verify(task.close(4000, "bye"))
        closed.wait(5000)
        compare(closed.signalArguments[0][0], 4000)
        compare(closed.signalArguments[0][1], "bye")
        compare(task.readyState, WebSocketTask.Closed)
        verify(!task.send("too late"))
        verify(task.errorString.length > 0)
    }

    function test_serverCloseArrivesOnce() {
        const task = createTemporaryObject(taskComponent, testCase, { url: echoServerUrl, active: true })
        const opened = spy(task, "opened")
        const closed = spy(task, "closed")
        opened.wait(5000)
        verify(task.active)
        task.send("close please")
        closed.wait(5000)
        compare(closed.signalArguments[0][0], 4001)
        compare(closed.signalArguments[0][1], "as asked")
        verify(!task.active)
        wait(100)
        compare(closed.count, 1)
    }

    function test_refusesBadInputWithoutSignals() {
        const task = createTemporaryObject(taskComponent, testCase, { url: "http://example.com/" })
        const closed = spy(task, "closed")
        verify(!task.open())
        verify(task.errorString.length > 0)
        task.url = echoServerUrl
        task.headers = { "Sec-WebSocket-Key": "mine" }
        verify(!task.open())
        task.headers = {}
        task.protocols = ["ok", "not ok"]
        verify(!task.open())
        task.protocols = []
        verify(task.open())
        verify(!task.close(1001), "1001 is not a code a client may send")
        verify(task.close())
        closed.wait(5000)
        compare(closed.signalArguments[0][0], 1006)
    }

    function test_failedConnectionReportsErrorThenClose() {
        const task = createTemporaryObject(taskComponent, testCase, { url: "ws://127.0.0.1:1/" })
        const errors = spy(task, "errorOccurred")
        const closed = spy(task, "closed")
        verify(task.open())
        closed.wait(5000)
        compare(errors.count, 1)
        compare(closed.signalArguments[0][0], 1006)
        verify(task.errorString.length > 0)
    }
}
