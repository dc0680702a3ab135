import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SwanInspector.Ui

// A pane's title line: the title, a muted subtitle, and tools on the right (default property).
Rectangle {
    id: root

    property string title
    property string subtitle
    default property alias tools: toolRow.data

    implicitHeight: 34
    color: Theme.panelAlt

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 10
        anchors.rightMargin: 6
        spacing: 8

        Label {
            text: root.title
            font.bold: true
            font.pixelSize: Theme.titleFontSize
            color: Theme.text
        }
        Label {
            Layout.fillWidth: true
            text: root.subtitle
            color: Theme.textMuted
            elide: Text.ElideMiddle
        }
        RowLayout {
            id: toolRow
            spacing: 4
        }
    }

    Rectangle {
        anchors.bottom: parent.bottom
        width: parent.width
        height: 1
        color: Theme.border
    }
}
