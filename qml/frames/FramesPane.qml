import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SwanInspector
import SwanInspector.Ui

// The frame list of the selected connection (or of all), with its filter bar.
Rectangle {
    id: root

    /// The selected row of Inspector.frames, -1 for none.
    readonly property alias currentRow: table.currentIndex
    readonly property bool showsAllConnections: Inspector.selectedTaskId < 0
    readonly property var selectedConnection: Inspector.selectedTaskId < 0
            ? null : Inspector.connectionDetails(Inspector.selectedTaskId)

    color: Theme.panel

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        PaneHeader {
            Layout.fillWidth: true
            title: qsTr("Frames")
            subtitle: root.selectedConnection
                      ? Inspector.taskLabel(Inspector.selectedTaskId) + "  " + root.selectedConnection.urlString
                      : qsTr("all connections")

            ToolButton {
                text: Inspector.recorder.paused ? qsTr("Resume recording") : qsTr("Pause recording")
                font.pixelSize: Theme.smallFontSize
                onClicked: Inspector.recorder.paused = !Inspector.recorder.paused
            }
            ToolButton {
                text: qsTr("Clear")
                font.pixelSize: Theme.smallFontSize
                onClicked: Inspector.clearRecording()
            }
        }

        FrameFilterBar {
            Layout.fillWidth: true
        }

        FrameHeader {
            Layout.fillWidth: true
            showsTask: root.showsAllConnections
        }

        FrameTable {
            id: table
            objectName: "frameTable"
            Layout.fillWidth: true
            Layout.fillHeight: true
            showsTask: root.showsAllConnections
        }
    }
}
