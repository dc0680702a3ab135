import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SwanInspector.Ui

// A list setting: entries with Remove, entries this session added (not removable, not stored),
// and a field to add one (checked by `add`, which returns "" or why it was refused).
ColumnLayout {
    id: root

    property string title
    property string hint
    property string placeholder
    property var entries: []
    property var sessionEntries: []
    /// false: a button (addClicked) instead of a text field.
    property bool typed: true
    property string addLabel: qsTr("Add")
    property var add: text => ""

    signal removeRequested(int index)
    signal addClicked

    spacing: 4

    Label {
        text: root.title
        color: Theme.text
        font.bold: true
    }
    Label {
        Layout.fillWidth: true
        visible: root.hint.length > 0
        text: root.hint
        color: Theme.textMuted
        font.pixelSize: Theme.smallFontSize
        wrapMode: Text.Wrap
    }

    Repeater {
        model: root.entries

        RowLayout {
            id: entry

            required property int index
            required property string modelData

            Layout.fillWidth: true

            Label {
                Layout.fillWidth: true
                text: entry.modelData
                font.family: Theme.monoFamily
                font.pixelSize: Theme.smallFontSize + 1
                elide: Text.ElideMiddle
                color: Theme.text
            }
            Button {
                flat: true
                text: qsTr("Remove")
                font.pixelSize: Theme.smallFontSize
                implicitHeight: 24
                onClicked: root.removeRequested(entry.index)
            }
        }
    }

    Repeater {
        model: root.sessionEntries

        RowLayout {
            id: sessionEntry

            required property string modelData

            Layout.fillWidth: true

            Label {
                Layout.fillWidth: true
                text: sessionEntry.modelData
                font.family: Theme.monoFamily
                font.pixelSize: Theme.smallFontSize + 1
                elide: Text.ElideMiddle
                color: Theme.textMuted
            }
            Chip {
                text: qsTr("this session")
                tint: Theme.textMuted
            }
        }
    }

    Label {
        visible: root.entries.length === 0 && root.sessionEntries.length === 0
        text: qsTr("None")
        color: Theme.textMuted
        font.italic: true
    }

    RowLayout {
        Layout.fillWidth: true
        visible: root.typed

        TextField {
            id: field
            Layout.fillWidth: true
            placeholderText: root.placeholder
            selectByMouse: true
            onAccepted: addButton.clicked()
            onTextChanged: error.text = ""
        }
        Button {
            id: addButton
            text: root.addLabel
            enabled: field.text.trim().length > 0
            onClicked: {
                error.text = root.add(field.text)
                if (error.text.length === 0)
                    field.clear()
            }
        }
    }
    Button {
        visible: !root.typed
        text: root.addLabel
        onClicked: root.addClicked()
    }
    Label {
        id: error
        Layout.fillWidth: true
        visible: text.length > 0
        color: Theme.danger
        font.pixelSize: Theme.smallFontSize
        wrapMode: Text.Wrap
    }
}
