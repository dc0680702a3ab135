import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SwanInspector
import SwanInspector.Ui

// One frame in the list: direction, time, connection, type, length and the start of its data.
Rectangle {
    id: root

    required property int index
    required property int taskId
    required property int direction
    required property string timeText
    required property int type
    required property double size
    required property string preview
    required property int closeCode
    required property string closeReason

    property bool showsTask: true
    property bool selected: false
    readonly property FrameColumns columns: FrameColumns {}
    readonly property bool isControl: root.type >= Wire.CloseFrame

    signal clicked

    implicitHeight: Theme.rowHeight
    color: root.selected ? Theme.selection
                         : root.isControl ? Theme.controlRow
                                          : root.direction === Wire.Sent ? Theme.sentRow : Theme.panel

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 6
        anchors.rightMargin: 6
        spacing: 6

        DirectionArrow {
            Layout.preferredWidth: root.columns.arrow
            direction: root.direction
        }
        Label {
            Layout.preferredWidth: root.columns.time
            text: root.timeText
            color: Theme.textMuted
            font.family: Theme.monoFamily
            font.pixelSize: Theme.smallFontSize + 1
        }
        Label {
            Layout.preferredWidth: root.columns.task
            visible: root.showsTask
            text: Inspector.taskLabel(root.taskId)
            color: Theme.textMuted
            font.pixelSize: Theme.smallFontSize
        }
        Label {
            Layout.preferredWidth: root.columns.type
            text: Labels.frameTypeName(root.type)
            color: root.isControl ? Theme.control : Theme.text
            font.pixelSize: Theme.smallFontSize + 1
        }
        Label {
            Layout.preferredWidth: root.columns.length
            text: Format.bytes(root.size)
            color: Theme.textMuted
            horizontalAlignment: Text.AlignRight
            font.pixelSize: Theme.smallFontSize + 1
        }
        Label {
            Layout.fillWidth: true
            text: root.type === Wire.CloseFrame
                  ? (root.closeCode > 0 ? root.closeCode + " " : "") + root.closeReason
                  : root.preview
            color: root.isControl ? Theme.control : Theme.text
            font.family: Theme.monoFamily
            font.pixelSize: Theme.smallFontSize + 1
            elide: Text.ElideRight
            maximumLineCount: 1
            textFormat: Text.PlainText
        }
    }

    Rectangle {
        anchors.bottom: parent.bottom
        width: parent.width
        height: 1
        color: Theme.divider
    }

    MouseArea {
        anchors.fill: parent
        onClicked: root.clicked()
    }
}
