import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SwanInspector.Ui

// What a pane shows while it has nothing to show: a title, a hint, and optional actions.
Item {
    id: root

    property string title
    property string hint
    default property alias actions: actionRow.data

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 32, 380)
        spacing: 8

        Label {
            Layout.fillWidth: true
            text: root.title
            font.pixelSize: Theme.titleFontSize
            font.bold: true
            color: Theme.textMuted
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
        }
        Label {
            Layout.fillWidth: true
            visible: text.length > 0
            text: root.hint
            color: Theme.textMuted
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
        }
        Flow {
            id: actionRow
            Layout.alignment: Qt.AlignHCenter
            Layout.topMargin: 4
            spacing: 6
        }
    }
}
