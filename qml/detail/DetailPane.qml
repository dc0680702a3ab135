import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SwanInspector
import SwanInspector.Ui

// The right-hand pane: the selected frame's payload, and the handshake of its connection.
Rectangle {
    id: root

    /// The selected row of Inspector.frames, -1 for none.
    property int frameRow: -1
    /// With no frame selected, the newest one shows, and changes as frames arrive.
    readonly property bool showsLatest: root.frameRow < 0 && Inspector.frames.count > 0

    readonly property int connectionId: Inspector.selectedTaskId >= 0 ? Inspector.selectedTaskId
                                                                      : (detail.valid ? detail.taskId : -1)

    color: Theme.panel

    FrameDetail {
        id: detail
        frames: Inspector.frames
        row: root.frameRow >= 0 ? root.frameRow : Inspector.frames.count - 1
        // 16 bytes a line need some 600 pixels of monospaced text.
        bytesPerLine: root.width >= 600 ? 16 : 8
    }

    Rectangle {
        width: 1
        height: parent.height
        color: Theme.border
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.leftMargin: 1
        spacing: 0

        PaneTabBar {
            id: tabs
            objectName: "detailTabs"
            Layout.fillWidth: true

            PaneTabButton {
                text: qsTr("Message")
            }
            PaneTabButton {
                text: root.connectionId >= 0 ? qsTr("Handshake · %1").arg(Inspector.taskLabel(root.connectionId)) : qsTr("Handshake")
            }
        }

        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: tabs.currentIndex

            MessageView {
                detail: detail
                showsLatest: root.showsLatest
            }
            HandshakeView {
                taskId: root.connectionId
            }
        }
    }
}
