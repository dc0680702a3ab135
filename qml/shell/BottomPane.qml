import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import SwanInspector
import SwanInspector.Ui

// Console and composer, one at a time.
Rectangle {
    id: root

    color: Theme.panel

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: 1
            color: Theme.border
        }
        PaneTabBar {
            id: tabs
            objectName: "bottomTabs"
            Layout.fillWidth: true

            PaneTabButton {
                text: Inspector.console.problemCount > 0
                      ? qsTr("Console (%1)").arg(Inspector.console.problemCount) : qsTr("Console")
            }
            PaneTabButton {
                text: qsTr("Composer")
            }
        }
        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: tabs.currentIndex

            ConsolePane {}
            ComposerPane {}
        }
    }
}
