import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SwanInspector
import SwanInspector.Ui

// Filters of the frame list: text or regular expression, direction, type, control frames.
Rectangle {
    id: root

    readonly property var frames: Inspector.frames

    implicitHeight: layout.implicitHeight + 12
    color: Theme.panel

    RowLayout {
        id: layout
        anchors.fill: parent
        anchors.leftMargin: 8
        anchors.rightMargin: 8
        spacing: 6

        TextField {
            id: search
            Layout.fillWidth: true
            Layout.minimumWidth: 120
            placeholderText: root.frames.filterIsRegex ? qsTr("Regular expression") : qsTr("Filter data")
            selectByMouse: true
            onTextChanged: root.frames.filterText = text
            color: root.frames.valid ? Theme.text : Theme.danger
            ToolTip.visible: !root.frames.valid && activeFocus
            ToolTip.text: root.frames.errorString
        }
        CheckBox {
            text: qsTr("Regex")
            checked: root.frames.filterIsRegex
            onToggled: root.frames.filterIsRegex = checked
        }
        ComboBox {
            implicitContentWidthPolicy: ComboBox.WidestText
            model: ["\u2191\u2193 " + qsTr("Both"), "\u2191 " + qsTr("Sent"), "\u2193 " + qsTr("Received")]
            // Indexes are Wire.DirectionFilter values.
            currentIndex: root.frames.directionFilter
            onActivated: index => root.frames.directionFilter = index
        }
        ComboBox {
            id: kinds

            // Each choice sets the type filter and whether control frames show.
            readonly property var typeFilters: [Wire.AllTypes, Wire.AllTypes, Wire.TextOnly, Wire.BinaryOnly, Wire.ControlOnly]
            readonly property var showControl: [true, false, true, true, true]

            implicitContentWidthPolicy: ComboBox.WidestText
            model: [qsTr("All frames"), qsTr("Messages only"), qsTr("Text"), qsTr("Binary"), qsTr("Control")]
            currentIndex: {
                const type = root.frames.typeFilter
                if (type === Wire.AllTypes)
                    return root.frames.showControlFrames ? 0 : 1
                return kinds.typeFilters.indexOf(type)
            }
            onActivated: index => {
                root.frames.typeFilter = kinds.typeFilters[index]
                root.frames.showControlFrames = kinds.showControl[index]
            }
        }
        Label {
            text: root.frames.count === Inspector.frameModel.count
                  ? qsTr("%1 frames").arg(Format.count(root.frames.count))
                  : qsTr("%1 of %2").arg(Format.count(root.frames.count)).arg(Format.count(Inspector.frameModel.count))
            color: Theme.textMuted
            font.pixelSize: Theme.smallFontSize
        }
    }

    Rectangle {
        anchors.bottom: parent.bottom
        width: parent.width
        height: 1
        color: Theme.divider
    }
}
