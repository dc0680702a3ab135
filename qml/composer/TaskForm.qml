import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SwanInspector
import SwanInspector.Ui

// SocketTask.send({data}) and SocketTask.close({code, reason}) on any open connection: text,
// or binary typed as hex or base64.
FormBox {
    id: root

    /// The connection chosen as target, -1 when none is open.
    // Read again whenever the open connections change (count), not only when the index does.
    readonly property int taskId: Inspector.openConnections.count > 0
                                  ? Inspector.openConnections.taskIdAt(targetBox.currentIndex) : -1
    readonly property int encoding: encodingBox.currentIndex
    readonly property int payloadSize: Inspector.composer.payloadSize(message.text, root.encoding)

    title: qsTr("Send to an open connection")

    // Follows the selected connection when it is open.
    Connections {
        target: Inspector
        function onSelectedTaskIdChanged() {
            const row = Inspector.openConnections.rowOfTask(Inspector.selectedTaskId)
            if (row >= 0)
                targetBox.currentIndex = row
        }
    }

    RowLayout {
        Layout.fillWidth: true

        ComboBox {
            id: targetBox
            Layout.fillWidth: true
            model: Inspector.openConnections
            textRole: "urlString"
            displayText: root.taskId > 0 ? "#" + root.taskId + "  " + currentText : qsTr("No open connection")
            delegate: ItemDelegate {
                required property int taskId
                required property string urlString
                width: ListView.view.width
                text: "#" + taskId + "  " + urlString
            }
            // A connection that closes leaves the list: keep the choice on one that is there.
            onCountChanged: {
                if ((currentIndex < 0 && count > 0) || currentIndex >= count)
                    currentIndex = count - 1
            }
        }
        ComboBox {
            id: encodingBox
            Layout.preferredWidth: 96
            // Indexes are Composer.Encoding values.
            model: [qsTr("Text"), qsTr("Hex"), qsTr("Base64")]
        }
    }
    ScrollView {
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.minimumHeight: 36

        TextArea {
            id: message
            placeholderText: root.encoding === Composer.Text ? qsTr("Message text")
                             : root.encoding === Composer.Hex ? qsTr("Hex bytes, such as 73 77 61 6e")
                                                              : qsTr("Base64, such as c3dhbg==")
            selectByMouse: true
            wrapMode: TextEdit.WrapAnywhere
            font.family: Theme.monoFamily
            font.pixelSize: Theme.smallFontSize + 1
        }
    }
    RowLayout {
        Layout.fillWidth: true

        Label {
            Layout.fillWidth: true
            text: root.payloadSize < 0
                  ? (root.encoding === Composer.Hex ? qsTr("Not valid hex") : qsTr("Not valid base64"))
                  : (root.encoding === Composer.Text ? qsTr("Text frame, %1") : qsTr("Binary frame, %1")).arg(Format.bytes(root.payloadSize))
            color: root.payloadSize < 0 ? Theme.danger : Theme.textMuted
            font.pixelSize: Theme.smallFontSize
            elide: Text.ElideRight
        }
        Button {
            text: qsTr("Send")
            highlighted: true
            enabled: root.taskId > 0 && root.payloadSize >= 0
            onClicked: Inspector.composer.send(root.taskId, message.text, root.encoding)
        }
    }
    Rectangle {
        Layout.fillWidth: true
        implicitHeight: 1
        color: Theme.divider
    }
    RowLayout {
        Layout.fillWidth: true

        Label {
            text: qsTr("Close with")
            color: Theme.textMuted
        }
        TextField {
            id: code
            Layout.preferredWidth: 64
            text: "1000"
            selectByMouse: true
            validator: IntValidator {
                bottom: 0
                top: 9999
            }
        }
        TextField {
            id: reason
            Layout.fillWidth: true
            placeholderText: qsTr("reason (optional)")
            selectByMouse: true
        }
        Button {
            text: qsTr("Close")
            enabled: root.taskId > 0 && code.acceptableInput
            onClicked: Inspector.composer.close(root.taskId, parseInt(code.text), reason.text)
        }
    }
}
