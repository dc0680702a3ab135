import QtQuick
import QtQuick.Controls
import SwanInspector
import SwanInspector.Ui

// A connection's readyState as a coloured dot and its name; red when it ended in an error.
Row {
    id: root

    property int readyState: Wire.Connecting
    property bool failed: false

    readonly property color stateColor: {
        if (root.failed)
            return Theme.danger
        switch (root.readyState) {
        case Wire.Connecting: return Theme.connecting
        case Wire.Open: return Theme.open
        case Wire.Closing: return Theme.closing
        }
        return Theme.closed
    }

    spacing: 5

    Rectangle {
        anchors.verticalCenter: parent.verticalCenter
        width: 9
        height: 9
        radius: 4.5
        color: root.stateColor
    }
    Label {
        anchors.verticalCenter: parent.verticalCenter
        text: root.failed ? qsTr("Failed") : Labels.stateName(root.readyState)
        color: root.stateColor
        font.bold: true
        font.pixelSize: Theme.smallFontSize
    }
}
