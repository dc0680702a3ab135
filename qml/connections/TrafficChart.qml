import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SwanInspector
import SwanInspector.Ui

// Messages per second and bytes per second of one connection (or of all), last minute,
// sent and received, refreshed every second.
Rectangle {
    id: root

    property int taskId: -1
    readonly property int seconds: 60
    property var samples: []
    readonly property bool offline: root.taskId >= 0 && Inspector.connectionDetails(root.taskId).offline === true

    function refresh() {
        root.samples = Inspector.rates(root.taskId, root.seconds)
    }

    color: Theme.panelAlt
    onTaskIdChanged: refresh()
    Component.onCompleted: refresh()

    Timer {
        interval: 1000
        repeat: true
        running: root.visible
        onTriggered: root.refresh()
    }

    Rectangle {
        width: parent.width
        height: 1
        color: Theme.border
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 10
        spacing: 6

        RowLayout {
            Layout.fillWidth: true

            Label {
                text: root.taskId < 0 ? qsTr("Traffic · all connections") : qsTr("Traffic · %1").arg(Inspector.taskLabel(root.taskId))
                font.bold: true
                color: Theme.text
            }
            Item {
                Layout.fillWidth: true
            }
            Label {
                text: qsTr("last %1 s").arg(root.seconds)
                color: Theme.textMuted
                font.pixelSize: Theme.smallFontSize
            }
        }

        Label {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: root.offline
            text: qsTr("Imported from a HAR file: rates are charted for live connections only.")
            color: Theme.textMuted
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
        }
        RateSeries {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: !root.offline
            title: qsTr("Messages/s")
            samples: root.samples
            sentKey: "messagesSent"
            receivedKey: "messagesReceived"
        }
        RateSeries {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: !root.offline
            title: qsTr("Bytes/s")
            samples: root.samples
            sentKey: "bytesSent"
            receivedKey: "bytesReceived"
            showsBytes: true
        }
    }
}
