import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SwanInspector
import SwanInspector.Ui

// What the scripts print and throw, and what the inspector says, newest at the bottom.
Item {
    id: root

    property bool followsLatest: true

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            Layout.leftMargin: 10
            Layout.rightMargin: 6
            spacing: 8

            Label {
                text: qsTr("%n line(s)", "", Inspector.console.count)
                color: Theme.textMuted
                font.pixelSize: Theme.smallFontSize
            }
            Label {
                visible: Inspector.console.problemCount > 0
                text: qsTr("%n problem(s)", "", Inspector.console.problemCount)
                color: Theme.danger
                font.pixelSize: Theme.smallFontSize
            }
            Item {
                Layout.fillWidth: true
            }
            CopyButton {
                onClicked: Inspector.copyText(Inspector.console.toPlainText())
            }
            Button {
                flat: true
                text: qsTr("Clear")
                font.pixelSize: Theme.smallFontSize
                implicitHeight: 26
                onClicked: Inspector.console.clear()
            }
        }

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: 1
            color: Theme.divider
        }

        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: Inspector.console
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}
            delegate: ConsoleLine {
                width: ListView.view.width
            }
            onCountChanged: {
                if (root.followsLatest)
                    Qt.callLater(list.positionViewAtEnd)
            }
            onMovementEnded: root.followsLatest = list.atYEnd

            EmptyState {
                anchors.fill: parent
                visible: list.count === 0
                title: qsTr("The console is empty")
                hint: qsTr("console.log() and errors of running scripts appear here.")
            }
        }
    }
}
