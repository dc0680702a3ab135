import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SwanInspector.Ui

// A titled box of the composer.
Rectangle {
    id: root

    property string title
    default property alias content: body.data

    color: Theme.panelAlt
    border.color: Theme.border
    radius: 4
    implicitWidth: body.implicitWidth + 20
    implicitHeight: body.implicitHeight + heading.implicitHeight + 24

    Label {
        id: heading
        x: 10
        y: 8
        text: root.title
        font.bold: true
        color: Theme.text
    }

    ColumnLayout {
        id: body
        anchors.top: heading.bottom
        anchors.topMargin: 6
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.leftMargin: 10
        anchors.rightMargin: 10
        anchors.bottomMargin: 8
        spacing: 5
    }
}
