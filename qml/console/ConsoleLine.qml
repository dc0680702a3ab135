import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SwanInspector
import SwanInspector.Ui

// One console line: time, level, the script it came from, the text.
Rectangle {
    id: root

    required property string timeText
    required property int level
    required property string source
    // "text" is the model's role; the Label below shows it.
    required property string text

    readonly property color levelColor: {
        switch (root.level) {
        case ConsoleModel.Warn: return Theme.warning
        case ConsoleModel.Error:
        case ConsoleModel.Exception: return Theme.danger
        case ConsoleModel.Info: return Theme.received
        case ConsoleModel.Inspector: return Theme.control
        }
        return Theme.textMuted
    }

    implicitHeight: line.implicitHeight + 6
    color: root.level === ConsoleModel.Error || root.level === ConsoleModel.Exception
           ? Theme.dangerSoft : (root.level === ConsoleModel.Warn ? "#fff8e6" : "transparent")

    RowLayout {
        id: line
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        anchors.leftMargin: 10
        anchors.rightMargin: 10
        spacing: 8

        Label {
            Layout.alignment: Qt.AlignTop
            text: root.timeText
            color: Theme.textMuted
            font.family: Theme.monoFamily
            font.pixelSize: Theme.smallFontSize
        }
        Label {
            Layout.alignment: Qt.AlignTop
            Layout.preferredWidth: 64
            text: Labels.consoleLevelName(root.level)
            color: root.levelColor
            font.bold: true
            font.pixelSize: Theme.smallFontSize
        }
        Label {
            Layout.alignment: Qt.AlignTop
            Layout.preferredWidth: 104
            visible: root.source.length > 0
            text: root.source
            color: Theme.textMuted
            font.pixelSize: Theme.smallFontSize
            elide: Text.ElideMiddle
        }
        Label {
            Layout.fillWidth: true
            text: root.text
            color: root.level === ConsoleModel.Error || root.level === ConsoleModel.Exception ? Theme.danger : Theme.text
            font.family: Theme.monoFamily
            font.pixelSize: Theme.smallFontSize + 1
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
        }
    }

    Rectangle {
        anchors.bottom: parent.bottom
        width: parent.width
        height: 1
        color: Theme.divider
    }
}
