import QtQuick
import QtQuick.Controls
import SwanInspector.Ui

// The tab bar of a pane: PaneTabButtons on a light strip with a bottom border.
TabBar {
    id: root

    background: Rectangle {
        color: Theme.panelAlt

        Rectangle {
            anchors.bottom: parent.bottom
            width: parent.width
            height: 1
            color: Theme.border
        }
    }
}
