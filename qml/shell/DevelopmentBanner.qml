import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SwanInspector
import SwanInspector.Ui

// Says loudly, for as long as it is on, that the development switch skips the security checks.
Rectangle {
    id: root

    implicitHeight: row.implicitHeight + 14
    color: Theme.danger

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: 14
        anchors.rightMargin: 10
        spacing: 12

        Label {
            text: "\u26A0"
            color: "white"
            font.pixelSize: 20
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("<b>Development switch is ON.</b> Domain allow-list, wss-only and TLS certificate checks are skipped — scripts that work here may fail on a phone.")
            textFormat: Text.StyledText
            color: "white"
            wrapMode: Text.Wrap
        }
        Button {
            text: qsTr("Turn off")
            onClicked: Inspector.settings.developmentMode = false
        }
    }
}
