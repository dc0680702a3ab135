import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SwanInspector
import SwanInspector.Ui

// The opening handshake's timing: TCP connect, TLS, WebSocket upgrade, as bars on one scale.
ColumnLayout {
    id: root

    property var profile: ({})

    readonly property double start: root.profile.connectStart || 0
    readonly property double end: root.profile.handshakeDone || root.profile.tlsDone || root.profile.connectEnd || 0
    readonly property double total: root.start > 0 && root.end >= root.start ? root.end - root.start : 0
    readonly property var phases: {
        const p = root.profile
        const list = []
        if (!(p.connectStart > 0))
            return list
        if (p.connectEnd > 0)
            list.push({ name: qsTr("TCP connect"), from: p.connectStart, to: p.connectEnd, color: "#0ea5e9" })
        if (p.tlsDone > 0)
            list.push({ name: qsTr("TLS handshake"), from: p.connectEnd || p.connectStart, to: p.tlsDone, color: "#8b5cf6" })
        if (p.handshakeDone > 0)
            list.push({ name: qsTr("WebSocket upgrade"), from: p.tlsDone || p.connectEnd || p.connectStart, to: p.handshakeDone, color: "#16a34a" })
        return list
    }

    spacing: 4

    Label {
        visible: root.phases.length === 0
        text: qsTr("No timing recorded.")
        color: Theme.textMuted
        font.italic: true
    }

    Repeater {
        model: root.phases

        RowLayout {
            id: phase

            required property var modelData

            Layout.fillWidth: true
            spacing: 8

            Label {
                Layout.preferredWidth: 118
                text: phase.modelData.name
                color: Theme.textMuted
                font.pixelSize: Theme.smallFontSize
                elide: Text.ElideRight
            }
            Item {
                id: track
                Layout.fillWidth: true
                implicitHeight: 12

                Rectangle {
                    anchors.fill: parent
                    color: Theme.divider
                    radius: 2
                }
                Rectangle {
                    x: root.total > 0 ? track.width * (phase.modelData.from - root.start) / root.total : 0
                    width: Math.max(2, root.total > 0 ? track.width * (phase.modelData.to - phase.modelData.from) / root.total : track.width)
                    height: track.height
                    radius: 2
                    color: phase.modelData.color
                }
            }
            Label {
                Layout.preferredWidth: 58
                horizontalAlignment: Text.AlignRight
                text: Format.duration(phase.modelData.to - phase.modelData.from)
                color: Theme.text
                font.pixelSize: Theme.smallFontSize
            }
        }
    }

    Label {
        Layout.alignment: Qt.AlignRight
        visible: root.total > 0
        text: qsTr("Total %1").arg(Format.duration(root.total))
        color: Theme.text
        font.pixelSize: Theme.smallFontSize
        font.bold: true
    }
}
