import QtQuick
import QtQuick.Controls
import SwanInspector.Ui

// "Copy" that says "Copied" for a moment after it was pressed.
Button {
    id: root

    property bool justCopied: false

    flat: true
    text: root.justCopied ? qsTr("Copied") : qsTr("Copy")
    font.pixelSize: Theme.smallFontSize
    implicitHeight: 26
    onClicked: {
        root.justCopied = true
        resetTimer.restart()
    }

    Timer {
        id: resetTimer
        interval: 1200
        onTriggered: root.justCopied = false
    }
}
