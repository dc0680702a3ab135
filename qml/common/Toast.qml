import QtQuick
import QtQuick.Controls
import SwanInspector.Ui

// A notice that shows for a few seconds at the bottom of the window.
Popup {
    id: root

    property bool isError: false
    property alias text: message.text

    function show(text: string, isError: bool) {
        root.text = text
        root.isError = isError
        root.open()
        hideTimer.restart()
    }

    closePolicy: Popup.CloseOnPressOutside | Popup.CloseOnEscape
    padding: 10
    background: Rectangle {
        radius: 6
        color: root.isError ? Theme.danger : Theme.headerBar
        opacity: 0.95
    }
    contentItem: Label {
        id: message
        color: "white"
        wrapMode: Text.Wrap
    }

    Timer {
        id: hideTimer
        interval: 4500
        onTriggered: root.close()
    }
}
