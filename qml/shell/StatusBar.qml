import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SwanInspector
import SwanInspector.Ui

// The bottom line: what the recorder holds, and the simulator's profile.
Rectangle {
    id: root

    readonly property var recorder: Inspector.recorder
    readonly property var settings: Inspector.settings

    implicitHeight: 26
    color: Theme.panelAlt

    Rectangle {
        width: parent.width
        height: 1
        color: Theme.border
    }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 10
        anchors.rightMargin: 10
        spacing: 14

        StatusText {
            text: qsTr("%n connection(s)", "", root.recorder.connectionCount)
        }
        StatusText {
            text: qsTr("%1 frames, %2 held").arg(Format.count(root.recorder.frameCount)).arg(Format.bytes(root.recorder.byteCount))
        }
        StatusText {
            visible: root.recorder.droppedFrames > 0
            text: qsTr("%1 oldest frames dropped").arg(Format.count(root.recorder.droppedFrames))
            color: Theme.warning
        }
        StatusText {
            visible: root.recorder.paused
            text: qsTr("Recording paused")
            color: Theme.warning
        }
        Item {
            Layout.fillWidth: true
        }
        StatusText {
            text: qsTr("Platform %1").arg(root.settings.platform === "android" ? "Android" : "iOS")
        }
        StatusText {
            text: root.settings.baseVersion.length > 0 ? qsTr("Base library %1").arg(root.settings.baseVersion)
                                                       : qsTr("Newest base library")
        }
        StatusText {
            text: qsTr("Max %n task(s)", "", root.settings.maxTasks)
        }
        StatusText {
            visible: root.settings.developmentMode
            text: qsTr("DEVELOPMENT SWITCH ON")
            color: Theme.danger
            font.bold: true
        }
        StatusText {
            text: "SwanSocket " + Inspector.version
        }
    }

    component StatusText: Label {
        color: Theme.textMuted
        font.pixelSize: Theme.smallFontSize
    }
}
