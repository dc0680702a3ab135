import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SwanInspector
import SwanInspector.Ui

// The connections: an "all connections" row, one row per connection, and the traffic chart
// of the selection. Choosing a row lists its frames.
Rectangle {
    id: root

    signal runScriptRequested
    signal openHarRequested

    // Durations of open connections grow with the clock, not with frames.
    property double now: Date.now()

    color: Theme.panel

    Timer {
        interval: 1000
        repeat: true
        running: root.visible
        onTriggered: root.now = Date.now()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        PaneHeader {
            Layout.fillWidth: true
            title: qsTr("Connections")
            subtitle: Inspector.connections.count > 0 ? Format.count(Inspector.connections.count) : ""
        }

        AllConnectionsRow {
            Layout.fillWidth: true
            visible: Inspector.connections.count > 0
            selected: Inspector.selectedTaskId < 0
            onClicked: Inspector.selectedTaskId = -1
        }

        ListView {
            id: list
            objectName: "connectionList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: Inspector.connections
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}
            delegate: ConnectionDelegate {
                id: connection
                width: ListView.view.width
                now: root.now
                selected: connection.taskId === Inspector.selectedTaskId
                onClicked: Inspector.selectedTaskId = connection.taskId
            }

            EmptyState {
                anchors.fill: parent
                visible: list.count === 0
                title: qsTr("No connections yet")
                hint: qsTr("Run a mini-program script, open a HAR file, connect from the composer, or start the demo.")

                Button {
                    text: qsTr("Start demo")
                    enabled: !Inspector.demoRunning
                    onClicked: Inspector.startDemo()
                }
                Button {
                    text: qsTr("Run script…")
                    onClicked: root.runScriptRequested()
                }
                Button {
                    text: qsTr("Open HAR…")
                    onClicked: root.openHarRequested()
                }
            }
        }

        TrafficChart {
            Layout.fillWidth: true
            Layout.preferredHeight: 190
            taskId: Inspector.selectedTaskId
        }
    }

    Rectangle {
        anchors.right: parent.right
        width: 1
        height: parent.height
        color: Theme.border
    }
}
