import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SwanInspector
import SwanInspector.Ui

// One small chart: a sent line and a received line over the samples, with the latest values.
Item {
    id: root

    property string title
    property var samples: []
    property string sentKey
    property string receivedKey
    property bool showsBytes: false

    readonly property var latest: root.samples.length > 0 ? root.samples[root.samples.length - 1] : null
    readonly property double peak: {
        let highest = 0
        for (const sample of root.samples)
            highest = Math.max(highest, sample[root.sentKey], sample[root.receivedKey])
        return highest
    }

    function formatted(value: double): string {
        return root.showsBytes ? Format.bytes(value) : Format.rate(value)
    }

    onSamplesChanged: canvas.requestPaint()

    RowLayout {
        id: legend
        width: parent.width
        spacing: 8

        Label {
            text: root.title
            color: Theme.textMuted
            font.pixelSize: Theme.smallFontSize
        }
        Item {
            Layout.fillWidth: true
        }
        Label {
            text: "\u2191 " + (root.latest ? root.formatted(root.latest[root.sentKey]) : "0")
            color: Theme.sent
            font.pixelSize: Theme.smallFontSize
        }
        Label {
            text: "\u2193 " + (root.latest ? root.formatted(root.latest[root.receivedKey]) : "0")
            color: Theme.received
            font.pixelSize: Theme.smallFontSize
        }
        Label {
            text: qsTr("peak %1").arg(root.formatted(root.peak))
            color: Theme.textMuted
            font.pixelSize: Theme.smallFontSize
        }
    }

    Canvas {
        id: canvas
        anchors.top: legend.bottom
        anchors.topMargin: 2
        anchors.bottom: parent.bottom
        width: parent.width

        onWidthChanged: requestPaint()
        onHeightChanged: requestPaint()
        onPaint: {
            const ctx = getContext("2d")
            ctx.reset()
            ctx.fillStyle = Theme.panel
            ctx.fillRect(0, 0, width, height)
            ctx.strokeStyle = Theme.divider
            ctx.lineWidth = 1
            for (let i = 1; i < 3; ++i) {
                const y = Math.round(height * i / 3) + 0.5
                ctx.beginPath()
                ctx.moveTo(0, y)
                ctx.lineTo(width, y)
                ctx.stroke()
            }
            const samples = root.samples
            if (samples.length < 2)
                return
            const top = Math.max(root.peak, 1) * 1.15
            const step = width / (samples.length - 1)
            const plot = (key, color) => {
                ctx.beginPath()
                for (let i = 0; i < samples.length; ++i) {
                    const x = i * step
                    const y = height - 1 - (height - 2) * samples[i][key] / top
                    if (i === 0)
                        ctx.moveTo(x, y)
                    else
                        ctx.lineTo(x, y)
                }
                ctx.strokeStyle = color
                ctx.lineWidth = 1.5
                ctx.stroke()
                ctx.lineTo(width, height)
                ctx.lineTo(0, height)
                ctx.closePath()
                ctx.fillStyle = Qt.rgba(color.r, color.g, color.b, 0.10)
                ctx.fill()
            }
            plot(root.receivedKey, Theme.received)
            plot(root.sentKey, Theme.sent)
        }

        Rectangle {
            anchors.fill: parent
            color: "transparent"
            border.color: Theme.border
        }
    }
}
