import QtQuick
import QtQuick.Controls
import SwanInspector.Ui

// A small rounded tag: a subprotocol, "HAR", "this session", …
Rectangle {
    id: root

    property alias text: label.text
    property color tint: Theme.accent

    implicitWidth: label.implicitWidth + 12
    implicitHeight: label.implicitHeight + 4
    radius: height / 2
    color: Qt.rgba(root.tint.r, root.tint.g, root.tint.b, 0.12)
    border.color: Qt.rgba(root.tint.r, root.tint.g, root.tint.b, 0.35)

    Label {
        id: label
        anchors.centerIn: parent
        color: root.tint
        font.pixelSize: Theme.smallFontSize
    }
}
