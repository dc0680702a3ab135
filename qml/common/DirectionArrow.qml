import QtQuick
import QtQuick.Controls
import SwanInspector
import SwanInspector.Ui

// ↑ for a frame we sent, ↓ for one we received (as in browsers' developer tools).
Label {
    id: root

    property int direction: Wire.Sent

    text: root.direction === Wire.Sent ? "\u2191" : "\u2193"
    color: root.direction === Wire.Sent ? Theme.sent : Theme.received
    font.bold: true
    font.pixelSize: Theme.fontSize + 2
    horizontalAlignment: Text.AlignHCenter
}
