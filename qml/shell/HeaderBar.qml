import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SwanInspector
import SwanInspector.Ui

// The top bar: what is running, and the actions on scripts, recordings, language and settings.
Rectangle {
    id: root

    signal runScriptRequested
    signal openHarRequested
    signal saveHarRequested
    signal settingsRequested

    readonly property var scripts: Inspector.runningScripts

    implicitHeight: 46
    color: Theme.headerBar

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 14
        anchors.rightMargin: 8
        spacing: 6

        Label {
            text: qsTr("SwanSocket Inspector")
            color: Theme.headerText
            font.bold: true
            font.pixelSize: 15
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: 6
            clip: true

            ActivityChip {
                visible: Inspector.demoRunning
                dotColor: "#4ade80"
                text: qsTr("Demo server %1").arg(Inspector.demoServerAddress)
                ToolTip.visible: hovered
                ToolTip.text: qsTr("%1 is redirected to the local echo server %2").arg(Inspector.demoHost).arg(Inspector.demoServerAddress)
            }
            ActivityChip {
                visible: root.scripts.length > 0
                dotColor: "#60a5fa"
                text: root.scripts.length === 1 ? root.scripts[0] : qsTr("%n script(s)", "", root.scripts.length)
                ToolTip.visible: hovered
                ToolTip.text: root.scripts.join("\n")
            }
            ActivityChip {
                visible: Inspector.harFile.length > 0
                dotColor: "#c084fc"
                text: qsTr("HAR · %1").arg(Inspector.harFile)
            }
            Item {
                Layout.fillWidth: true
            }
        }

        BarButton {
            text: qsTr("Run script…")
            onClicked: root.runScriptRequested()
        }
        BarButton {
            text: qsTr("Stop")
            enabled: root.scripts.length > 0
            onClicked: Inspector.stopScripts()
        }
        BarSeparator {}
        BarButton {
            text: qsTr("Open HAR…")
            onClicked: root.openHarRequested()
        }
        BarButton {
            text: qsTr("Export HAR…")
            enabled: Inspector.connections.count > 0
            onClicked: root.saveHarRequested()
        }
        BarSeparator {}
        BarButton {
            id: languageButton
            text: Inspector.language === "zh_CN" ? "中文 \u25BE" : "English \u25BE"
            onClicked: languageMenu.open()

            Menu {
                id: languageMenu
                y: languageButton.height

                Repeater {
                    model: [
                        { code: "", name: qsTr("System language") },
                        { code: "zh_CN", name: "中文" },
                        { code: "en", name: "English" }
                    ]
                    MenuItem {
                        required property var modelData
                        text: modelData.name
                        checkable: true
                        checked: Inspector.settings.language === modelData.code
                        onTriggered: Inspector.setLanguage(modelData.code)
                    }
                }
            }
        }
        BarButton {
            text: qsTr("Settings")
            onClicked: root.settingsRequested()
        }
    }

    component BarButton: ToolButton {
        id: button
        contentItem: Label {
            text: button.text
            color: button.enabled ? Theme.headerText : Theme.headerMuted
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
        }
        background: Rectangle {
            radius: 4
            color: button.down ? "#374151" : (button.hovered ? "#2d3748" : "transparent")
        }
    }

    component BarSeparator: Rectangle {
        implicitWidth: 1
        implicitHeight: 22
        color: "#4b5563"
    }

    component ActivityChip: Rectangle {
        id: chip

        property alias text: chipLabel.text
        property color dotColor: "white"
        readonly property bool hovered: chipHover.hovered

        implicitWidth: chipRow.implicitWidth + 16
        implicitHeight: 24
        radius: 12
        color: "#374151"

        HoverHandler {
            id: chipHover
        }
        Row {
            id: chipRow
            anchors.centerIn: parent
            spacing: 6

            Rectangle {
                anchors.verticalCenter: parent.verticalCenter
                width: 8
                height: 8
                radius: 4
                color: chip.dotColor
            }
            Label {
                id: chipLabel
                anchors.verticalCenter: parent.verticalCenter
                color: Theme.headerText
                font.pixelSize: Theme.smallFontSize + 1
            }
        }
    }
}
