import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SwanInspector.Ui

// HTTP headers as "name: value" lines in the order they were sent, long values wrapped under
// themselves (as browsers' developer tools show them).
ColumnLayout {
    id: root

    property var headers: []
    property string emptyText

    function escaped(text: string): string {
        return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    }

    spacing: 3

    Label {
        visible: root.headers.length === 0
        text: root.emptyText
        color: Theme.textMuted
        font.italic: true
    }

    Repeater {
        model: root.headers

        Label {
            required property var modelData

            Layout.fillWidth: true
            Layout.preferredWidth: 1
            textFormat: Text.StyledText
            text: "<font color=\"" + Theme.jsonKey + "\">" + root.escaped(modelData.name) + ":</font> "
                  + root.escaped(modelData.value)
            color: Theme.text
            font.family: Theme.monoFamily
            font.pixelSize: Theme.smallFontSize + 1
            wrapMode: Text.WrapAnywhere
        }
    }
}
