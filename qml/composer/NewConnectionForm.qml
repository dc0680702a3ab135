import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SwanInspector
import SwanInspector.Ui

// swan.connectSocket({url, header, protocols}) from a form.
FormBox {
    id: root

    readonly property string headerError: Inspector.composer.checkHeaders(headers.text)

    title: qsTr("New connection")

    TextField {
        id: url
        Layout.fillWidth: true
        placeholderText: "wss://example.baidu.com/chat"
        text: Inspector.demoRunning ? "wss://" + Inspector.demoHost + "/composer" : ""
        selectByMouse: true
    }
    TextField {
        id: protocols
        Layout.fillWidth: true
        placeholderText: qsTr("Subprotocols, comma-separated (optional)")
        selectByMouse: true
    }
    ScrollView {
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.minimumHeight: 40

        TextArea {
            id: headers
            placeholderText: qsTr("Headers, one “Name: value” per line (optional)")
            selectByMouse: true
            font.family: Theme.monoFamily
            font.pixelSize: Theme.smallFontSize + 1
        }
    }
    RowLayout {
        Layout.fillWidth: true

        Label {
            Layout.fillWidth: true
            text: root.headerError
            color: Theme.danger
            font.pixelSize: Theme.smallFontSize
            elide: Text.ElideRight
        }
        Button {
            text: qsTr("Connect")
            highlighted: true
            enabled: url.text.trim().length > 0 && root.headerError.length === 0
            onClicked: {
                const taskId = Inspector.composer.connectTo(url.text, headers.text, protocols.text)
                if (taskId > 0)
                    Inspector.selectedTaskId = taskId
            }
        }
    }
}
