import QtQuick
import QtQuick.Controls
import SwanInspector
import SwanInspector.Ui

// One member of a JSON tree: a fold arrow for objects and arrays, the key, the value.
Item {
    id: root

    required property int index
    required property string key
    required property string valueText
    required property int kind
    required property int depth
    required property bool expandable
    required property bool expanded
    required property int childCount

    signal toggled

    readonly property color valueColor: {
        switch (root.kind) {
        case JsonTreeModel.String: return Theme.jsonString
        case JsonTreeModel.Number: return Theme.jsonNumber
        case JsonTreeModel.Bool:
        case JsonTreeModel.Null: return Theme.jsonLiteral
        }
        return Theme.textMuted
    }
    readonly property string summary: root.kind === JsonTreeModel.Object
            ? (root.expanded ? "{" : "{…} " + qsTr("%n key(s)", "", root.childCount))
            : (root.expanded ? "[" : "[…] " + qsTr("%n item(s)", "", root.childCount))

    implicitHeight: 20

    Row {
        x: root.depth * 14
        anchors.verticalCenter: parent.verticalCenter
        spacing: 4

        Label {
            width: 12
            text: root.expandable ? (root.expanded ? "\u25BE" : "\u25B8") : ""
            color: Theme.textMuted
            font.pixelSize: Theme.smallFontSize + 1
        }
        Label {
            visible: root.key.length > 0
            text: root.key + ":"
            color: Theme.jsonKey
            font.family: Theme.monoFamily
            font.pixelSize: Theme.smallFontSize + 1
        }
        Label {
            text: root.kind === JsonTreeModel.Object || root.kind === JsonTreeModel.Array
                  ? (root.childCount === 0 ? (root.kind === JsonTreeModel.Object ? "{}" : "[]") : root.summary)
                  : root.valueText
            color: root.valueColor
            font.family: Theme.monoFamily
            font.pixelSize: Theme.smallFontSize + 1
            textFormat: Text.PlainText
            elide: Text.ElideRight
            width: Math.min(implicitWidth, Math.max(40, root.width - x - root.depth * 14 - 60))
        }
    }

    MouseArea {
        anchors.fill: parent
        enabled: root.expandable
        cursorShape: root.expandable ? Qt.PointingHandCursor : Qt.ArrowCursor
        onClicked: root.toggled()
    }
}
