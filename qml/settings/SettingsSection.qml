import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SwanInspector.Ui

// A titled group of settings.
ColumnLayout {
    id: root

    property string title
    default property alias content: body.data

    Layout.fillWidth: true
    Layout.leftMargin: 16
    Layout.rightMargin: 16
    spacing: 6

    Label {
        text: root.title
        font.bold: true
        font.pixelSize: Theme.titleFontSize
        color: Theme.accent
    }
    ColumnLayout {
        id: body
        Layout.fillWidth: true
        spacing: 10
    }
}
