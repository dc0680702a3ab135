import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SwanInspector.Ui

// Column titles over the frame list.
Rectangle {
    id: root

    property bool showsTask: true
    readonly property FrameColumns columns: FrameColumns {}

    implicitHeight: 26
    color: Theme.panelAlt

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 6
        anchors.rightMargin: 6
        spacing: 6

        Item {
            Layout.preferredWidth: root.columns.arrow
        }
        HeaderLabel {
            Layout.preferredWidth: root.columns.time
            text: qsTr("Time")
        }
        HeaderLabel {
            Layout.preferredWidth: root.columns.task
            visible: root.showsTask
            text: qsTr("Conn.")
        }
        HeaderLabel {
            Layout.preferredWidth: root.columns.type
            text: qsTr("Type")
        }
        HeaderLabel {
            Layout.preferredWidth: root.columns.length
            text: qsTr("Length")
            horizontalAlignment: Text.AlignRight
        }
        HeaderLabel {
            Layout.fillWidth: true
            text: qsTr("Data")
        }
    }

    Rectangle {
        anchors.bottom: parent.bottom
        width: parent.width
        height: 1
        color: Theme.border
    }

    component HeaderLabel: Label {
        color: Theme.textMuted
        font.pixelSize: Theme.smallFontSize
        font.bold: true
        elide: Text.ElideRight
    }
}
