import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SwanInspector
import SwanInspector.Ui

// One connection: state by colour and word, url, subprotocol, frame and byte counts per
// direction, duration, and how it ended.
ItemDelegate {
    id: root

    required property int taskId
    required property string urlString
    // "state" is also Item's own property: that role is read through model.
    required property var model
    required property string protocol
    required property var openedAt
    required property double duration
    required property double framesSent
    required property double framesReceived
    required property double bytesSent
    required property double bytesReceived
    required property int closeCode
    required property string closeReason
    required property string lastError
    required property bool offline

    property bool selected: false
    property double now: Date.now()

    readonly property int readyState: root.model.state
    readonly property bool failed: root.lastError.length > 0
    readonly property string origin: Inspector.taskOrigin(root.taskId)
    readonly property double shownDuration: root.readyState === Wire.Open && root.openedAt
            && !isNaN(root.openedAt.getTime()) && !root.offline
            ? Math.max(root.duration, root.now - root.openedAt.getTime()) : root.duration

    padding: 0
    topPadding: 7
    bottomPadding: 7
    leftPadding: 12
    rightPadding: 10

    background: Rectangle {
        color: root.selected ? Theme.selection : (root.hovered ? Theme.hover : Theme.panel)

        Rectangle {
            visible: root.selected
            width: 3
            height: parent.height
            color: Theme.accent
        }
        Rectangle {
            anchors.bottom: parent.bottom
            width: parent.width
            height: 1
            color: Theme.divider
        }
    }

    contentItem: ColumnLayout {
        spacing: 3

        RowLayout {
            Layout.fillWidth: true
            spacing: 6

            StateBadge {
                readyState: root.readyState
                failed: root.failed
            }
            Label {
                text: Inspector.taskLabel(root.taskId)
                color: Theme.textMuted
                font.pixelSize: Theme.smallFontSize
            }
            Chip {
                visible: root.offline
                text: qsTr("HAR")
                tint: Theme.control
            }
            Label {
                Layout.fillWidth: true
                text: root.origin.length > 0 ? root.origin : qsTr("composer")
                color: Theme.textMuted
                font.pixelSize: Theme.smallFontSize
                elide: Text.ElideMiddle
            }
            Label {
                text: Format.duration(root.shownDuration)
                color: Theme.textMuted
                font.pixelSize: Theme.smallFontSize
            }
        }

        Label {
            Layout.fillWidth: true
            text: root.urlString
            elide: Text.ElideMiddle
            color: Theme.text
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: 10

            Label {
                text: "\u2191 " + Format.count(root.framesSent) + " · " + Format.bytes(root.bytesSent)
                color: Theme.sent
                font.pixelSize: Theme.smallFontSize
            }
            Label {
                text: "\u2193 " + Format.count(root.framesReceived) + " · " + Format.bytes(root.bytesReceived)
                color: Theme.received
                font.pixelSize: Theme.smallFontSize
            }
            Item {
                Layout.fillWidth: true
            }
            Chip {
                visible: root.protocol.length > 0
                text: root.protocol
            }
        }

        Label {
            Layout.fillWidth: true
            visible: root.readyState === Wire.Closed && root.closeCode > 0 && !root.failed
            text: root.closeReason.length > 0
                  ? qsTr("Closed with %1 “%2”").arg(root.closeCode).arg(root.closeReason)
                  : qsTr("Closed with %1").arg(root.closeCode)
            color: Theme.textMuted
            font.pixelSize: Theme.smallFontSize
            elide: Text.ElideRight
        }
        Label {
            Layout.fillWidth: true
            visible: root.readyState === Wire.Closed && root.duration < 0 && !root.failed
            text: qsTr("Never opened: see the console")
            color: Theme.textMuted
            font.pixelSize: Theme.smallFontSize
            elide: Text.ElideRight
        }
        Label {
            Layout.fillWidth: true
            visible: root.failed
            text: root.lastError
            color: Theme.danger
            font.pixelSize: Theme.smallFontSize
            elide: Text.ElideRight
        }
    }
}
