import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SwanInspector
import SwanInspector.Ui

// One frame's payload as text, collapsible JSON, hex + ASCII, and base64, each with Copy.
Item {
    id: root

    required property FrameDetail detail
    property bool showsLatest: false

    // Each new frame opens in the view that suits it best; the user may pick another.
    function preferredView(): int {
        return root.detail.isJson ? 1 : (root.detail.isBinary ? 2 : 0)
    }

    Connections {
        target: root.detail
        function onFrameChanged() {
            viewTabs.setCurrentIndex(root.preferredView())
        }
    }

    EmptyState {
        anchors.fill: parent
        visible: !root.detail.valid
        title: qsTr("No frame selected")
        hint: qsTr("Choose a frame in the list to see its data as text, JSON, hex or base64.")
    }

    ColumnLayout {
        anchors.fill: parent
        visible: root.detail.valid
        spacing: 0

        Rectangle {
            Layout.fillWidth: true
            visible: root.showsLatest
            implicitHeight: latestNote.implicitHeight + 10
            color: Theme.accentSoft

            Label {
                id: latestNote
                anchors.verticalCenter: parent.verticalCenter
                x: 10
                width: parent.width - 20
                text: qsTr("The latest frame, live. Choose a frame in the list to keep it here.")
                color: Theme.accent
                font.pixelSize: Theme.smallFontSize
                wrapMode: Text.Wrap
            }
        }

        GridLayout {
            Layout.fillWidth: true
            Layout.margins: 10
            columns: 2
            columnSpacing: 12
            rowSpacing: 3

            FactLabel {
                text: qsTr("Direction")
            }
            RowLayout {
                spacing: 4
                DirectionArrow {
                    direction: root.detail.direction
                }
                Label {
                    text: Labels.directionName(root.detail.direction)
                            + (root.detail.type === Wire.CloseFrame && root.detail.closeCode > 0
                               ? " · " + Labels.frameTypeName(root.detail.type) + " " + root.detail.closeCode
                               : " · " + Labels.frameTypeName(root.detail.type))
                    color: Theme.text
                }
            }
            FactLabel {
                text: qsTr("Time")
            }
            Label {
                text: root.detail.timeText
                color: Theme.text
            }
            FactLabel {
                text: qsTr("Length")
            }
            Label {
                text: qsTr("%1 (%2 bytes)").arg(Format.bytes(root.detail.size)).arg(Format.count(root.detail.size))
                color: Theme.text
            }
            FactLabel {
                text: qsTr("Connection")
            }
            Label {
                text: Inspector.taskLabel(root.detail.taskId)
                color: Theme.text
            }
        }

        PaneTabBar {
            id: viewTabs
            objectName: "payloadTabs"
            Layout.fillWidth: true
            Layout.leftMargin: 8
            Layout.rightMargin: 8

            PaneTabButton {
                text: qsTr("Text")
            }
            PaneTabButton {
                text: qsTr("JSON")
                enabled: root.detail.isJson
            }
            PaneTabButton {
                text: qsTr("Hex")
            }
            PaneTabButton {
                text: qsTr("Base64")
            }
        }

        Label {
            Layout.fillWidth: true
            Layout.leftMargin: 10
            Layout.rightMargin: 10
            Layout.topMargin: 4
            visible: root.detail.truncated
            text: qsTr("Showing the first %1 of %2; Copy copies all of it.").arg(Format.bytes(root.detail.displayLimit)).arg(Format.bytes(root.detail.size))
            color: Theme.warning
            font.pixelSize: Theme.smallFontSize
            wrapMode: Text.Wrap
        }

        StackLayout {
            id: views
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: 8
            currentIndex: viewTabs.currentIndex

            PayloadText {
                text: root.detail.text
                wraps: true
                onCopyRequested: root.detail.copy(FrameDetail.Text)
            }
            JsonTreeView {
                json: root.detail.json
                onCopyRequested: root.detail.copy(FrameDetail.PrettyJson)
            }
            PayloadText {
                text: root.detail.hexDump
                wraps: false
                onCopyRequested: root.detail.copy(FrameDetail.HexDump)
            }
            PayloadText {
                text: root.detail.base64
                wraps: true
                onCopyRequested: root.detail.copy(FrameDetail.Base64)
            }
        }
    }

    component FactLabel: Label {
        color: Theme.textMuted
        font.pixelSize: Theme.smallFontSize
    }
}
