import QtQuick
import QtQuick.Controls
import SwanInspector.Ui

// A flat tab with an accent underline when current, for the panes' tab bars.
TabButton {
    id: root

    implicitHeight: 34
    width: implicitWidth
    leftPadding: 14
    rightPadding: 14

    contentItem: Label {
        text: root.text
        color: root.checked ? Theme.accent : (root.enabled ? Theme.text : Theme.textMuted)
        font.bold: root.checked
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
    }
    background: Rectangle {
        color: root.hovered && !root.checked ? Theme.hover : "transparent"

        Rectangle {
            anchors.bottom: parent.bottom
            width: parent.width
            height: 2
            visible: root.checked
            color: Theme.accent
        }
    }
}
