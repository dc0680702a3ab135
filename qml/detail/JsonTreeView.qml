import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SwanInspector
import SwanInspector.Ui

// A JSON payload as a tree whose objects and arrays open and fold.
Item {
    id: root

    property alias json: tree.json

    signal copyRequested

    JsonTreeModel {
        id: tree
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 4

        RowLayout {
            Layout.fillWidth: true
            spacing: 2

            Button {
                flat: true
                text: qsTr("Expand all")
                font.pixelSize: Theme.smallFontSize
                implicitHeight: 26
                onClicked: tree.expandAll()
            }
            Button {
                flat: true
                text: qsTr("Collapse all")
                font.pixelSize: Theme.smallFontSize
                implicitHeight: 26
                onClicked: tree.collapseAll()
            }
            Item {
                Layout.fillWidth: true
            }
            CopyButton {
                onClicked: root.copyRequested()
            }
        }

        Label {
            visible: tree.truncated
            text: qsTr("Only the first %1 values are shown.").arg(Format.count(tree.maxNodes))
            color: Theme.warning
            font.pixelSize: Theme.smallFontSize
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: Theme.panelAlt
            border.color: Theme.border
            radius: 3

            ListView {
                id: list
                anchors.fill: parent
                anchors.margins: 4
                clip: true
                model: tree
                boundsBehavior: Flickable.StopAtBounds
                ScrollBar.vertical: ScrollBar {}
                delegate: JsonNodeRow {
                    id: node
                    width: ListView.view.width
                    onToggled: tree.toggle(node.index)
                }
            }
        }
    }
}
