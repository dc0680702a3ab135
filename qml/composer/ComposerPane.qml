import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SwanInspector
import SwanInspector.Ui

// Opens connections by hand, and sends into or closes any open one — a script's too.
Item {
    id: root

    readonly property var composer: Inspector.composer

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 8
        spacing: 6

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 8

            NewConnectionForm {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: root.width * 0.38
            }
            TaskForm {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: root.width * 0.62
            }
        }

        Label {
            Layout.fillWidth: true
            visible: root.composer.status.length > 0
            text: root.composer.status
            color: root.composer.statusIsError ? Theme.danger : Theme.sent
            font.pixelSize: Theme.smallFontSize
            elide: Text.ElideRight
        }
    }
}
