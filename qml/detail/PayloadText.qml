import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SwanInspector.Ui

// A read-only, selectable monospaced text with a Copy button.
Item {
    id: root

    property string text
    property bool wraps: true

    signal copyRequested

    ColumnLayout {
        anchors.fill: parent
        spacing: 4

        RowLayout {
            Layout.fillWidth: true

            Item {
                Layout.fillWidth: true
            }
            CopyButton {
                onClicked: root.copyRequested()
            }
        }

        ScrollView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true

            TextArea {
                text: root.text
                readOnly: true
                selectByMouse: true
                wrapMode: root.wraps ? TextEdit.WrapAnywhere : TextEdit.NoWrap
                font.family: Theme.monoFamily
                font.pixelSize: Theme.smallFontSize + 1
                color: Theme.text
                textFormat: TextEdit.PlainText
                background: Rectangle {
                    color: Theme.panelAlt
                    border.color: Theme.border
                    radius: 3
                }
            }
        }
    }
}
