import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SwanInspector
import SwanInspector.Ui

// The row that lists the frames of every connection at once.
ItemDelegate {
    id: root

    property bool selected: false

    implicitHeight: 36
    background: Rectangle {
        color: root.selected ? Theme.selection : (root.hovered ? Theme.hover : Theme.panel)

        Rectangle {
            anchors.bottom: parent.bottom
            width: parent.width
            height: 1
            color: Theme.divider
        }
    }
    contentItem: RowLayout {
        spacing: 8

        Label {
            text: qsTr("All connections")
            font.bold: true
            color: Theme.text
        }
        Item {
            Layout.fillWidth: true
        }
        Label {
            text: qsTr("%1 frames").arg(Format.count(Inspector.recorder.frameCount))
            color: Theme.textMuted
            font.pixelSize: Theme.smallFontSize
        }
    }
}
